import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { itIf } from '../../../test/require.js';
import { REDIS_URL, redisCapability } from '../../../test/redis.js';
import { createLogger } from '../../logger.js';
import { PgConcurrencyLimiter } from './pg-concurrency.js';
import { PgCostLimiter } from './pg-cost-bucket.js';
import { RedisConcurrencyLimiter } from './redis-concurrency.js';
import { RedisCostLimiter } from './redis-cost-bucket.js';
import { createSharedLimiters } from './shared.js';

const redisUp = await redisCapability();

const logger = createLogger('silent');
const key = `shared-test-${randomBytes(4).toString('hex')}`;
let database: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
});
afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

describe('createSharedLimiters', () => {
  itIf(redisUp)('keeps the state in Redis when a URL is given', async () => {
    const limiters = createSharedLimiters({ redisUrl: REDIS_URL, pool, logger });
    expect(limiters.concurrency).toBeInstanceOf(RedisConcurrencyLimiter);
    expect(limiters.cost).toBeInstanceOf(RedisCostLimiter);
    const release = await limiters.concurrency.acquire(key, 1);
    release();
    expect(await limiters.cost.reserve(key, 10)).toBe(0);
    await limiters.cost.report(key, 10, null);
    await limiters.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`synclane:limits:{${key}}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('keeps the state in Postgres without Redis, and leaves the app pool open', async () => {
    const limiters = createSharedLimiters({ pool, logger });
    expect(limiters.concurrency).toBeInstanceOf(PgConcurrencyLimiter);
    expect(limiters.cost).toBeInstanceOf(PgCostLimiter);
    const release = await limiters.concurrency.acquire(key, 1);
    release();
    expect(await limiters.cost.reserve(key, 10)).toBe(0);
    await limiters.cost.report(key, 10, { maximumAvailable: 1000, currentlyAvailable: 990, restoreRate: 50 });
    await limiters.close();
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM limiter_reservations WHERE key = $1', [key]);
    expect(rows[0].n).toBe(0);
  });
});
