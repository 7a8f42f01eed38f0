import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postGraphql } from './post-graphql.js';
import { createShopifySimulator, type ShopifySimulator } from './simulator.js';

let sim: ShopifySimulator;

beforeAll(async () => {
  sim = createShopifySimulator();
  await sim.start();
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const BIG = `{ products(first: 250) { nodes { id variants(first: 5) { nodes { sku price inventoryItem { id } } } } } }`;

describe('Shopify simulator: transport', () => {
  it('answers 401 to a wrong access token', async () => {
    const answer = await postGraphql(sim, '{ shop { name } }', {}, { token: 'shpat_wrong' });
    expect(answer.status).toBe(401);
    expect(String(answer.body.errors)).toContain('Invalid API key or access token');
    expect(sim.stats().unauthorized).toBe(1);
  });

  it('puts extensions.cost on every answer and echoes a supported API version', async () => {
    const answer = await postGraphql(sim, '{ shop { name myshopifyDomain } }');
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ shop: { name: 'Synclane Simulator', myshopifyDomain: 'synclane-sim.myshopify.com' } });
    expect(answer.body.extensions?.cost).toMatchObject({ requestedQueryCost: 1, actualQueryCost: 1, throttleStatus: { maximumAvailable: 2000, restoreRate: 100 } });
    expect(answer.headers.get('x-shopify-api-version')).toBe('2026-07');
  });

  it('serves a retired version as the oldest supported one and says so in the header', async () => {
    const answer = await postGraphql(sim, '{ shop { name } }', {}, { version: '2025-07' });
    expect(answer.headers.get('x-shopify-api-version')).toBe('2025-10');
  });

  it('sends its own clock in the Date header', async () => {
    sim.clock.set(new Date('2030-01-02T03:04:05Z'));
    const answer = await postGraphql(sim, '{ shop { name } }');
    expect(new Date(answer.headers.get('date') ?? '').toISOString()).toBe('2030-01-02T03:04:05.000Z');
  });

  it('counts calls by root field', async () => {
    await postGraphql(sim, '{ shop { name } locations(first: 5) { nodes { id } } }');
    await postGraphql(sim, '{ shop { name } }');
    expect(sim.counters.get('shop')).toBe(2);
    expect(sim.counters.get('locations')).toBe(1);
    expect(sim.stats().requests).toBe(2);
  });
});

