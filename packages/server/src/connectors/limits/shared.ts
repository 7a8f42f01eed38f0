import { Redis } from 'ioredis';
import type pg from 'pg';
import type { Logger } from '../../logger.js';
import type { ConcurrencyLimiter } from './concurrency.js';
import type { CostLimiter } from './cost-bucket.js';
import { PgConcurrencyLimiter } from './pg-concurrency.js';
import { PgCostLimiter } from './pg-cost-bucket.js';
import { RedisConcurrencyLimiter } from './redis-concurrency.js';
import { RedisCostLimiter } from './redis-cost-bucket.js';

export interface SharedLimiterOptions {
  /** REDIS_URL: the limiter state lives in Redis when set, else in Postgres (DESIGN §10). */
  redisUrl?: string;
  /** The app's pool: the Postgres cost bucket runs on it; the concurrency limiter copies its settings into its own pool. */
  pool: pg.Pool;
  logger: Pick<Logger, 'warn'>;
}

export interface SharedLimiters {
  /** NetSuite's account-wide concurrency, across every instance. */
  concurrency: ConcurrencyLimiter;
  /** Shopify's cost bucket per shop, across every instance. */
  cost: CostLimiter;
  /** Frees held slots and closes what these limiters opened (never the app's pool). */
  close(): Promise<void>;
}

export function createSharedLimiters(options: SharedLimiterOptions): SharedLimiters {
  const { redisUrl, pool, logger } = options;
  if (redisUrl) {
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
    redis.on('error', (err: Error) => logger.warn({ err: err.message }, 'limiter redis error'));
    const concurrency = new RedisConcurrencyLimiter({ redis, logger });
    return {
      concurrency,
      cost: new RedisCostLimiter({ redis, logger }),
      async close() {
        await concurrency.close();
        await redis.quit().catch(() => redis.disconnect());
      },
    };
  }
  const concurrency = new PgConcurrencyLimiter({ connection: pool.options, logger });
  return {
    concurrency,
    cost: new PgCostLimiter({ pool, logger }),
    close: () => concurrency.close(),
  };
}
