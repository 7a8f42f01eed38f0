/** Calls received, by operation name, so tests and benchmarks can assert request counts. */
export class CallCounters {
  private counts = new Map<string, number>();

  inc(operation: string, by = 1): void {
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + by);
  }

  get(operation: string): number {
    return this.counts.get(operation) ?? 0;
  }

  all(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  reset(): void {
    this.counts.clear();
  }
}