describe('Shopify simulator: cost and limits', () => {
  it('refuses a query over 1000 requested points with MAX_COST_EXCEEDED', async () => {
    const answer = await postGraphql(sim, BIG);
    expect(answer.status).toBe(200);
    const error = Array.isArray(answer.body.errors) ? answer.body.errors[0] : undefined;
    expect(error?.extensions).toMatchObject({ code: 'MAX_COST_EXCEEDED', cost: 3252, maxCost: 1000 });
    expect(answer.body.data).toBeUndefined();
  });

  it('refuses first > 250', async () => {
    const answer = await postGraphql(sim, '{ locations(first: 251) { nodes { id } } }');
    expect(Array.isArray(answer.body.errors) && answer.body.errors[0]?.message).toContain('at most 250');
  });

  it('refuses input arrays over 250', async () => {
    const ids = Array.from({ length: 251 }, (_, i) => `gid://shopify/Product/${i + 1}`);
    const answer = await postGraphql(sim, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(Array.isArray(answer.body.errors) && answer.body.errors[0]?.extensions?.code).toBe('MAX_INPUT_SIZE_EXCEEDED');
  });

  it('charges the actual cost, refunding what was requested but not returned', async () => {
    sim.seedProducts([{ title: 'One', sku: 'A-1', price: '1.00' }]);
    const answer = await postGraphql(sim, '{ products(first: 100) { nodes { id } } }');
    expect(answer.body.extensions?.cost).toMatchObject({ requestedQueryCost: 102, actualQueryCost: 3 });
  });

  it('answers THROTTLED with HTTP 200 when the bucket cannot hold the requested cost', async () => {
    sim.setBucket({ size: 1000, restoreRate: 1, currentlyAvailable: 5 });
    const answer = await postGraphql(sim, '{ locations(first: 10) { nodes { id name } } }');
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toEqual([expect.objectContaining({ message: 'Throttled', extensions: expect.objectContaining({ code: 'THROTTLED' }) })]);
    expect(answer.body.extensions?.cost).toMatchObject({ requestedQueryCost: 12, actualQueryCost: null, throttleStatus: { currentlyAvailable: 5 } });
    expect(sim.stats().throttled).toBe(1);
  });

  it('answers THROTTLED with HTTP 429 when configured so', async () => {
    const other = createShopifySimulator({ throttledStatus: 429, bucket: { size: 100, restoreRate: 1, currentlyAvailable: 0 } });
    await other.start();
    try {
      const answer = await postGraphql(other, '{ shop { name } }');
      expect(answer.status).toBe(429);
      expect(Array.isArray(answer.body.errors) && answer.body.errors[0]?.extensions?.code).toBe('THROTTLED');
      expect(answer.body.extensions?.cost?.throttleStatus.maximumAvailable).toBe(100);
    } finally {
      await other.stop();
    }
  });
});

describe('Shopify simulator: faults', () => {
  it('renders an injected 429 as THROTTLED and fails exactly the Nth call', async () => {
    sim.setFaults({ failNth: [{ n: 1, status: 429 }, { n: 2, status: 502 }] });
    const first = await postGraphql(sim, '{ shop { name } }');
    expect(Array.isArray(first.body.errors) && first.body.errors[0]?.extensions?.code).toBe('THROTTLED');
    const second = await postGraphql(sim, '{ shop { name } }');
    expect(second.status).toBe(502);
    const third = await postGraphql(sim, '{ shop { name } }');
    expect(third.status).toBe(200);
  });

  it('drops connections at the configured rate', async () => {
    sim.setFaults({ dropRate: 1 });
    await expect(postGraphql(sim, '{ shop { name } }')).rejects.toThrow();
  });

  it('adds latency', async () => {
    sim.setFaults({ latencyMs: 80 });
    const started = performance.now();
    await postGraphql(sim, '{ shop { name } }');
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
  });
});

describe('Shopify simulator: control API over HTTP', () => {
  it('seeds, changes, moves the clock and reads counters under /__sim/', async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${sim.url}/__sim/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<Record<string, unknown>>);
    const seeded = await post('seed', { products: [{ title: 'Lamp', sku: 'L-1', price: '9.5' }] });
    expect(seeded.products).toEqual([expect.objectContaining({ title: 'Lamp', variants: [expect.objectContaining({ sku: 'L-1', price: '9.50' })] })]);
    await post('clock', { set: '2031-05-06T07:08:09.750Z' });
    const changed = await post('change-product', { idOrSku: 'L-1', change: { title: 'Lamp 2' } });
    expect(changed).toMatchObject({ title: 'Lamp 2', updatedAt: '2031-05-06T07:08:09Z' });
    await postGraphql(sim, '{ shop { name } }');
    const counters = await fetch(`${sim.url}/__sim/counters`).then((r) => r.json() as Promise<{ byOperation: Record<string, number> }>);
    expect(counters.byOperation).toEqual({ shop: 1 });
    const bucket = await post('bucket', { size: 500, restoreRate: 50 });
    expect(bucket).toEqual({ maximumAvailable: 500, currentlyAvailable: 500, restoreRate: 50 });
  });

  it('seeds 100,000 catalogue products in seconds', () => {
    const started = performance.now();
    sim.reset({ catalogue: { products: 100_000, seed: 7 } });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(sim.getProduct('SKU-100000')?.variants[0]?.sku).toBe('SKU-100000');
  });
});
