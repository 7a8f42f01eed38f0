import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CanonicalProduct, SourceRecord, Watermark } from '../../types.js';
import { collect, costMismatches, startShopify, type ShopifyHarness } from '../fixtures/simulator.js';

let h: ShopifyHarness;

beforeAll(async () => {
  h = await startShopify();
});
afterAll(() => h.stop());
beforeEach(() => {
  h.sim.reset();
  h.logs.length = 0;
});

describe('Shopify products: readMany', () => {
  it('reads 10,000 products by id in at most 50 requests', async () => {
    h.sim.reset({ catalogue: { products: 10_000, seed: 3 } });
    h.sim.setBucket({ size: 1_000_000, restoreRate: 1_000_000 });
    const ids = h.sim.listProducts().map((p) => p.id);
    h.sim.resetCounters();
    const started = performance.now();
    const records = await h.connector().readMany('product', ids);
    const ms = Math.round(performance.now() - started);
    const { requests, byOperation } = h.sim.stats();
    console.info(`10,000 products by id: ${requests} requests, ${ms} ms`);
    expect(records.size).toBe(10_000);
    expect(requests).toBeLessThanOrEqual(50);
    expect(byOperation).toEqual({ nodes: requests });
    expect(costMismatches(h.logs)).toEqual([]);
  }, 120_000);

  it('keys records by the ids as given, leaves missing ids out and maps the one variant', async () => {
    const [p] = h.sim.seedProducts([{ title: 'Lamp', sku: 'L-1', price: '9.5', status: 'draft', productType: 'Home' }]);
    const numeric = p?.id.split('/').pop() ?? '';
    const records = await h.connector().readMany('product', [p?.id ?? '', numeric, 'gid://shopify/Product/999999']);
    expect([...records.keys()]).toEqual([p?.id, numeric]);
    expect(records.get(numeric)?.data).toEqual({ kind: 'product', sku: 'L-1', title: 'Lamp', price: '9.50', status: 'draft', category: 'Home' });
    expect(records.get(numeric)?.unsyncable).toBeUndefined();
  });

  it('marks a product with several variants unsyncable instead of flattening it', async () => {
    const [p] = h.sim.seedProducts([{ title: 'Shirt', variants: [{ sku: 'S' }, { sku: 'M' }] }]);
    const record = (await h.connector().readMany('product', [p?.id ?? ''])).get(p?.id ?? '');
    expect(record?.unsyncable).toMatch(/several variants/);
  });

  it('refuses an id of another type', async () => {
    await expect(h.connector().readMany('product', ['gid://shopify/Order/1'])).rejects.toMatchObject({ kind: 'permanent' });
  });
});

describe('Shopify products: list', () => {
  it('translates a filter to search syntax and pages with the cursor', async () => {
    h.sim.seedProducts([
      ...Array.from({ length: 30 }, (_, i) => ({ title: `Lamp ${i}`, sku: `L-${i}`, price: '15.00', status: 'active', productType: 'Home' })),
      { title: 'Cheap', sku: 'C', price: '1.00', status: 'active', productType: 'Home' },
      { title: 'Draft', sku: 'D', price: '15.00', status: 'draft', productType: 'Home' },
    ]);
    const connector = h.connector();
    const filter = { status: ['active' as const], priceMin: 10, category: 'Home' };
    const first = await connector.list('product', filter, null, 20);
    expect(first.records).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    const second = await connector.list('product', filter, first.nextCursor, 20);
    expect(second.records).toHaveLength(10);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.records, ...second.records].map((r) => r.data.sku)).size).toBe(30);
  });
});

async function changes(watermark: Watermark | null, overrides = {}) {
  const pages: Array<{ records: SourceRecord<CanonicalProduct>[]; watermark: Watermark | null }> = [];
  for await (const page of h.connector(overrides).changedSince('product', watermark)) pages.push(page);
  return { records: pages.flatMap((p) => p.records), watermark: pages[pages.length - 1]?.watermark ?? null, pages: pages.length };
}

