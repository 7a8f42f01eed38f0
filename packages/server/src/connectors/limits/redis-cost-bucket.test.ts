import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, expect, it } from 'vitest';
import { describeIf } from '../../../test/require.js';
import { REDIS_URL, redisCapability } from '../../../test/redis.js';
import { RedisCostLimiter, type RedisCostLimiterOptions } from './redis-cost-bucket.js';

const redisUp = await redisCapability();

const prefix = `synclane:test:${randomBytes(4).toString('hex')}:`;
const connections: Redis[] = [];

/** One limiter on its own connection, as a separate process would have. */
function instance(options: Partial<RedisCostLimiterOptions> = {}): RedisCostLimiter {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  connections.push(redis);
  return new RedisCostLimiter({ redis, prefix, ...options });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterAll(async () => {
  if (connections.length > 0) {
    const keys = await connections[0].keys(`${prefix}*`);
    if (keys.length > 0) await connections[0].del(...keys);
  }
  connections.forEach((c) => c.disconnect());
});

describeIf(redisUp)('RedisCostLimiter', () => {
  it('lets a query through at once when the reported bucket can afford it', async () => {
    const limiter = instance();
    await limiter.report('shop-a', 0, { maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 });
    expect(await limiter.reserve('shop-a', 1000)).toBe(0);
  });

  it('waits as long as the restore rate needs', async () => {
    const limiter = instance();
    // From the empty bucket Shopify reported, 300 points take 300 ms to restore.
    const started = performance.now();
    await limiter.report('shop-b', 0, { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 1000 });
    const waited = await limiter.reserve('shop-b', 300);
    expect(performance.now() - started).toBeGreaterThanOrEqual(299);
    expect(waited).toBeGreaterThan(0);
    expect(waited).toBeLessThanOrEqual(300);
  });

  it('never lets more through than the bucket held plus what it restored, across instances', async () => {
    const [a, b] = [instance(), instance()];
    const start = performance.now();
    await a.report('shop-c', 0, { maximumAvailable: 100, currentlyAvailable: 100, restoreRate: 1000 });
    const grants: { at: number; cost: number }[] = [];
    const caller = async (limiter: RedisCostLimiter) => {
      while (performance.now() - start < 400) {
        const cost = 5 + Math.floor(Math.random() * 25);
        await limiter.reserve('shop-c', cost);
        grants.push({ at: performance.now(), cost });
        await limiter.report('shop-c', cost, null);
      }
    };
    await Promise.all([a, b].flatMap((limiter) => Array.from({ length: 6 }, () => caller(limiter))));
    grants.sort((x, y) => x.at - y.at);
    let total = 0;
    for (const grant of grants) {
      total += grant.cost;
      expect(total, `${total} points granted ${grant.at - start} ms in`).toBeLessThanOrEqual(100 + (grant.at - start) + 1e-6);
    }
    // and it paces rather than refuses (loosely: a loaded 2-core runner is slow to ask)
    expect(total, 'points granted in all').toBeGreaterThan(0.2 * (100 + 400));
  });

  it('report() resynchronises from what Shopify said, keeping queries in flight off', async () => {
    const [a, b] = [instance(), instance()];
    await a.report('shop-d', 0, { maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 1 });
    await a.reserve('shop-d', 400);
    await b.reserve('shop-d', 400);
    expect((await a.estimate('shop-d'))?.currentlyAvailable).toBe(200);
    // b's answer: Shopify charged b's query but not yet a's, and another app spent 100
    await b.report('shop-d', 400, { maximumAvailable: 1000, currentlyAvailable: 500, restoreRate: 1 });
    expect((await a.estimate('shop-d'))?.currentlyAvailable).toBe(100);
    await a.report('shop-d', 400, { maximumAvailable: 1000, currentlyAvailable: 150, restoreRate: 1 });
    expect(await b.estimate('shop-d')).toEqual({ maximumAvailable: 1000, currentlyAvailable: 150, restoreRate: 1 });
  });

  it('forgets the in-flight reservation of a crashed instance after its ttl', async () => {
    const crashed = instance({ inFlightTtlMs: 300 });
    const survivor = instance({ inFlightTtlMs: 300 });
    const full = { maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 1 };
    await survivor.report('shop-e', 0, full);
    await crashed.reserve('shop-e', 400);
    await survivor.report('shop-e', 0, full);
    expect((await survivor.estimate('shop-e'))?.currentlyAvailable).toBe(600);
    await sleep(400);
    await survivor.report('shop-e', 0, full);
    expect((await survivor.estimate('shop-e'))?.currentlyAvailable).toBe(1000);
  });

  it('does not let small queries of another instance starve a large one', async () => {
    const [a, b] = [instance(), instance()];
    await a.report('shop-f', 0, { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 2000 });
    const order: string[] = [];
    const large = a.reserve('shop-f', 900).then((waited) => {
      order.push('large');
      return waited;
    });
    // b starts once a's claim is on record, so a is first in line
    const claims = connections[0];
    while ((await claims.hlen(`${prefix}{shop-f}:cost:claims`)) === 0) await sleep(5);
    let done = false;
    void large.then(() => {
      done = true;
    });
    const small = (async () => {
      const until = performance.now() + 1_500;
      while (!done && performance.now() < until) {
        await b.reserve('shop-f', 50);
        order.push('small');
      }
    })();
    const waited = await large;
    await small;
    // Alone, it would have had its 900 points after 450 ms; small ones may only take what is beyond them.
    expect(waited).toBeLessThan(1_000);
    expect(order).toContain('large');
  });

  it('serves one instance\'s reservations in order', async () => {
    const limiter = instance();
    await limiter.report('shop-g', 0, { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 5000 });
    const order: string[] = [];
    await Promise.all([
      limiter.reserve('shop-g', 900).then(() => order.push('large')),
      limiter.reserve('shop-g', 10).then(() => order.push('small')),
    ]);
    expect(order).toEqual(['large', 'small']);
  });

  it('assumes Shopify\'s smallest bucket before the first report, and keeps shops apart', async () => {
    const limiter = instance();
    expect(await limiter.reserve('new-shop', 1000)).toBe(0);
    expect(await limiter.estimate('new-shop')).toMatchObject({ maximumAvailable: 1000, restoreRate: 50 });
    expect((await limiter.estimate('new-shop'))?.currentlyAvailable).toBeLessThan(10);
    expect(await limiter.reserve('other-shop', 1000)).toBe(0);
  });
});
