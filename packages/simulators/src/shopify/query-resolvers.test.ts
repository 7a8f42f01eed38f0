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

interface ProductPage {
  products: { nodes: Array<{ id: string; updatedAt: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const PAGE = `query($after: String, $query: String) {
  products(first: 7, after: $after, sortKey: UPDATED_AT, query: $query) { nodes { id updatedAt } pageInfo { hasNextPage endCursor } }
}`;

async function allPages(query?: string): Promise<Array<{ id: string; updatedAt: string }>> {
  const seen: Array<{ id: string; updatedAt: string }> = [];
  let after: string | null = null;
  for (;;) {
    const answer = await postGraphql(sim, PAGE, { after, query });
    const data = answer.body.data as unknown as ProductPage;
    seen.push(...data.products.nodes);
    if (!data.products.pageInfo.hasNextPage) return seen;
    after = data.products.pageInfo.endCursor;
  }
}

describe('Shopify simulator: products paging and search', () => {
  it('pages by opaque cursor through ties in updatedAt, nothing skipped or repeated', async () => {
    sim.seedProducts(Array.from({ length: 30 }, (_, i) => ({ title: `P${i}`, sku: `S-${i}`, updatedAt: `2030-01-01T00:00:0${i % 3}Z` })));
    const seen = await allPages();
    expect(seen).toHaveLength(30);
    expect(new Set(seen.map((p) => p.id)).size).toBe(30);
    const keys = seen.map((p) => `${p.updatedAt}|${p.id.padStart(40)}`);
    expect([...keys].sort()).toEqual(keys);
  });

  it('filters updated_at:> strictly, on whole seconds', async () => {
    sim.seedProducts([
      { title: 'old', updatedAt: '2030-01-01T00:00:00Z' },
      { title: 'tie', updatedAt: '2030-01-01T00:00:01Z' },
      { title: 'new', updatedAt: '2030-01-01T00:00:02Z' },
    ]);
    expect(await allPages("updated_at:>'2030-01-01T00:00:01Z'")).toHaveLength(1);
    expect(await allPages("updated_at:>='2030-01-01T00:00:01Z'")).toHaveLength(2);
  });

  it('ignores an unknown search field with a warning in extensions.search', async () => {
    sim.seedProducts([{ title: 'a', updatedAt: '2030-01-01T00:00:00Z' }, { title: 'b', updatedAt: '2030-01-02T00:00:00Z' }]);
    const answer = await postGraphql(sim, PAGE, { query: "updatedAt:>'2030-01-01T12:00:00Z'" });
    expect((answer.body.data as unknown as ProductPage).products.nodes).toHaveLength(2);
    expect(answer.body.extensions?.search).toEqual([
      { path: ['products'], query: "updatedAt:>'2030-01-01T12:00:00Z'", warnings: [{ field: 'updatedAt', message: 'Invalid search field for this query.' }] },
    ]);
  });

  it('filters by status, product type, price and SKU', async () => {
    sim.seedProducts([
      { title: 'a', sku: 'A', price: '5.00', status: 'active', productType: 'Home' },
      { title: 'b', sku: 'B', price: '15.00', status: 'draft', productType: 'Home' },
      { title: 'c', sku: 'C', price: '25.00', status: 'active', productType: 'Garden Tools' },
    ]);
    const count = async (query: string) => (await allPages(query)).length;
    expect(await count('status:active')).toBe(2);
    expect(await count('status:active,draft')).toBe(3);
    expect(await count("product_type:'Garden Tools'")).toBe(1);
    expect(await count('price:>=10 price:<=20')).toBe(1);
    expect(await count("sku:'B'")).toBe(1);
    expect(await count('status:active OR sku:B')).toBe(3);
  });

  it('refuses a malformed cursor', async () => {
    const answer = await postGraphql(sim, PAGE, { after: 'not-a-cursor' });
    expect(Array.isArray(answer.body.errors) && answer.body.errors[0]?.message).toContain('Invalid cursor');
  });

  it('reads several products by id with nodes(ids:), missing ones null', async () => {
    const [a] = sim.seedProducts([{ title: 'a', sku: 'A' }]);
    const answer = await postGraphql(sim, 'query($ids: [ID!]!) { nodes(ids: $ids) { ... on Product { id title } } }', { ids: [a?.id, 'gid://shopify/Product/999999'] });
    expect(answer.body.data).toEqual({ nodes: [{ id: a?.id, title: 'a' }, null] });
  });
});

describe('Shopify simulator: orders, inventory, locations', () => {
  it('lists orders with line items under the updated_at filter', async () => {
    sim.seedProducts([{ title: 'Lamp', sku: 'L-1', price: '9.50' }]);
    sim.seedOrders([
      { email: 'a@example.com', firstName: 'Ada', lastName: 'L', lines: [{ sku: 'L-1', quantity: 2, price: '9.50' }], shipping: '4.00', createdAt: '2030-01-01T00:00:00Z' },
      { email: 'b@example.com', lines: [{ sku: 'L-1', quantity: 1, price: '9.50' }], createdAt: '2030-02-01T00:00:00Z' },
    ]);
    const answer = await postGraphql(sim, `{
      orders(first: 10, sortKey: UPDATED_AT, query: "updated_at:>'2030-01-15T00:00:00Z'") {
        nodes { name email customer { firstName } totalShippingPriceSet { shopMoney { amount currencyCode } }
          lineItems(first: 5) { nodes { sku quantity originalUnitPriceSet { shopMoney { amount } } } } }
      }
    }`);
    expect(answer.body.data).toEqual({
      orders: { nodes: [{ name: expect.stringMatching(/^#/), email: 'b@example.com', customer: null, totalShippingPriceSet: { shopMoney: { amount: '0.00', currencyCode: 'USD' } }, lineItems: { nodes: [{ sku: 'L-1', quantity: 1, originalUnitPriceSet: { shopMoney: { amount: '9.50' } } }] } }] },
    });
  });

  it('reads inventory levels at a location and keeps product updatedAt on quantity changes', async () => {
    const [p] = sim.seedProducts([{ title: 'Lamp', sku: 'L-1', quantity: 4, updatedAt: '2030-01-01T00:00:00Z' }]);
    sim.changeProduct('L-1', { quantity: 9 });
    expect(sim.getProduct('L-1')?.updatedAt).toBe('2030-01-01T00:00:00Z');
    const location = sim.locations()[0]?.id;
    const answer = await postGraphql(sim, `query($id: ID!, $loc: ID!) { product(id: $id) { variants(first: 1) { nodes { inventoryItem {
      inventoryLevel(locationId: $loc) { quantities(names: ["available", "on_hand"]) { name quantity } } } } } } }`, { id: p?.id, loc: location });
    expect(JSON.stringify(answer.body.data)).toContain('{"name":"available","quantity":9},{"name":"on_hand","quantity":9}');
  });

  it('lists locations', async () => {
    const answer = await postGraphql(sim, '{ locations(first: 5) { nodes { id name } } }');
    expect(answer.body.data).toEqual({ locations: { nodes: sim.locations() } });
  });
});

describe('Shopify simulator: search index lag', () => {
  it('hides edits younger than searchLagMs from query: filters, not from unfiltered reads', async () => {
    const lagging = createShopifySimulator({ searchLagMs: 5_000 });
    await lagging.start();
    try {
      lagging.clock.set(new Date('2030-01-01T00:00:10Z'));
      lagging.seedProducts([{ title: 'old', updatedAt: '2030-01-01T00:00:00Z' }, { title: 'fresh', updatedAt: '2030-01-01T00:00:08Z' }]);
      const filtered = await postGraphql(lagging, PAGE, { query: "updated_at:>'2029-01-01T00:00:00Z'" });
      expect((filtered.body.data as unknown as ProductPage).products.nodes).toHaveLength(1);
      const all = await postGraphql(lagging, PAGE, {});
      expect((all.body.data as unknown as ProductPage).products.nodes).toHaveLength(2);
      lagging.clock.advance(5_000);
      const later = await postGraphql(lagging, PAGE, { query: "updated_at:>'2029-01-01T00:00:00Z'" });
      expect((later.body.data as unknown as ProductPage).products.nodes).toHaveLength(2);
    } finally {
      await lagging.stop();
    }
  });
});

describe('Shopify simulator: paging limit', () => {
  it('refuses to page one query past maxPagedObjects', async () => {
    const limited = createShopifySimulator({ maxPagedObjects: 10 });
    await limited.start();
    try {
      limited.seedProducts(Array.from({ length: 20 }, (_, i) => ({ title: `P${i}` })));
      const first = await postGraphql(limited, PAGE, {});
      const after = (first.body.data as unknown as ProductPage).products.pageInfo.endCursor;
      const second = await postGraphql(limited, PAGE, { after });
      expect(Array.isArray(second.body.errors) && second.body.errors[0]?.message).toContain('limited to 10 objects');
    } finally {
      await limited.stop();
    }
  });
});
