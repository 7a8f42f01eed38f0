export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface BucketOptions {
  /** Points the bucket holds when full (Shopify Standard: 2000; older plans 1000). */
  size?: number;
  /** Points restored per second (100 / 200 / 1000 / 2000 by plan). */
  restoreRate?: number;
  /** Start with this many points instead of a full bucket. */
  currentlyAvailable?: number;
}

/**
 * Shopify's leaky bucket of cost points, per app and store. It runs on real time, not the
 * simulator clock, so moving the clock for timestamps does not refill it.
 */
export class LeakyBucket {
  private size = 2000;
  private restoreRate = 100;
  private available = 2000;
  private at: number;

  constructor(options: BucketOptions = {}, private readonly now: () => number = () => performance.now()) {
    this.at = now();
    this.configure(options);
  }

  configure(options: BucketOptions): void {
    this.refill();
    if (options.size !== undefined) this.size = options.size;
    if (options.restoreRate !== undefined) this.restoreRate = options.restoreRate;
    this.available = Math.min(this.size, options.currentlyAvailable ?? (options.size !== undefined ? options.size : this.available));
  }

  private refill(): void {
    const t = this.now();
    this.available = Math.min(this.size, this.available + ((t - this.at) / 1000) * this.restoreRate);
    this.at = t;
  }

  status(): ThrottleStatus {
    this.refill();
    return { maximumAvailable: this.size, currentlyAvailable: Math.floor(this.available), restoreRate: this.restoreRate };
  }

  /** Takes the requested points if the bucket holds them; false means THROTTLED. */
  take(points: number): boolean {
    this.refill();
    if (points > this.available) return false;
    this.available -= points;
    return true;
  }

  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.size, this.available + points);
  }
}
