import { describe, expect, it } from 'vitest';
import { LeakyBucket } from './bucket.js';

describe('LeakyBucket', () => {
  it('takes what it holds, refuses more, and restores over time', () => {
    let now = 0;
    const bucket = new LeakyBucket({ size: 100, restoreRate: 10 }, () => now);
    expect(bucket.take(80)).toBe(true);
    expect(bucket.take(30)).toBe(false);
    now = 1000;
    expect(bucket.status()).toEqual({ maximumAvailable: 100, currentlyAvailable: 30, restoreRate: 10 });
    expect(bucket.take(30)).toBe(true);
    bucket.refund(500);
    expect(bucket.status().currentlyAvailable).toBe(100);
  });

  it('can be reconfigured, starting from a given level', () => {
    const bucket = new LeakyBucket({}, () => 0);
    expect(bucket.status()).toEqual({ maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 });
    bucket.configure({ size: 50, restoreRate: 5, currentlyAvailable: 0 });
    expect(bucket.status()).toEqual({ maximumAvailable: 50, currentlyAvailable: 0, restoreRate: 5 });
  });
});
