/** Request counts and time per origin, seen from this process's fetch (every connector request goes through it). */
export interface OriginStats {
  requests: number;
  /** Summed time to response headers (requests overlap, so this can exceed wall time). */
  ms: number;
  /** Shopify only (origins passed to watchCost): sums of the answers' cost extension. */
  requestedCost: number;
  actualCost: number;
  throttled: number;
}

const empty = (): OriginStats => ({ requests: 0, ms: 0, requestedCost: 0, actualCost: 0, throttled: 0 });

interface ShopifyCostBody {
  errors?: Array<{ extensions?: { code?: string } }>;
  extensions?: { cost?: { requestedQueryCost?: number; actualQueryCost?: number | null } };
}

export class FetchMeter {
  private readonly stats = new Map<string, OriginStats>();
  private readonly costOrigins = new Set<string>();
  private pending: Array<Promise<void>> = [];
  private original: typeof fetch | undefined;

  install(): void {
    if (this.original) return;
    const original = globalThis.fetch;
    this.original = original;
    globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const origin = new URL(href).origin;
      const s = this.stats.get(origin) ?? empty();
      this.stats.set(origin, s);
      const started = performance.now();
      try {
        const res = await original(input, init);
        if (this.costOrigins.has(origin)) this.pending.push(this.readCost(res.clone(), s));
        return res;
      } finally {
        s.requests += 1;
        s.ms += performance.now() - started;
      }
    };
  }

  uninstall(): void {
    if (this.original) globalThis.fetch = this.original;
    this.original = undefined;
  }

  watchCost(origin: string): void {
    this.costOrigins.add(origin);
  }

  reset(): void {
    this.stats.clear();
  }

  /** Waits for the cost extensions still being parsed. */
  async settle(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    await Promise.all(pending);
  }

  get(origin: string): OriginStats {
    return { ...(this.stats.get(origin) ?? empty()) };
  }

  private async readCost(res: Response, s: OriginStats): Promise<void> {
    try {
      const body = (await res.json()) as ShopifyCostBody;
      const cost = body.extensions?.cost;
      if (cost?.requestedQueryCost) s.requestedCost += cost.requestedQueryCost;
      if (typeof cost?.actualQueryCost === 'number') s.actualCost += cost.actualQueryCost;
      if (body.errors?.some((e) => e.extensions?.code === 'THROTTLED')) s.throttled += 1;
    } catch {
      // not JSON: nothing to count
    }
  }
}

/** Calls and summed time per label, for methods wrapped in place on this process's own objects. */
export class PhaseMeter {
  private readonly phases = new Map<string, { calls: number; ms: number }>();

  /** Replaces obj[name] with a timed wrapper (same this, same arguments, same result). */
  wrap<O extends object>(obj: O, name: string, label: string): void {
    const target = obj as Record<string, unknown>;
    const fn = target[name];
    if (typeof fn !== 'function') throw new Error(`cannot time ${label}: ${name} is not a method`);
    const phases = this.phases;
    target[name] = function timed(this: unknown, ...args: unknown[]): unknown {
      const started = performance.now();
      const done = () => {
        const p = phases.get(label) ?? { calls: 0, ms: 0 };
        p.calls += 1;
        p.ms += performance.now() - started;
        phases.set(label, p);
      };
      let out: unknown;
      try {
        out = (fn as (...a: unknown[]) => unknown).apply(this, args);
      } catch (err) {
        done();
        throw err;
      }
      if (out && typeof (out as Promise<unknown>).then === 'function') return (out as Promise<unknown>).finally(done);
      done();
      return out;
    };
  }

  reset(): void {
    this.phases.clear();
  }

  snapshot(): Record<string, { calls: number; ms: number }> {
    const out: Record<string, { calls: number; ms: number }> = {};
    for (const [k, v] of [...this.phases.entries()].sort((a, b) => b[1].ms - a[1].ms)) out[k] = { calls: v.calls, ms: Math.round(v.ms) };
    return out;
  }
}

/** Samples the resident set size; peak over the process and over a window. */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  private windowPeak = 0;
  private heapPeak = 0;
  peak = 0;

  start(everyMs = 25): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Starts a window; answers the peak RSS of the previous one (bytes). Read heapWindowPeak first. */
  window(): number {
    this.sample();
    const peak = this.windowPeak;
    this.windowPeak = process.memoryUsage.rss();
    this.heapPeak = process.memoryUsage().heapUsed;
    return peak;
  }

  /** Peak V8 heap in use in the current window (bytes). */
  heapWindowPeak(): number {
    return this.heapPeak;
  }

  private sample(): void {
    const usage = process.memoryUsage();
    if (usage.heapUsed > this.heapPeak) this.heapPeak = usage.heapUsed;
    const rss = usage.rss;
    if (rss > this.peak) this.peak = rss;
    if (rss > this.windowPeak) this.windowPeak = rss;
  }
}
