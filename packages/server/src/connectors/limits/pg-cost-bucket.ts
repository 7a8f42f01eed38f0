import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from '../../logger.js';
import type { CostLimiter, ThrottleStatus } from './cost-bucket.js';

/**
 * The Shopify cost bucket of a shop held in Postgres for instances without Redis: the same
 * algorithm as InMemoryCostLimiter, in short transactions that lock the shop's row of
 * `limiter_buckets`, on the database's clock. Queries in flight and waiters' claims are rows
 * of `limiter_reservations` with an expiry, so a process that dies mid-query does not keep its
 * points off the bucket forever, and later callers of any process may only take points
 * beyond what older claims need (a large query is not starved by other instances' small ones).
 */
export interface PgCostLimiterOptions {
  /** The app's pool is fine: every transaction here is a few statements on one row. */
  pool: pg.Pool;
  /** What to assume before the shop's first answer: Shopify's smallest bucket (1000 points, 50/s). */
  assumed?: ThrottleStatus;
  /** How long a reservation counts as in flight when its report never comes (the process died). */
  inFlightTtlMs?: number;
  /** How long a waiter's claim outlives its next due retry (it is renewed at every retry). */
  claimGraceMs?: number;
  sleep?: (ms: number) => Promise<void>;
  logger?: Pick<Logger, 'warn'>;
}

// Creates the row on first use and locks it either way.
const LOCK_BUCKET = `
INSERT INTO limiter_buckets (key, available, max, restore_rate, updated_at) VALUES ($1, $2, $3, $4, clock_timestamp())
ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key`;

// Runs once the row is locked, so statement_timestamp() is one instant, later than any
// earlier holder's: the level and the claims are read at the time the bucket will be set to.
const READ_BUCKET = `
WITH lapsed AS (DELETE FROM limiter_reservations WHERE key = $1 AND expires_at <= statement_timestamp())
SELECT b.available, b.max, b.restore_rate, statement_timestamp()::text AS now,
  extract(epoch FROM statement_timestamp() - b.updated_at)::float8 * 1000 AS elapsed_ms, c.id AS claim_id, c.cost AS claim_cost
FROM limiter_buckets b
LEFT JOIN LATERAL (
  SELECT id, cost, created_at FROM limiter_reservations r WHERE r.key = b.key AND r.waiting AND r.expires_at > statement_timestamp()
) c ON true
WHERE b.key = $1
ORDER BY c.created_at, c.id`;

const TAKE = `
WITH bucket AS (UPDATE limiter_buckets SET available = $3, updated_at = $2::timestamptz WHERE key = $1)
INSERT INTO limiter_reservations (id, key, cost, waiting, created_at, expires_at)
VALUES ($4, $1, $5, false, $2::timestamptz, $2::timestamptz + make_interval(secs => $6::float8 / 1000))
ON CONFLICT (id) DO UPDATE SET cost = EXCLUDED.cost, waiting = false, expires_at = EXCLUDED.expires_at`;

// A renewed claim keeps its created_at, hence its place.
const CLAIM = `
INSERT INTO limiter_reservations (id, key, cost, waiting, created_at, expires_at)
VALUES ($2, $1, $3, true, $4::timestamptz, $4::timestamptz + make_interval(secs => $5::float8 / 1000))
ON CONFLICT (id) DO UPDATE SET cost = EXCLUDED.cost, expires_at = EXCLUDED.expires_at`;

const IN_FLIGHT = `
SELECT coalesce(sum(cost), 0)::float8 AS total FROM limiter_reservations
WHERE key = $1 AND NOT waiting AND expires_at > clock_timestamp()`;

const RESYNC = `
UPDATE limiter_buckets SET available = $2, max = $3, restore_rate = $4, updated_at = clock_timestamp() WHERE key = $1`;

interface BucketRow {
  available: number;
  max: number;
  restore_rate: number;
  now: string;
  elapsed_ms: number;
  /** One row per live claim, oldest first (nulls when there is none). */
  claim_id: string | null;
  claim_cost: number | null;
}

const SHOPIFY_SMALLEST: ThrottleStatus = { maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 50 };

export class PgCostLimiter implements CostLimiter {
  private readonly pool: pg.Pool;
  private readonly assumed: ThrottleStatus;
  private readonly inFlightTtlMs: number;
  private readonly claimGraceMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly logger?: Pick<Logger, 'warn'>;
  /** Reservations queue per key in this process so a large query is not starved by small ones. */
  private readonly tails = new Map<string, Promise<unknown>>();
  /** This process's reservations in flight per key, to drop the right one on report. */
  private readonly inFlight = new Map<string, { id: string; cost: number }[]>();