describe('Shopify products: changedSince', () => {
  beforeEach(() => {
    h.sim.clock.set(new Date('2030-06-01T12:00:00Z'));
    // Full pages cost ~1000 points; a Standard bucket (100/s) would make this test wait for real.
    h.sim.setBucket({ size: 20_000, restoreRate: 20_000 });
  });

  it('reads across many pages with ties in updatedAt at page boundaries, nothing skipped or twice', async () => {
    // 500 products in groups of 50 sharing one second: 199-record pages end inside a group.
    h.sim.seedProducts(Array.from({ length: 500 }, (_, i) => ({
      title: `P${i}`, sku: `P-${i}`, updatedAt: new Date(Date.UTC(2030, 5, 1, 11, 0, Math.floor(i / 50))),
    })));
    const all = await changes(null);
    expect(all.pages).toBeGreaterThanOrEqual(3);
    expect(all.records).toHaveLength(500);
    expect(new Set(all.records.map((r) => r.id)).size).toBe(500);
    expect(all.watermark?.at.toISOString()).toBe('2030-06-01T11:00:09.000Z');

    const restarted = await changes(null, { changes: { restartAfter: 150 } });
    expect(new Set(restarted.records.map((r) => r.id)).size).toBe(500);
    expect(restarted.records).toHaveLength(500);
    expect(costMismatches(h.logs)).toEqual([]);
  });

  it('picks up a record with the watermark\'s own second and a higher id, and nothing before it', async () => {
    const at = new Date('2030-06-01T11:00:00Z');
    h.sim.seedProducts(Array.from({ length: 5 }, (_, i) => ({ title: `T${i}`, sku: `T-${i}`, updatedAt: at })));
    const first = await changes(null);
    expect(first.records).toHaveLength(5);
    // A late arrival in the same second (the search index lags): the strict > on the watermark's
    // second would miss it; the overlap window and the (time, id) compare find it, once.
    const [late] = h.sim.seedProducts([{ title: 'late', sku: 'T-late', updatedAt: at }]);
    const second = await changes(first.watermark);
    expect(second.records.map((r) => r.id)).toEqual([late?.id]);
    const third = await changes(second.watermark);
    expect(third.records).toEqual([]);
  });

  it('returns only what changed since the watermark', async () => {
    h.sim.seedProducts(Array.from({ length: 20 }, (_, i) => ({ title: `C${i}`, sku: `C-${i}`, updatedAt: '2030-06-01T10:00:00Z' })));
    const { watermark } = await changes(null);
    h.sim.clock.set(new Date('2030-06-01T12:30:00Z'));
    h.sim.changeProduct('C-3', { price: '2.00' });
    h.sim.changeProduct('C-7', { title: 'renamed' });
    h.sim.clock.set(new Date('2030-06-01T13:00:00Z'));
    const next = await changes(watermark);
    expect(next.records.map((r) => r.data.sku).sort()).toEqual(['C-3', 'C-7']);
    expect(next.watermark?.at.toISOString()).toBe('2030-06-01T12:30:00.000Z');
  });

  it('never advances the watermark past Shopify\'s clock minus the settle lag', async () => {
    h.sim.seedProducts([
      { title: 'settled', sku: 'S', updatedAt: '2030-06-01T11:59:00Z' },
      { title: 'fresh', sku: 'F', updatedAt: '2030-06-01T11:59:58Z' },
    ]);
    const result = await changes(null, { changes: { settleLagMs: 10_000 } });
    expect(result.records).toHaveLength(2);
    expect(result.watermark?.at.toISOString()).toBe('2030-06-01T11:59:00.000Z');
    const again = await changes(result.watermark, { changes: { settleLagMs: 10_000 } });
    expect(again.records.map((r) => r.data.sku)).toEqual(['F']);
  });
});

describe('Shopify products: changedSince past Shopify\'s paging limit', () => {
  it('starts a fresh query before the limit, nothing skipped or twice', async () => {
    const limited = await startShopify({ maxPagedObjects: 300, bucket: { size: 20_000, restoreRate: 20_000 } });
    try {
      limited.sim.seedProducts(Array.from({ length: 500 }, (_, i) => ({
        title: `P${i}`, sku: `P-${i}`, updatedAt: new Date(Date.UTC(2030, 0, 1, 0, 0, Math.floor(i / 30))),
      })));
      const records = await collect(limited.connector({ changes: { restartAfter: 250 } }).changedSince('product', null));
      expect(records).toHaveLength(500);
      expect(new Set(records.map((r) => r.id)).size).toBe(500);
      await expect(collect(limited.connector({ changes: { restartAfter: 100_000 } }).changedSince('product', null)))
        .rejects.toMatchObject({ kind: 'permanent', message: expect.stringMatching(/limited to 300 objects/) });
    } finally {
      await limited.stop();
    }
  });
});
