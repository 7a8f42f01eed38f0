import { describe, expect, it } from 'vitest';
import { InMemoryCostLimiter } from './cost-bucket.js';

function fakeTime() {
  const clock = { now: 0, slept: [] as number[] };
  return {
    clock,
    options: {
      now: () => clock.now,
      sleep: async (ms: number) => {
        clock.slept.push(ms);
        clock.now += ms;
      },
    },
  };
}

describe('InMemoryCostLimiter', () => {
  it('lets a query through at once when the reported bucket can afford it', async () => {
    const { options } = fakeTime();
    const limiter = new InMemoryCostLimiter(options);
    limiter.report('shop-a', 0, { maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 });
    expect(await limiter.reserve('shop-a', 1000)).toBe(0);
  });

  it('waits exactly as long as the restore rate needs, never sending what the bucket cannot afford', async () => {
    const { clock, options } = fakeTime();
    const limiter = new InMemoryCostLimiter(options);
    limiter.report('shop-a', 0, { maximumAvailable: 1000, currentlyAvailable: 100, restoreRate: 50 });
    expect(await limiter.reserve('shop-a', 600)).toBe(10_000);
    expect(clock.now).toBe(10_000);
    expect(limiter.estimate('shop-a')?.currentlyAvailable).toBe(0);
  });

  it('paces from the last report, keeping queries still in flight off the bucket', async () => {
    const { clock, options } = fakeTime();
    const limiter = new InMemoryCostLimiter(options);
    limiter.report('shop-a', 0, { maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 100 });
    await limiter.reserve('shop-a', 400);
    await limiter.reserve('shop-a', 400);
    // the first answer reports 600 left: the second query (400) is still in flight
    limiter.report('shop-a', 400, { maximumAvailable: 1000, currentlyAvailable: 600, restoreRate: 100 });
    expect(limiter.estimate('shop-a')?.currentlyAvailable).toBe(200);
    expect(await limiter.reserve('shop-a', 400)).toBe(2000);
    expect(clock.now).toBe(2000);
  });

  it('keeps shops apart', async () => {
    const { options } = fakeTime();
    const limiter = new InMemoryCostLimiter(options);
    limiter.report('shop-a', 0, { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 50 });
    limiter.report('shop-b', 0, { maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 50 });
    expect(await limiter.reserve('shop-b', 500)).toBe(0);
  });

  it('serves reservations in order so a large query is not starved', async () => {
    const { options } = fakeTime();
    const limiter = new InMemoryCostLimiter(options);
    limiter.report('shop-a', 0, { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 100 });
    const order: string[] = [];
    await Promise.all([
      limiter.reserve('shop-a', 900).then(() => order.push('large')),
      limiter.reserve('shop-a', 10).then(() => order.push('small')),
    ]);
    expect(order).toEqual(['large', 'small']);
  });

  it('assumes Shopify\'s smallest bucket before the first report', async () => {
    const { options } = fakeTime();
    const limiter = new InMemoryCostLimiter(options);
    expect(await limiter.reserve('new-shop', 1000)).toBe(0);
    expect(await limiter.reserve('new-shop', 100)).toBe(2000);
  });

  it('uses a report that arrives while a query waits', async () => {
    const { options } = fakeTime();
    const limiter = new InMemoryCostLimiter({ ...options, maxSleepMs: 100 });
    await limiter.reserve('shop-a', 1000);
    const waiting = limiter.reserve('shop-a', 1000);
    limiter.report('shop-a', 1000, { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 10_000 });
    expect(await waiting).toBe(100);
  });
});
