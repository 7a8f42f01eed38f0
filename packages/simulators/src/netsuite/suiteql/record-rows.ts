import { TimeIndex, type TimeBound } from '../../common/time-index.js';
import type { VersionedMap } from '../store.js';
import type { Row } from './tables.js';

/**
 * A table's rows, built per record on first read and dropped when that record is written, so
 * a write between two queries costs one row, not a rebuild of 100,000. With `modified` the
 * rows are also indexed by (modified time, id) for `lastmodifieddate >= ...` reads.
 */
export class RecordRows<T> {
  private readonly rows = new Map<string, Row>();
  private list: Row[] | null = null;
  /** Insertion rank of each key: the order a scan of the Map meets them, which range reads keep. */
  private readonly ranks = new Map<string, number>();
  private nextRank = 0;
  private readonly index: TimeIndex | null;

  constructor(private readonly records: VersionedMap<T>, private readonly toRow: (record: T) => Row, modified?: (record: T) => Date) {
    for (const key of records.keys()) this.ranks.set(key, this.nextRank++);
    this.index = modified
      ? new TimeIndex(
          (key) => {
            const r = records.get(key);
            return r === undefined ? undefined : { at: modified(r).getTime(), id: Number(key) };
          },
          () => records.keys(),
        )
      : null;
    records.watch((key) => this.changed(key));
  }

  private changed(key: string | null): void {
    this.list = null;
    if (key === null) {
      this.rows.clear();
      this.ranks.clear();
      this.index?.reset();
      return;
    }
    this.rows.delete(key);
    this.index?.touch(key);
    // A Map keeps an updated key in place and puts a re-added one last.
    if (!this.records.has(key)) this.ranks.delete(key);
    else if (!this.ranks.has(key)) this.ranks.set(key, this.nextRank++);
  }

  get(key: string): Row | undefined {
    let row = this.rows.get(key);
    if (row === undefined) {
      const record = this.records.get(key);
      if (record === undefined) return undefined;
      row = this.toRow(record);
      this.rows.set(key, row);
    }
    return row;
  }

  /** Every row in the store's order: one shared array until a record changes. */
  all(): Row[] {
    if (!this.list) {
      const list: Row[] = [];
      for (const key of this.records.keys()) list.push(this.get(key) as Row);
      this.list = list;
    }
    return this.list;
  }

  /** Rows whose (modified, id) is within the bounds, in the store's order as a scan would give them. */
  range(lower: TimeBound | null, upper: TimeBound | null): Row[] {
    if (!this.index) return this.all();
    const ranked = this.index.range(lower, upper).map((key) => ({ key, rank: this.ranks.get(key) ?? 0 }));
    ranked.sort((a, b) => a.rank - b.rank);
    return ranked.map((r) => this.get(r.key) as Row);
  }
}
