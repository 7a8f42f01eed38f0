import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../../logger.js';
import type { ConcurrencyLimiter } from './concurrency.js';

/**
 * The account-wide semaphore for instances without Redis: slot `s` of key `k` is the session
 * advisory lock (hash(k), s), held on a connection pinned for as long as the slot is held.
 * Postgres drops a session's locks when its connection ends, so a crashed process (or a
 * dropped connection) never keeps a slot.
 *
 * The limiter opens its own pool: a held slot pins a connection, and pinning the app's pool
 * would starve Prisma of connections under load (and could deadlock it when the app's own
 * transactions wait for a NetSuite call that waits for a slot).
 */
export interface PgConcurrencyLimiterOptions {
  /** A URL, or the app pool's settings (`pool.options`) to reach the same database. */
  connection: string | pg.PoolConfig;
  /** Connections of this limiter's pool: the slots this process can hold at once, plus one per key polling. */
  poolSize?: number;
  /** Base interval at which the head waiter of a key polls for a slot another process frees. */
  pollMs?: number;
  logger?: Pick<Logger, 'warn'>;
}

// Tries slots in order; LIMIT stops at the first lock taken, so at most one is.
const TRY_SLOT = 'SELECT s FROM generate_series(0, $2::int4 - 1) AS s WHERE pg_try_advisory_lock($1::int4, s) LIMIT 1';

interface Waiter {
  limit: number;
  resolve: (release: () => void) => void;
  reject: (err: Error) => void;
}

interface KeyState {
  active: number;
  queue: Waiter[];
  pumping: boolean;
  wake?: () => void;
}

/** Two account ids sharing a hash share their slots: stricter than needed, never looser. */
export function lockKey(key: string): number {
  return createHash('sha256').update(`synclane:concurrency:${key}`).digest().readInt32BE(0);
}

export class PgConcurrencyLimiter implements ConcurrencyLimiter {
  private readonly pool: pg.Pool;
  private readonly pollMs: number;
  private readonly logger?: Pick<Logger, 'warn'>;
  private readonly keys = new Map<string, KeyState>();
  /** Checked-out connections and their error listeners. */
  private readonly pinned = new Map<pg.PoolClient, (err: Error) => void>();
  private closed = false;
  private closing?: Promise<void>;

  constructor(options: PgConcurrencyLimiterOptions) {
    const config = typeof options.connection === 'string' ? { connectionString: options.connection } : options.connection;
    this.pool = new pg.Pool({ ...config, max: options.poolSize ?? 20 });
    this.pollMs = options.pollMs ?? 25;
    this.logger = options.logger;
    // An idle connection that errors (server restart) must not crash the process.
    this.pool.on('error', () => undefined);
  }

  /** FIFO within this process (a waiter is never overtaken by a later local caller); first come across processes. */
  acquire(key: string, limit: number): Promise<() => void> {
    if (!Number.isInteger(limit) || limit < 1) return Promise.reject(new Error(`concurrency limit must be a positive integer, got ${limit}`));
    if (this.closed) return Promise.reject(new Error('concurrency limiter is closed'));
    let state = this.keys.get(key);
    if (!state) {
      state = { active: 0, queue: [], pumping: false };
      this.keys.set(key, state);
    }
    const target = state;
    return new Promise((resolve, reject) => {
      target.queue.push({ limit, resolve, reject });
      this.kick(key, target);
    });
  }

  /** Slots this process holds and its callers waiting, for tests and metrics. */
  stats(key: string): { active: number; waiting: number } {
    const state = this.keys.get(key);
    return { active: state?.active ?? 0, waiting: state?.queue.length ?? 0 };
  }

  /** Refuses waiters and closes every connection, which frees the slots still held. */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    this.closed = true;
    for (const state of this.keys.values()) {
      for (const waiter of state.queue.splice(0)) waiter.reject(new Error('concurrency limiter is closed'));
      state.wake?.();
    }
    for (const client of [...this.pinned.keys()]) this.unpin(client, true);
    await this.pool.end();
  }

  private kick(key: string, state: KeyState): void {
    if (state.pumping) state.wake?.();
    else void this.pump(key, state);
  }

  /** One loop per key serves the local queue head by head. */
  private async pump(key: string, state: KeyState): Promise<void> {
    state.pumping = true;
    try {
      while (state.queue.length > 0 && !this.closed) {
        const head = state.queue[0];
        // Our own holders already fill the limit: only one of their releases can help.
        if (state.active >= head.limit) {
          await this.pause(state, undefined);
          continue;
        }
        let held: { client: pg.PoolClient; slot: number } | undefined;
        try {
          held = await this.trySlot(key, head.limit);
        } catch (err) {
          if (state.queue[0] === head) state.queue.shift();
          head.reject(err instanceof Error ? err : new Error(String(err)));
          continue;
        }
        if (state.queue[0] !== head) {
          // close() refused this waiter while we asked: its connection is already closed.
          continue;
        }
        if (held) {
          state.queue.shift();
          state.active += 1;
          head.resolve(this.holding(key, state, held.client, held.slot));
        } else {
          await this.pause(state, this.pollMs * (0.5 + Math.random()));
        }
      }
    } finally {
      state.pumping = false;
      this.forget(key, state);
    }
  }

  /** A free slot with the connection that now holds it, or undefined when all are taken. */
  private async trySlot(key: string, limit: number): Promise<{ client: pg.PoolClient; slot: number } | undefined> {
    const client = await this.pool.connect();
    const onError = (err: Error) => this.logger?.warn({ key, err: err.message }, 'concurrency slot connection failed; the slot is free again for other instances');
    client.on('error', onError);
    // Pinned at once so close() can end it even while the query below runs.
    this.pinned.set(client, onError);
    try {
      const { rows } = await client.query<{ s: number }>(TRY_SLOT, [lockKey(key), limit]);
      if (rows.length > 0 && !this.closed) return { client, slot: rows[0].s };
    } catch (err) {
      this.unpin(client, true);
      throw err;
    }
    this.unpin(client, this.closed);
    return undefined;
  }

  /** Gives a connection back to the pool, or ends it (and so every lock it holds) when `destroy`. */
  private unpin(client: pg.PoolClient, destroy: boolean): void {
    const onError = this.pinned.get(client);
    if (!onError) return;
    this.pinned.delete(client);
    client.removeListener('error', onError);
    client.release(destroy);
  }

  /** Sleeps `ms` (forever when undefined) or until a local release wakes the key. */
  private pause(state: KeyState, ms: number | undefined): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        state.wake = undefined;
        resolve();
      }
      state.wake = done;
    });
  }

  private holding(key: string, state: KeyState, client: pg.PoolClient, slot: number): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      state.active -= 1;
      const giveBack = async (): Promise<void> => {
        if (!this.pinned.has(client)) return;
        try {
          await client.query('SELECT pg_advisory_unlock($1::int4, $2::int4)', [lockKey(key), slot]);
          this.unpin(client, false);
        } catch (err) {
          // Ending the connection frees the lock whatever state it is in.
          this.logger?.warn({ key, err: String(err) }, 'could not unlock a concurrency slot; closing its connection');
          this.unpin(client, true);
        }
      };
      void giveBack().finally(() => {
        if (state.queue.length > 0) this.kick(key, state);
        else this.forget(key, state);
      });
    };
  }

  private forget(key: string, state: KeyState): void {
    if (state.active === 0 && state.queue.length === 0 && !state.pumping && this.keys.get(key) === state) this.keys.delete(key);
  }
}
