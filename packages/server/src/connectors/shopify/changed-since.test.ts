import { describe, expect, it } from 'vitest';
import type { CanonicalProduct, SourceRecord, Watermark } from '../types.js';
import { readChanges, type ChangedPageFetch } from './changed-since.js';

function record(n: number, at: string): SourceRecord<CanonicalProduct> {
  return { id: `gid://shopify/Product/${n}`, updatedAt: new Date(at), data: { kind: 'product', sku: `S${n}`, title: 't', price: '1.00', status: 'active', category: null } };
}

/** A fake products query: sorted by (updatedAt, id), strict updated_at:> filter, cursor = index. */
function source(rows: SourceRecord<CanonicalProduct>[], serverTime: string, pageSize: number) {
  const queries: Array<string | undefined> = [];
  const fetch = async (query: string | undefined, after: string | null): Promise<ChangedPageFetch<CanonicalProduct>> => {
    if (after === null) queries.push(query);
    const since = query ? new Date(/'(.*)'/.exec(query)?.[1] ?? '').getTime() : -Infinity;
    const matching = rows.filter((r) => r.updatedAt.getTime() > since);
    const start = after === null ? 0 : Number(after);
    const nodes = matching.slice(start, start + pageSize);
    return { nodes, pageInfo: { hasNextPage: start + pageSize < matching.length, endCursor: String(start + pageSize) }, serverTime: new Date(serverTime) };
  };
  return { fetch, queries };
}

async function run(watermark: Watermark | null, src: ReturnType<typeof source>, options = {}) {
  const out: SourceRecord<CanonicalProduct>[] = [];
  let mark: Watermark | null = watermark;
  for await (const page of readChanges(watermark, src.fetch, { overlapMs: 60_000, settleLagMs: 10_000, restartAfter: 1000, ...options })) {
    out.push(...page.records);
    mark = page.watermark;
  }
  return { ids: out.map((r) => Number(r.id.split('/').pop())), watermark: mark };
}

const T = '2030-01-01T00:00:00Z';

describe('readChanges', () => {
  it('queries from watermark − overlap and drops what is at or before the (time, id) watermark', async () => {
    const rows = [record(1, '2029-12-31T23:59:30Z'), record(2, T), record(3, T), record(4, T), record(5, '2030-01-01T00:00:01Z')];
    const src = source(rows, '2030-01-01T01:00:00Z', 2);
    const result = await run({ at: new Date(T), id: 'gid://shopify/Product/3' }, src);
    expect(src.queries).toEqual(["updated_at:>'2029-12-31T23:59:00Z'"]);
    expect(result.ids).toEqual([4, 5]);
    expect(result.watermark).toEqual({ at: new Date('2030-01-01T00:00:01Z'), id: 'gid://shopify/Product/5' });
  });

  it('keeps the watermark behind the settle lag while still returning newer records', async () => {
    const rows = [record(1, T), record(2, '2030-01-01T00:00:55Z')];
    const result = await run(null, source(rows, '2030-01-01T00:01:00Z', 10));
    expect(result.ids).toEqual([1, 2]);
    expect(result.watermark?.id).toBe('gid://shopify/Product/1');
  });

  it('restarts the query before Shopify\'s paging limit without skipping or repeating ties', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => record(i + 1, `2030-01-01T00:00:0${Math.floor(i / 4) % 10}Z`)).sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || a.id.localeCompare(b.id));
    const src = source(rows, '2030-01-02T00:00:00Z', 3);
    const result = await run(null, src, { restartAfter: 6 });
    expect(result.ids.sort((a, b) => a - b)).toEqual(rows.map((r) => Number(r.id.split('/').pop())).sort((a, b) => a - b));
    expect(src.queries.length).toBeGreaterThan(2);
  });

  it('orders ids numerically in the tie-break', async () => {
    const rows = [record(99, T), record(100, T)];
    const result = await run({ at: new Date(T), id: 'gid://shopify/Product/99' }, source(rows, '2030-01-02T00:00:00Z', 10));
    expect(result.ids).toEqual([100]);
  });
});
