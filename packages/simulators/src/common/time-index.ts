/** A record's place in a modified-time index: its timestamp (ms) and its numeric id, the tie-break. */
export interface TimeKey {
  at: number;
  id: number;
}

/** One end of a range of (at, id) keys; `open` excludes the key itself. ±Infinity ids bound whole instants. */
export interface TimeBound extends TimeKey {
  open: boolean;
}

interface Entry extends TimeKey {
  key: string;
  /** Set when the key moved on to a newer entry or went away. */
  dead?: true;
}

const order = (a: TimeKey, b: TimeKey) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// Up to this many out-of-order keys are spliced in one by one; more are merged in one pass.
const SPLICE_LIMIT = 32;

/**
 * Record keys sorted by (modified time, id), so "changed since" reads a range instead of the
 * whole store. Writers only mark keys changed (`touch`); the index catches up on the next read,
 * so seeding 100,000 records costs one sort. A changed record's old entry is left in place,
 * dead (its key now maps to a newer entry), and the new one is appended: a save stamps "now",
 * the end of the order, so a write costs O(1) instead of moving half the array. Dead entries
 * are skipped by reads and swept out once they are a quarter of the array.
 */
export class TimeIndex {
  private entries: Entry[] = [];
  /** The live entry of each key. */
  private readonly current = new Map<string, Entry>();
  private readonly dirty = new Set<string>();
  private dead = 0;
  private built = false;

  /** `keyOf` reads a record's key now (undefined once it is gone); `keys` lists every record. */
  constructor(private readonly keyOf: (key: string) => TimeKey | undefined, private readonly keys: () => Iterable<string>) {}

  touch(key: string): void {
    if (this.built) this.dirty.add(key);
  }

  /** Forget everything (the store was cleared); the next read rebuilds. */
  reset(): void {
    this.built = false;
    this.entries = [];
    this.current.clear();
    this.dirty.clear();
    this.dead = 0;
  }

  /** Keys within the bounds (null: unbounded), ascending by (at, id). */
  range(lower: TimeBound | null, upper: TimeBound | null): string[] {
    this.flush();
    const start = lower ? this.search(lower, !lower.open) : 0;
    const end = upper ? this.search(upper, upper.open) : this.entries.length;
    const out: string[] = [];
    for (let i = start; i < end; i++) {
      const e = this.entries[i] as Entry;
      if (!e.dead) out.push(e.key);
    }
    return out;
  }

  /** The first position whose entry is >= `bound` (`inclusive`) or > `bound`. */
  private search(bound: TimeKey, inclusive: boolean): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = order(this.entries[mid] as Entry, bound);
      if (c > 0 || (inclusive && c === 0)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private entry(key: string): Entry | undefined {
    const k = this.keyOf(key);
    return k && !Number.isNaN(k.at) ? { at: k.at, id: k.id, key } : undefined;
  }

  private flush(): void {
    if (!this.built) return this.build();
    if (this.dirty.size === 0) return;
    const late: Entry[] = [];
    for (const key of this.dirty) {
      const old = this.current.get(key);
      const e = this.entry(key);
      if (old && e && order(old, e) === 0) continue;
      if (old) {
        old.dead = true;
        this.dead += 1;
      }
      if (!e) {
        this.current.delete(key);
        continue;
      }
      this.current.set(key, e);
      const last = this.entries[this.entries.length - 1];
      if (!last || order(last, e) <= 0) this.entries.push(e);
      else late.push(e);
    }
    this.dirty.clear();
    if (late.length > SPLICE_LIMIT) this.merge(late);
    else for (const e of late) this.entries.splice(this.search(e, true), 0, e);
    if (this.dead > 1024 && this.dead * 4 > this.entries.length) {
      this.entries = this.entries.filter((e) => !e.dead);
      this.dead = 0;
    }
  }

  private build(): void {
    this.entries = [];
    for (const key of this.keys()) {
      const e = this.entry(key);
      if (e) this.entries.push(e);
    }
    this.entries.sort(order);
    for (const e of this.entries) this.current.set(e.key, e);
    this.built = true;
  }

  /** Sorts the late entries and merges them with the live ones in one pass (dropping the dead). */
  private merge(late: Entry[]): void {
    late.sort(order);
    const merged: Entry[] = [];
    let j = 0;
    for (const e of this.entries) {
      if (e.dead) continue;
      while (j < late.length && order(late[j] as Entry, e) < 0) merged.push(late[j++] as Entry);
      merged.push(e);
    }
    while (j < late.length) merged.push(late[j++] as Entry);
    this.entries = merged;
    this.dead = 0;
  }
}