  constructor(options: PgCostLimiterOptions) {
    this.pool = options.pool;
    this.assumed = options.assumed ?? SHOPIFY_SMALLEST;
    this.inFlightTtlMs = options.inFlightTtlMs ?? 60_000;
    this.claimGraceMs = options.claimGraceMs ?? 5_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.logger = options.logger;
  }

  reserve(key: string, requestedCost: number): Promise<number> {
    const turn = (this.tails.get(key) ?? Promise.resolve()).then(() => this.take(key, requestedCost));
    const tail = turn.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return turn;
  }

  /** Never rejects: a lost report only leaves the reservation to expire. */
  async report(key: string, requestedCost: number, status: ThrottleStatus | null): Promise<void> {
    const mine = this.inFlight.get(key);
    const index = mine?.findIndex((r) => r.cost === requestedCost) ?? -1;
    const id = mine && index >= 0 ? mine.splice(index, 1)[0].id : undefined;
    if (mine?.length === 0) this.inFlight.delete(key);
    try {
      if (!status) {
        if (id) await this.pool.query('DELETE FROM limiter_reservations WHERE id = $1', [id]);
        return;
      }
      await this.transaction(async (client) => {
        await client.query(LOCK_BUCKET, this.initial(key));
        if (id) await client.query('DELETE FROM limiter_reservations WHERE id = $1', [id]);
        // Shopify has not charged the queries still in flight when it reported: keep them off.
        const { rows } = await client.query<{ total: number }>(IN_FLIGHT, [key]);
        await client.query(RESYNC, [key, status.currentlyAvailable - rows[0].total, status.maximumAvailable, status.restoreRate]);
      });
    } catch (err) {
      this.logger?.warn({ key, err: String(err) }, 'could not report a Shopify cost to the shared bucket');
    }
  }

  /** The shared bucket as estimated now, for tests and metrics. */
  async estimate(key: string): Promise<ThrottleStatus | undefined> {
    const { rows } = await this.pool.query<{ level: number; max: number; restore_rate: number }>(
      `SELECT least(max, available + extract(epoch FROM clock_timestamp() - updated_at)::float8 * restore_rate) AS level, max, restore_rate
         FROM limiter_buckets WHERE key = $1`,
      [key],
    );
    const row = rows[0];
    return row && { maximumAvailable: row.max, currentlyAvailable: Math.floor(row.level), restoreRate: row.restore_rate };
  }

  private initial(key: string): [string, number, number, number] {
    const a = this.assumed;
    return [key, a.currentlyAvailable, a.maximumAvailable, a.restoreRate];
  }

  private async take(key: string, requestedCost: number): Promise<number> {
    const id = randomUUID();
    let waited = 0;
    for (;;) {
      const wait = await this.transaction((client) => this.attempt(client, key, id, requestedCost));
      if (wait === 0) {
        const mine = this.inFlight.get(key) ?? [];
        mine.push({ id, cost: requestedCost });
        this.inFlight.set(key, mine);
        return waited;
      }
      await this.sleep(wait);
      waited += wait;
    }
  }

  /** 0 when reserved, else the milliseconds to wait before asking again. */
  private async attempt(client: pg.PoolClient, key: string, id: string, requestedCost: number): Promise<number> {
    await client.query(LOCK_BUCKET, this.initial(key));
    const { rows } = await client.query<BucketRow>(READ_BUCKET, [key]);
    const bucket = rows[0];
    const claims = rows.filter((r) => r.claim_id !== null);
    const position = claims.findIndex((c) => c.claim_id === id);
    const ahead = (position >= 0 ? claims.slice(0, position) : claims).reduce((sum, c) => sum + (c.claim_cost ?? 0), 0);
    const level = Math.min(bucket.max, bucket.available + (bucket.elapsed_ms / 1000) * bucket.restore_rate);
    // A query dearer than the whole bucket waits for a full one (Shopify refuses it anyway if it is over 1000).
    const cost = Math.min(requestedCost, bucket.max);
    if (level - cost >= ahead) {
      await client.query(TAKE, [key, bucket.now, level - cost, id, requestedCost, this.inFlightTtlMs]);
      return 0;
    }
    const wait = Math.max(1, Math.ceil(((cost + ahead - level) / Math.max(bucket.restore_rate, 1e-6)) * 1000));
    await client.query(CLAIM, [key, id, cost, bucket.now, wait + this.claimGraceMs]);
    return wait;
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A checked-out client has no listener: a dropped connection would otherwise crash the process.
    const onError = (): void => undefined;
    client.on('error', onError);
    let broken = false;
    try {
      // Limiter state is soft (it is resynchronised from every Shopify answer): no need to
      // wait for a disk flush at each commit, which capped the requests per second.
      await client.query('BEGIN; SET LOCAL synchronous_commit = off');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw err;
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  }
}
