import type { IncomingMessage, ServerResponse } from 'node:http';

export interface FaultOptions {
  /** Added latency before each answer. */
  latencyMs?: number;
  jitterMs?: number;
  /** Fraction (0..1) of requests answered with a 5xx. */
  errorRate?: number;
  /** Fraction (0..1) of requests answered as rate limited (each platform renders its own 429). */
  throttleRate?: number;
  /** Fraction (0..1) of requests whose connection is destroyed without an answer. */
  dropRate?: number;
  /** Fail exactly these call numbers (1-based, counted over API calls since the faults were set). */
  failNth?: Array<{ n: number; status: number }>;
  /** Deterministic randomness for the rates. */
  seed?: number;
}

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'error'; status: number }
  | { kind: 'throttle' }
  | { kind: 'drop' };

/** mulberry32: a tiny seeded PRNG so injected fault sequences repeat run to run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private options: FaultOptions = {};
  private calls = 0;
  private random: () => number = Math.random;

  set(options: FaultOptions): void {
    this.options = { ...options };
    this.calls = 0;
    this.random = options.seed === undefined ? Math.random : seededRandom(options.seed);
  }

  get(): FaultOptions {
    return { ...this.options };
  }

  clear(): void {
    this.set({});
  }

  /** Waits the configured latency, then says what to do with this call. */
  async decide(): Promise<FaultDecision> {
    const o = this.options;
    this.calls += 1;
    const delay = (o.latencyMs ?? 0) + (o.jitterMs ? Math.floor(this.random() * o.jitterMs) : 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const nth = o.failNth?.find((f) => f.n === this.calls);
    if (nth) return nth.status === 429 ? { kind: 'throttle' } : { kind: 'error', status: nth.status };
    if (o.dropRate && this.random() < o.dropRate) return { kind: 'drop' };
    if (o.throttleRate && this.random() < o.throttleRate) return { kind: 'throttle' };
    if (o.errorRate && this.random() < o.errorRate) return { kind: 'error', status: 503 };
    return { kind: 'none' };
  }
}

/** Ends the socket with no HTTP answer (a "connection reset" for the client). */
export function dropConnection(req: IncomingMessage, res: ServerResponse): void {
  req.socket.destroy();
  res.destroy();
}
