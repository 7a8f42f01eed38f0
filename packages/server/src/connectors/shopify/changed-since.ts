import type { CanonicalItem, ChangedPage, SourceRecord, Watermark } from '../types.js';
import { compareGids } from './ids.js';
import { followPages, type Page } from './pagination.js';
import { updatedAfter } from './search-query.js';

export interface ChangedSinceOptions {
  /** Re-read this far behind the watermark: `updated_at:>` is strict and whole-second, and the search index lags. */
  overlapMs: number;
  /** Never advance the watermark past Shopify's clock minus this (edits reach the search index seconds late). */
  settleLagMs: number;
  /** The most objects one query pages through before a fresh query starts: Shopify stops paging one query at 25,000. */
  restartAfter: number;
}

export const defaultChangedSinceOptions: ChangedSinceOptions = { overlapMs: 60_000, settleLagMs: 10_000, restartAfter: 20_000 };

/** One page of mapped records, as `followPages` pages them. */
export type ChangedPageFetch<T extends CanonicalItem> = Page<SourceRecord<T>>;

export function compareToWatermark(record: { updatedAt: Date; id: string }, mark: Watermark): number {
  const byTime = record.updatedAt.getTime() - mark.at.getTime();
  return byTime !== 0 ? byTime : compareGids(record.id, mark.id);
}

/**
 * Records changed after a compound (updatedAt, id) watermark. Pages with the cursor under one
 * unchanged query sorted by UPDATED_AT; queries from watermark − overlap and drops what is
 * <= the watermark, so ties at a page or run boundary are neither skipped nor read twice.
 */
export async function* readChanges<T extends CanonicalItem>(
  watermark: Watermark | null,
  fetchPage: (query: string | undefined, after: string | null) => Promise<ChangedPageFetch<T>>,
  options: ChangedSinceOptions,
): AsyncGenerator<ChangedPage<T>> {
  let query = watermark ? updatedAfter(new Date(watermark.at.getTime() - options.overlapMs)) : undefined;
  let best: Watermark | null = watermark;
  let limit: number | undefined;
  const emitted = new Map<string, number>();
  for (;;) {
    let sinceQuery = 0;
    let restartFrom: Date | undefined;
    for await (const page of followPages((after) => fetchPage(query, after))) {
      if (limit === undefined && page.serverTime) limit = page.serverTime.getTime() - options.settleLagMs;
      const records = page.nodes.filter((r) => (!watermark || compareToWatermark(r, watermark) > 0) && emitted.get(r.id) !== r.updatedAt.getTime());
      for (const r of records) {
        emitted.set(r.id, r.updatedAt.getTime());
        const settled = limit !== undefined && r.updatedAt.getTime() <= limit;
        if (settled && (!best || compareToWatermark(r, best) > 0)) best = { at: r.updatedAt, id: r.id };
      }
      yield { records, watermark: best };
      sinceQuery += page.nodes.length;
      const last = page.nodes[page.nodes.length - 1];
      // Another page this size would cross the limit: start over from here instead.
      if (page.pageInfo.hasNextPage && sinceQuery + page.nodes.length > options.restartAfter && last) {
        restartFrom = last.updatedAt;
        break;
      }
    }
    if (!restartFrom) return;
    // A fresh query from one second before the last record seen; `emitted` drops the repeats.
    query = updatedAfter(new Date(restartFrom.getTime() - 1000));
  }
}
