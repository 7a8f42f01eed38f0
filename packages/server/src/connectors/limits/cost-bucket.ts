/**
 * Proactive pacing for Shopify's leaky bucket of query-cost points, keyed by shop (every
 * connection and process that reaches one shop shares its bucket). A query is sent only once
 * the bucket, as Shopify last reported it and restored since, can afford its requested cost,
 * so we wait for points instead of collecting THROTTLED answers. In memory for now; a Redis or
 * Postgres implementation of the same interface can hold the state across processes.
 */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface CostLimiter {
  /** Waits until the bucket can afford `requestedCost`, then holds it. Resolves to the milliseconds waited. */
  reserve(key: string, requestedCost: number): Promise<number>;
  /**
   * Call once per reserve, after the answer: releases the hold and records the bucket as the
   * platform reported it (`null` when the answer carried no status, e.g. a dropped connection).
   */
  report(key: string, requestedCost: number, status: ThrottleStatus | null): void | Promise<void>;
}

export interface InMemoryCostLimiterOptions {
  /** What to assume before the shop's first answer: Shopify's smallest bucket (1000 points, 50/s). */
  assumed?: ThrottleStatus;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Longest single sleep: a waiter looks again this often, so a fresh report (a faster restore rate) is used at once. */
  maxSleepMs?: number;
}

interface Bucket {
  max: number;
  rate: number;
  /** Points available at `at`, our own reservations already taken off. */
  available: number;
  at: number;
  /** Points reserved by queries whose answer has not come back yet. */
  inFlight: number;
  /** Reservations queue per key so a large query is not starved by small ones. */
  tail: Promise<unknown>;
}

const SHOPIFY_SMALLEST: ThrottleStatus = { maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 50 };

export class InMemoryCostLimiter implements CostLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly assumed: ThrottleStatus;
  private readonly maxSleepMs: number;

  constructor(options: InMemoryCostLimiterOptions = {}) {
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.assumed = options.assumed ?? SHOPIFY_SMALLEST;
    this.maxSleepMs = options.maxSleepMs ?? 250;
  }

  reserve(key: string, requestedCost: number): Promise<number> {
    const bucket = this.bucket(key);
    const turn = bucket.tail.then(() => this.take(bucket, requestedCost));
    bucket.tail = turn.catch(() => undefined);
    return turn;
  }

  report(key: string, requestedCost: number, status: ThrottleStatus | null): void {
    const bucket = this.bucket(key);
    bucket.inFlight = Math.max(0, bucket.inFlight - requestedCost);
    if (!status) return;
    bucket.max = status.maximumAvailable;
    bucket.rate = status.restoreRate;
    // Shopify has not charged the queries still in flight when it reported: keep them off.
    bucket.available = status.currentlyAvailable - bucket.inFlight;
    bucket.at = this.now();
  }

  /** The bucket as we estimate it now, for tests and metrics. */
  estimate(key: string): ThrottleStatus | undefined {
    const bucket = this.buckets.get(key);
    return bucket && { maximumAvailable: bucket.max, currentlyAvailable: Math.floor(this.level(bucket)), restoreRate: bucket.rate };
  }

  private bucket(key: string): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      const a = this.assumed;
      bucket = { max: a.maximumAvailable, rate: a.restoreRate, available: a.currentlyAvailable, at: this.now(), inFlight: 0, tail: Promise.resolve() };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  private level(bucket: Bucket): number {
    return Math.min(bucket.max, bucket.available + ((this.now() - bucket.at) / 1000) * bucket.rate);
  }

  private async take(bucket: Bucket, requestedCost: number): Promise<number> {
    let waited = 0;
    for (;;) {
      // A query dearer than the whole bucket waits for a full one (Shopify refuses it anyway if it is over 1000).
      const cost = Math.min(requestedCost, bucket.max);
      const level = this.level(bucket);
      if (level >= cost) {
        bucket.available = level - cost;
        bucket.at = this.now();
        bucket.inFlight += requestedCost;
        return waited;
      }
      const ms = Math.min(this.maxSleepMs, Math.max(1, Math.ceil(((cost - level) / Math.max(bucket.rate, 1e-6)) * 1000)));
      await this.sleep(ms);
      waited += ms;
    }
  }
}
