import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, expect, it } from 'vitest';
import { describeIf } from '../../../test/require.js';
import { REDIS_URL, redisCapability } from '../../../test/redis.js';
import { RedisConcurrencyLimiter, type RedisConcurrencyLimiterOptions } from './redis-concurrency.js';

const redisUp = await redisCapability();

const prefix = `synclane:test:${randomBytes(4).toString('hex')}:`;
const connections: Redis[] = [];
const limiters: RedisConcurrencyLimiter[] = [];

/** One limiter on its own connection, as a separate process would have. */
function instance(options: Partial<RedisConcurrencyLimiterOptions> = {}): { limiter: RedisConcurrencyLimiter; redis: Redis } {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  connections.push(redis);
  const limiter = new RedisConcurrencyLimiter({ redis, prefix, ...options });
  limiters.push(limiter);
  return { limiter, redis };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
  await Promise.all(limiters.splice(0).map((l) => l.close()));
});

afterAll(async () => {
  if (connections.length > 0) {
    const keys = await connections[0].keys(`${prefix}*`);
    if (keys.length > 0) await connections[0].del(...keys);
  }
  connections.forEach((c) => c.disconnect());
});

describeIf(redisUp)('RedisConcurrencyLimiter', () => {
  it('never lets more than the limit hold a key across instances', async () => {
    const instances = [instance(), instance(), instance()];
    let active = 0;
    let peak = 0;
    let remotePeak = 0;
    const work = async (limiter: RedisConcurrencyLimiter) => {
      const release = await limiter.acquire('acct-1', 5);
      active += 1;
      peak = Math.max(peak, active);
      remotePeak = Math.max(remotePeak, await limiter.holders('acct-1'));
      await sleep(Math.random() * 5);
      active -= 1;
      release();
    };
    await Promise.all(instances.flatMap(({ limiter }) => Array.from({ length: 40 }, () => work(limiter))));
    expect(peak).toBe(5);
    expect(remotePeak).toBeLessThanOrEqual(5);
    await sleep(20);
    expect(await instances[0].limiter.holders('acct-1')).toBe(0);
  });

  it('keys are independent and a local queue is first come, first served', async () => {
    const { limiter } = instance();
    const first = await limiter.acquire('k', 1);
    const other = await limiter.acquire('other', 1);
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) => limiter.acquire('k', 1).then((release) => {
      order.push(n);
      release();
    }));
    await sleep(30);
    expect(limiter.stats('k')).toEqual({ active: 1, waiting: 3 });
    first();
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
    other();
  });

  it('ignores a second release and refuses a bad limit', async () => {
    const { limiter } = instance();
    const release = await limiter.acquire('k2', 2);
    const other = await limiter.acquire('k2', 2);
    release();
    release();
    await sleep(20);
    expect(limiter.stats('k2').active).toBe(1);
    expect(await limiter.holders('k2')).toBe(1);
    other();
    await expect(limiter.acquire('k2', 0)).rejects.toThrow(/positive integer/);
  });

  it('hands a slot freed by another instance to a waiter', async () => {
    const a = instance().limiter;
    const b = instance().limiter;
    const held = await a.acquire('k3', 1);
    let granted = false;
    const waiting = b.acquire('k3', 1).then((release) => {
      granted = true;
      return release;
    });
    await sleep(100);
    expect(granted).toBe(false);
    held();
    (await waiting)();
    expect(granted).toBe(true);
  });

  it('renews the lease of a slot held longer than the lease', async () => {
    // Renewed every third of the lease, so a busy runner may stall ~300 ms without losing it.
    const a = instance({ leaseMs: 500 }).limiter;
    const b = instance({ leaseMs: 500 }).limiter;
    const held = await a.acquire('k4', 1);
    let granted = false;
    const waiting = b.acquire('k4', 1).then((release) => {
      granted = true;
      release();
    });
    await sleep(1_200);
    expect(granted).toBe(false);
    held();
    await waiting;
  });

  it('recovers the slots of a crashed holder when their leases lapse', async () => {
    const crashed = instance({ leaseMs: 300 });
    await crashed.limiter.acquire('k5', 2);
    await crashed.limiter.acquire('k5', 2);
    // The process dies: no release, no renewal ever reaches Redis again.
    crashed.redis.disconnect();
    const survivor = instance({ leaseMs: 300 }).limiter;
    const started = performance.now();
    const [r1, r2] = await Promise.all([survivor.acquire('k5', 2), survivor.acquire('k5', 2)]);
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThan(150);
    expect(waited).toBeLessThan(3_000);
    expect(await survivor.holders('k5')).toBe(2);
    r1();
    r2();
  });

  it('refuses waiters and gives back held slots on close', async () => {
    const a = instance().limiter;
    const observer = instance().limiter;
    await a.acquire('k6', 1);
    const refused = expect(a.acquire('k6', 1)).rejects.toThrow(/closed/);
    await a.close();
    await refused;
    expect(await observer.holders('k6')).toBe(0);
  });
});
