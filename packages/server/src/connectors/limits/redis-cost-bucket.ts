import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../../logger.js';
import type { CostLimiter, ThrottleStatus } from './cost-bucket.js';

/**
 * The Shopify cost bucket of a shop held in Redis, so every process reaching the shop paces
 * against one estimate: the same algorithm as InMemoryCostLimiter, run atomically by Lua on
 * Redis's clock. Queries in flight are kept per reservation with an expiry, so a process that
 * dies mid-query does not keep its points off the bucket forever. A waiter that cannot afford
 * its cost leaves a claim, and later callers of any process may only take points beyond what
 * older claims need, so a large query is not starved by the small ones of other instances.
 */
export interface RedisCostLimiterOptions {
  redis: Redis;
  /** What to assume before the shop's first answer: Shopify's smallest bucket (1000 points, 50/s). */
  assumed?: ThrottleStatus;
  /** How long a reservation counts as in flight when its report never comes (the process died). */
  inFlightTtlMs?: number;
  /** How long a waiter's claim outlives its next due retry (it is renewed at every retry). */
  claimGraceMs?: number;
  /** Idle time after which a shop's state is forgotten (and the assumed bucket applies again). */
  stateTtlMs?: number;
  prefix?: string;
  sleep?: (ms: number) => Promise<void>;
  logger?: Pick<Logger, 'warn'>;
}

const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000`;

// KEYS: bucket, in flight, claims. ARGV: requested cost, reservation id, in-flight ttl,
// assumed max, assumed available, assumed rate, claim grace, state ttl.
// Answers {1, 0} when reserved, else {0, ms to wait before asking again}.
const RESERVE = `${NOW}
local requested = tonumber(ARGV[1])
local id = ARGV[2]
local b = redis.call('HMGET', KEYS[1], 'available', 'max', 'rate', 'at')
local available, max, rate, at = tonumber(b[1]), tonumber(b[2]), tonumber(b[3]), tonumber(b[4])
if not available or not max or not rate or not at then
  max, available, rate, at = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), now
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local claims = {}
local mine = nil
local raw = redis.call('HGETALL', KEYS[3])
for i = 1, #raw, 2 do
  local cost, created, expires = string.match(raw[i + 1], '^([^|]+)|([^|]+)|([^|]+)$')
  if not expires or tonumber(expires) <= now then
    redis.call('HDEL', KEYS[3], raw[i])
  else
    local claim = { id = raw[i], cost = tonumber(cost), created = tonumber(created) }
    if claim.id == id then mine = claim else claims[#claims + 1] = claim end
  end
end
local ahead = 0
for _, claim in ipairs(claims) do
  if not mine or claim.created < mine.created or (claim.created == mine.created and claim.id < mine.id) then
    ahead = ahead + claim.cost
  end
end
local level = math.min(max, available + (now - at) / 1000 * rate)
local cost = math.min(requested, max)
local ttl = tonumber(ARGV[8])
if level - cost >= ahead then
  redis.call('HSET', KEYS[1], 'available', level - cost, 'max', max, 'rate', rate, 'at', now)
  redis.call('HDEL', KEYS[3], id)
  -- ARGV[1] as sent, so the member matches the one this process will drop on report.
  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), id .. '|' .. ARGV[1])
  for k = 1, 3 do redis.call('PEXPIRE', KEYS[k], ttl) end
  return {1, 0}
