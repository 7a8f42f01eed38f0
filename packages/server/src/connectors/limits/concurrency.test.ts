import { describe, expect, it } from 'vitest';
import { InMemoryConcurrencyLimiter } from './concurrency.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('InMemoryConcurrencyLimiter', () => {
  it('holds at most the limit in flight per key and keys independently', async () => {
    const limiter = new InMemoryConcurrencyLimiter();
    let active = 0;
    let peak = 0;
    const work = async (key: string) => {
      const release = await limiter.acquire(key, 3);
      active += 1;
      peak = Math.max(peak, active);
      await tick();
      active -= 1;
      release();
    };
    await Promise.all(Array.from({ length: 20 }, () => work('acct-A')));
    expect(peak).toBe(3);
    const a = await limiter.acquire('acct-A', 1);
    const b = await limiter.acquire('acct-B', 1);
    expect(limiter.stats('acct-A')).toEqual({ active: 1, waiting: 0 });
    a();
    b();
    expect(limiter.stats('acct-A')).toEqual({ active: 0, waiting: 0 });
  });

  it('grants slots first come, first served', async () => {
    const limiter = new InMemoryConcurrencyLimiter();
    const first = await limiter.acquire('k', 1);
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) => limiter.acquire('k', 1).then((release) => {
      order.push(n);
      release();
    }));
    expect(limiter.stats('k')).toEqual({ active: 1, waiting: 3 });
    first();
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
  });

  it('ignores a second release and refuses a bad limit', async () => {
    const limiter = new InMemoryConcurrencyLimiter();
    const release = await limiter.acquire('k', 2);
    const other = await limiter.acquire('k', 2);
    release();
    release();
    expect(limiter.stats('k').active).toBe(1);
    other();
    await expect(limiter.acquire('k', 0)).rejects.toThrow(/positive integer/);
  });
});
