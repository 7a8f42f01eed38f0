import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InMemoryCostLimiter } from '../limits/cost-bucket.js';
import { ShopifyClient } from './client.js';
import { startShopify, type ShopifyHarness } from './fixtures/simulator.js';
import { resolveShopifySettings } from './settings.js';

let h: ShopifyHarness;

beforeAll(async () => {
  h = await startShopify();
});
afterAll(() => h.stop());
beforeEach(() => {
  h.sim.reset();
  h.logs.length = 0;
  h.waits.length = 0;
  h.outcomes.length = 0;
});

function seed(count: number) {
  return h.sim.seedProducts(Array.from({ length: count }, (_, i) => ({ title: `P${i}`, sku: `P-${i}`, price: '1.00' }))).map((p) => p.id);
}

describe('Shopify client: pacing and throttling', () => {
  it('slows down under a small bucket and completes, with bounded calls', async () => {
    const ids = seed(1200);
    // 1000-point bucket restoring 4000/s: each 1000-point batch must wait for the bucket.
    h.sim.setBucket({ size: 1000, restoreRate: 4000 });
    h.sim.resetCounters();
    const connector = h.connector();
    const started = performance.now();
    const results = await Promise.all([connector.readMany('product', ids.slice(0, 600)), connector.readMany('product', ids.slice(600))]);
    expect(results.map((r) => r.size)).toEqual([600, 600]);
    const { requests, throttled } = h.sim.stats();
    expect(requests).toBeLessThanOrEqual(6 + 2);
    expect(throttled).toBeLessThanOrEqual(2);
    expect(h.waits.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('retries THROTTLED answered with HTTP 429', async () => {
    const other = await startShopify({ throttledStatus: 429 });
    try {
      const [p] = other.sim.seedProducts([{ title: 'a', sku: 'A' }]);
      other.sim.setFaults({ failNth: [{ n: 1, status: 429 }, { n: 2, status: 429 }] });
      const records = await other.connector().readMany('product', [p?.id ?? '']);
      expect(records.size).toBe(1);
      expect(other.sim.stats()).toMatchObject({ requests: 3, throttled: 2 });
      expect(other.outcomes).toEqual(['throttled', 'throttled', 'ok']);
    } finally {
      await other.stop();
    }
  });
});

describe('Shopify client: faults', () => {
  it('completes through injected 429s, 5xx and dropped connections', async () => {
    const ids = seed(1000);
    h.sim.setBucket({ size: 100_000, restoreRate: 100_000 });
    h.sim.setFaults({ errorRate: 0.2, throttleRate: 0.2, dropRate: 0.1, seed: 11 });
    h.sim.resetCounters();
    const records = await h.connector().readMany('product', ids);
    expect(records.size).toBe(1000);
    const { requests, faults } = h.sim.stats();
    expect(faults).toBeGreaterThan(0);
    expect(requests).toBeLessThan(5 * 4);
    expect(h.outcomes).toEqual(expect.arrayContaining(['ok']));
  });

  it('retries a timeout and gives up within its budget', async () => {
    h.sim.setFaults({ latencyMs: 300 });
    const connector = h.connector({ timeoutMs: 50, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, budgetMs: 1000 } });
    await expect(connector.readMany('product', ['gid://shopify/Product/1'])).rejects.toMatchObject({ kind: 'transient', message: 'Shopify did not answer within 50 ms' });
    expect(h.sim.stats().requests).toBe(2);
  });
});

describe('Shopify client: permanent errors', () => {
  it('surfaces a 4xx at once, without retrying', async () => {
    h.sim.setFaults({ failNth: [{ n: 1, status: 400 }] });
    await expect(h.connector().readMany('product', ['gid://shopify/Product/1'])).rejects.toMatchObject({ kind: 'permanent', status: 400 });
    expect(h.sim.stats().requests).toBe(1);
  });

  it('treats MAX_COST_EXCEEDED as permanent, with the cost in the message', async () => {
    const client = new ShopifyClient({
      settings: resolveShopifySettings({ baseUrl: h.sim.url }), accessToken: h.sim.accessToken,
      limiter: new InMemoryCostLimiter(), retry: { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 1, budgetMs: 1000 }, timeoutMs: 5000,
    });
    const query = '{ products(first: 250) { nodes { variants(first: 5) { nodes { sku price inventoryItem { id } } } } } }';
    await expect(client.request({ operation: 'too dear', query, cost: 1000 })).rejects.toMatchObject({
      kind: 'permanent', message: expect.stringMatching(/cost 3252, max 1000.*MAX_COST_EXCEEDED/),
    });
    expect(h.sim.stats().requests).toBe(1);
  });

  it('treats a search warning as an error instead of reading everything', async () => {
    const client = new ShopifyClient({
      settings: resolveShopifySettings({ baseUrl: h.sim.url }), accessToken: h.sim.accessToken,
      limiter: new InMemoryCostLimiter(), retry: { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 1, budgetMs: 1000 }, timeoutMs: 5000,
    });
    const query = `{ products(first: 5, query: "updatedAt:>'2030-01-01T00:00:00Z'") { nodes { id } } }`;
    await expect(client.request({ operation: 'typo', query, cost: 7 })).rejects.toMatchObject({
      kind: 'permanent', message: expect.stringMatching(/ignored part of the search query.*updatedAt: Invalid search field/),
    });
  });
});

describe('Shopify client: auth and versions', () => {
  it('turns a 401 into a clear auth error, never retried', async () => {
    const connector = h.connector({ credentials: { accessToken: 'shpat_wrong' } });
    await expect(connector.readMany('product', ['gid://shopify/Product/1'])).rejects.toMatchObject({
      kind: 'auth', status: 401, message: expect.stringMatching(/Shopify refused the access token \(HTTP 401\)/),
    });
    expect(h.sim.stats().requests).toBe(1);
    expect(JSON.stringify(h.logs)).not.toContain('shpat_wrong');
  });

  it('logs once when Shopify answers with another API version', async () => {
    const connector = h.connector({ settings: { baseUrl: h.sim.url, apiVersion: '2025-07' } });
    await connector.test();
    await connector.test();
    expect(h.logs.filter((l) => l.level === 'warn')).toEqual([
      { level: 'warn', obj: { requested: '2025-07', answered: '2025-10' }, msg: 'Shopify answered with another API version than the one requested' },
    ]);
  });
});