end
local wait = math.max(1, math.ceil((cost + ahead - level) / math.max(rate, 1e-6) * 1000))
if not b[1] then redis.call('HSET', KEYS[1], 'available', available, 'max', max, 'rate', rate, 'at', at) end
local created = mine and mine.created or now
redis.call('HSET', KEYS[3], id, cost .. '|' .. created .. '|' .. (now + wait + tonumber(ARGV[7])))
for k = 1, 3 do redis.call('PEXPIRE', KEYS[k], ttl) end
return {0, wait}`;

// KEYS: bucket, in flight. ARGV: in-flight member to drop ('' for none), '1' when a status
// follows, currently available, maximum, restore rate, state ttl.
const REPORT = `
if ARGV[1] ~= '' then redis.call('ZREM', KEYS[2], ARGV[1]) end
if ARGV[2] ~= '1' then return 0 end
${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local inFlight = 0
for _, member in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  inFlight = inFlight + (tonumber(string.match(member, '|([^|]+)$')) or 0)
end
redis.call('HSET', KEYS[1], 'available', tonumber(ARGV[3]) - inFlight, 'max', ARGV[4], 'rate', ARGV[5], 'at', now)
redis.call('PEXPIRE', KEYS[1], ARGV[6])
return 1`;

type Script = (...args: (string | number)[]) => Promise<unknown>;

const SHOPIFY_SMALLEST: ThrottleStatus = { maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 50 };

export class RedisCostLimiter implements CostLimiter {
  private readonly redis: Redis;
  private readonly assumed: ThrottleStatus;
  private readonly inFlightTtlMs: number;
  private readonly claimGraceMs: number;
  private readonly stateTtlMs: number;
  private readonly prefix: string;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly logger?: Pick<Logger, 'warn'>;
  private readonly reserveScript: Script;
  private readonly reportScript: Script;
  /** Reservations queue per key in this process so a large query is not starved by small ones. */
  private readonly tails = new Map<string, Promise<unknown>>();
  /** This process's reservations in flight per key, to drop the right one on report. */
  private readonly inFlight = new Map<string, { member: string; cost: number }[]>();

  constructor(options: RedisCostLimiterOptions) {
    this.redis = options.redis;
    this.assumed = options.assumed ?? SHOPIFY_SMALLEST;
    this.inFlightTtlMs = options.inFlightTtlMs ?? 60_000;
    this.claimGraceMs = options.claimGraceMs ?? 5_000;
    this.stateTtlMs = options.stateTtlMs ?? 24 * 3_600_000;
    this.prefix = options.prefix ?? 'synclane:limits:';
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.logger = options.logger;
    this.redis.defineCommand('synclaneCostReserve', { numberOfKeys: 3, lua: RESERVE });
    this.redis.defineCommand('synclaneCostReport', { numberOfKeys: 2, lua: REPORT });
    // defineCommand adds methods ioredis's types cannot know about.
    const commands = this.redis as unknown as Record<'synclaneCostReserve' | 'synclaneCostReport', Script>;
    this.reserveScript = commands.synclaneCostReserve.bind(this.redis);
    this.reportScript = commands.synclaneCostReport.bind(this.redis);
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
    const member = mine && index >= 0 ? mine.splice(index, 1)[0].member : '';
    if (mine?.length === 0) this.inFlight.delete(key);
    const [bucket, flying] = this.keysOf(key);
    try {
      await this.reportScript(bucket, flying, member, status ? '1' : '0', status?.currentlyAvailable ?? 0,
        status?.maximumAvailable ?? 0, status?.restoreRate ?? 0, this.stateTtlMs);
    } catch (err) {
      this.logger?.warn({ key, err: String(err) }, 'could not report a Shopify cost to the shared bucket');
    }
  }

  /** The shared bucket as estimated now, for tests and metrics. */
  async estimate(key: string): Promise<ThrottleStatus | undefined> {
    const [[seconds, micros], fields] = await Promise.all([this.redis.time(), this.redis.hmget(this.keysOf(key)[0], 'available', 'max', 'rate', 'at')]);
    const [available, max, rate, at] = fields.map(Number);
    if (fields.some((f) => f === null)) return undefined;
    const now = Number(seconds) * 1000 + Number(micros) / 1000;
    const level = Math.min(max, available + ((now - at) / 1000) * rate);
    return { maximumAvailable: max, currentlyAvailable: Math.floor(level), restoreRate: rate };
  }

  private keysOf(key: string): [string, string, string] {
    // The hash tag keeps a shop's keys on one cluster slot, as a script needs.
    const base = `${this.prefix}{${key}}:cost`;
    return [base, `${base}:inflight`, `${base}:claims`];
  }

  private async take(key: string, requestedCost: number): Promise<number> {
    const id = randomUUID();
    const a = this.assumed;
    let waited = 0;
    for (;;) {
      const answer = (await this.reserveScript(...this.keysOf(key), requestedCost, id, this.inFlightTtlMs,
        a.maximumAvailable, a.currentlyAvailable, a.restoreRate, this.claimGraceMs, this.stateTtlMs)) as [number, number];
      if (answer[0] === 1) {
        const mine = this.inFlight.get(key) ?? [];
        mine.push({ member: `${id}|${requestedCost}`, cost: requestedCost });
        this.inFlight.set(key, mine);
        return waited;
      }
      await this.sleep(answer[1]);
      waited += answer[1];
    }
  }
}
