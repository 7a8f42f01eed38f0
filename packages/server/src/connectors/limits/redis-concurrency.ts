import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../../logger.js';
import type { ConcurrencyLimiter } from './concurrency.js';

/**
 * The account-wide semaphore held in Redis, so every process reaching a NetSuite account
 * shares its slots. Holders are members of a sorted set scored by lease expiry (Redis's own
 * clock, so skewed hosts agree); a crashed process's slots come back when its leases lapse,
 * and a live holder renews its lease while it holds the slot.
 */
export interface RedisConcurrencyLimiterOptions {
  redis: Redis;
  /** Lease of a held slot, renewed every third of it while held. */
  leaseMs?: number;
  /** Base interval at which the head waiter of a key polls for a slot another process frees. */
  pollMs?: number;
  /** Namespace of the Redis keys. */
  prefix?: string;
  logger?: Pick<Logger, 'warn'>;
}

// Drops lapsed leases, then takes a slot when fewer than ARGV[2] are held.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIREAT', KEYS[1], last[2])
return 1`;

// Extends a lease still on record; 0 when it was already reclaimed.
const RENEW = `
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), ARGV[1])
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIREAT', KEYS[1], last[2])
return 1`;

type Script = (key: string, ...args: (string | number)[]) => Promise<number>;

interface Waiter {
  limit: number;
  resolve: (release: () => void) => void;
  reject: (err: Error) => void;
}

interface KeyState {
  /** Slots this process holds. */
  active: number;
  queue: Waiter[];
  pumping: boolean;
  wake?: () => void;
}

export class RedisConcurrencyLimiter implements ConcurrencyLimiter {
  private readonly redis: Redis;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly prefix: string;
  private readonly logger?: Pick<Logger, 'warn'>;
  private readonly keys = new Map<string, KeyState>();
  /** Slots held by this process: token → its Redis key and lease renewal. */
  private readonly held = new Map<string, { redisKey: string; renewal: NodeJS.Timeout }>();
  private readonly acquireScript: Script;
  private readonly renewScript: Script;
  private closed = false;

  constructor(options: RedisConcurrencyLimiterOptions) {
    this.redis = options.redis;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.pollMs = options.pollMs ?? 25;
    this.prefix = options.prefix ?? 'synclane:limits:';
    this.logger = options.logger;
    this.redis.defineCommand('synclaneSemAcquire', { numberOfKeys: 1, lua: ACQUIRE });
    this.redis.defineCommand('synclaneSemRenew', { numberOfKeys: 1, lua: RENEW });
    // defineCommand adds methods ioredis's types cannot know about.
    const commands = this.redis as unknown as Record<'synclaneSemAcquire' | 'synclaneSemRenew', Script>;
    this.acquireScript = commands.synclaneSemAcquire.bind(this.redis);
    this.renewScript = commands.synclaneSemRenew.bind(this.redis);
  }

  /** FIFO within this process (a waiter is never overtaken by a later local caller); first come across processes. */
  acquire(key: string, limit: number): Promise<() => void> {
    if (!Number.isInteger(limit) || limit < 1) return Promise.reject(new Error(`concurrency limit must be a positive integer, got ${limit}`));
    if (this.closed) return Promise.reject(new Error('concurrency limiter is closed'));
    const state = this.state(key);
    return new Promise((resolve, reject) => {
      state.queue.push({ limit, resolve, reject });
      this.kick(key, state);
    });
  }

  /** Slots this process holds and its callers waiting, for tests and metrics. */
  stats(key: string): { active: number; waiting: number } {
    const state = this.keys.get(key);
    return { active: state?.active ?? 0, waiting: state?.queue.length ?? 0 };
  }

  /** Slots held by every process (leases not lapsed). */
  async holders(key: string): Promise<number> {
    const [seconds, micros] = await this.redis.time();
    const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    return this.redis.zcount(this.redisKey(key), `(${now}`, '+inf');
  }

  /** Refuses waiters and gives back the slots still held (they lapse with their leases if Redis is gone). Leaves the connection open. */
  async close(): Promise<void> {
    this.closed = true;
    for (const state of this.keys.values()) {
      for (const waiter of state.queue.splice(0)) waiter.reject(new Error('concurrency limiter is closed'));
      state.wake?.();
    }
    const held = [...this.held.entries()];
    this.held.clear();
    for (const [, { renewal }] of held) clearInterval(renewal);
    await Promise.allSettled(held.map(([token, { redisKey }]) => this.redis.zrem(redisKey, token)));
  }

  private redisKey(key: string): string {
    // The hash tag keeps a key on one cluster slot.
    return `${this.prefix}{${key}}:sem`;
  }

  private state(key: string): KeyState {
    let state = this.keys.get(key);
    if (!state) {
      state = { active: 0, queue: [], pumping: false };
      this.keys.set(key, state);
    }
    return state;
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
        const token = randomUUID();
        let granted: boolean;
        try {
          granted = (await this.acquireScript(this.redisKey(key), token, head.limit, this.leaseMs)) === 1;
        } catch (err) {
          if (state.queue[0] === head) state.queue.shift();
          head.reject(err instanceof Error ? err : new Error(String(err)));
          continue;
        }
        if (state.queue[0] !== head) {
          // close() refused this waiter while we asked: give back what we may have taken.
          if (granted) await this.redis.zrem(this.redisKey(key), token).catch(() => undefined);
          continue;
        }
        if (granted) {
          state.queue.shift();
          state.active += 1;
          head.resolve(this.holding(key, state, token));
        } else {
          await this.pause(state, this.pollMs * (0.5 + Math.random()));
        }
      }
    } finally {
      state.pumping = false;
      this.forget(key, state);
    }
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

  private holding(key: string, state: KeyState, token: string): () => void {
    const redisKey = this.redisKey(key);
    const renewal = setInterval(() => {
      this.renewScript(redisKey, token, this.leaseMs).then(
        (kept) => {
          if (kept !== 1) this.logger?.warn({ key }, 'concurrency lease lapsed while held; the account may briefly exceed its limit');
        },
        (err: unknown) => this.logger?.warn({ key, err: String(err) }, 'could not renew a concurrency lease'),
      );
    }, Math.max(1, Math.floor(this.leaseMs / 3)));
    renewal.unref();
    this.held.set(token, { redisKey, renewal });
    let released = false;
    return () => {
      if (released) return;
      released = true;
      clearInterval(renewal);
      state.active -= 1;
      // Already given back by close().
      if (!this.held.delete(token)) return;
      this.redis
        .zrem(redisKey, token)
        .catch((err: unknown) => this.logger?.warn({ key, err: String(err) }, 'could not release a concurrency slot; it frees when its lease lapses'))
        .finally(() => {
          if (state.queue.length > 0) this.kick(key, state);
          else this.forget(key, state);
        });
    };
  }

  private forget(key: string, state: KeyState): void {
    if (state.active === 0 && state.queue.length === 0 && !state.pumping && this.keys.get(key) === state) this.keys.delete(key);
  }
}
