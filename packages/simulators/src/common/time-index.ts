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
}

const order = (a: TimeKey, b: TimeKey) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// Up to this many changes are spliced in one by one; more are merged in one pass.
const SPLICE_LIMIT = 32;

/**
 * Record keys sorted by (modified time, id), so "changed since" reads a range instead of the
 * whole store. Writers only mark keys changed (`touch`); the index catches up on the next read,
 * so a burst of writes (seeding 100,000 records) costs one sort, not 100,000 inserts.
 */
export class TimeIndex {
  private entries: Entry[] = [];
  private readonly current = new Map<string, Entry>();
  private readonly dirty = new Set<string>();
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
  }

  /** Keys within the bounds (null: unbounded), ascending by (at, id). */
  range(lower: TimeBound | null, upper: TimeBound | null): string[] {
    this.flush();
    const start = lower ? this.search(lower, !lower.open) : 0;
    const end = upper ? this.search(upper, upper.open) : this.entries.length;
    const out: string[] = [];
    for (let i = start; i < end; i++) out.push((this.entries[i] as Entry).key);
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

  /** Where an entry sits; ids are unique, so its (at, id) finds it (the scan is only a guard). */
  private indexOf(e: Entry): number {
    let i = this.search(e, true);
    while (i < this.entries.length && this.entries[i] !== e) i++;
    return i;
  }

  private entry(key: string): Entry | undefined {
    const k = this.keyOf(key);
    return k && !Number.isNaN(k.at) ? { at: k.at, id: k.id, key } : undefined;
  }

  private flush(): void {
    if (!this.built) {
      this.entries = [];
      for (const key of this.keys()) {
        const e = this.entry(key);
        if (e) this.entries.push(e);
      }
      this.entries.sort(order);
      for (const e of this.entries) this.current.set(e.key, e);
      this.built = true;
      return;
    }
    if (this.dirty.size === 0) return;
    if (this.dirty.size <= SPLICE_LIMIT) {
      for (const key of this.dirty) {
        const old = this.current.get(key);
        if (old) this.entries.splice(this.indexOf(old), 1);
        const e = this.entry(key);
        if (e) this.entries.splice(this.search(e, true), 0, e);
        if (e) this.current.set(key, e);
        else this.current.delete(key);
      }
    } else {
      // Drop the changed entries in one pass, sort their new keys, merge the two sorted lists.
      const kept = this.entries.filter((e) => !this.dirty.has(e.key));
      const fresh: Entry[] = [];
      for (const key of this.dirty) {
        const e = this.entry(key);
        if (e) fresh.push(e);
        if (e) this.current.set(key, e);
        else this.current.delete(key);
      }
      fresh.sort(order);
      const merged: Entry[] = new Array(kept.length + fresh.length);
      let [i, j, k] = [0, 0, 0];
      while (i < kept.length && j < fresh.length) merged[k++] = order(kept[i] as Entry, fresh[j] as Entry) <= 0 ? (kept[i++] as Entry) : (fresh[j++] as Entry);
      while (i < kept.length) merged[k++] = kept[i++] as Entry;
      while (j < fresh.length) merged[k++] = fresh[j++] as Entry;
      this.entries = merged;
    }
    this.dirty.clear();
  }
}
