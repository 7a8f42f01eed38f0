import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collect, costMismatches, startShopify, type ShopifyHarness } from '../fixtures/simulator.js';

let h: ShopifyHarness;

beforeAll(async () => {
  h = await startShopify();
});
afterAll(() => h.stop());
beforeEach(() => {
  h.sim.reset();
  h.logs.length = 0;
  h.sim.clock.set(new Date('2030-03-01T12:00:00Z'));
  h.sim.seedProducts([{ title: 'Lamp', sku: 'L-1', price: '9.50' }]);
});

describe('Shopify orders', () => {
  it('reads orders by id with line items, customer, shipping and currency', async () => {
    const [order] = h.sim.seedOrders([{
      email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', currency: 'EUR', shipping: '4.5',
      lines: [{ sku: 'L-1', quantity: 2, price: '9.5' }, { sku: 'X-9', quantity: 1, price: '100' }], createdAt: '2030-02-01T10:00:00Z',
    }]);
    const record = (await h.connector().readMany('order', [order?.id ?? ''])).get(order?.id ?? '');
    expect(record).toEqual({
      id: order?.id,
      updatedAt: new Date('2030-02-01T10:00:00Z'),
      data: {
        kind: 'order', orderNumber: order?.name, email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', currency: 'EUR',
        lines: [{ sku: 'L-1', quantity: 2, price: '9.50' }, { sku: 'X-9', quantity: 1, price: '100.00' }],
        shipping: '4.50', placedAt: new Date('2030-02-01T10:00:00Z'),
      },
    });
    expect(costMismatches(h.logs)).toEqual([]);
  });

  it('fetches the remaining line items of a long order', async () => {
    const lines = Array.from({ length: 25 }, (_, i) => ({ sku: `S-${i}`, quantity: 1, price: '1.00' }));
    const [order] = h.sim.seedOrders([{ email: 'x@example.com', lines }]);
    const record = (await h.connector().readMany('order', [order?.id ?? ''])).get(order?.id ?? '');
    expect(record?.data.lines.map((l) => l.sku)).toEqual(lines.map((l) => l.sku));
    expect(h.sim.counters.get('order')).toBe(1);
  });

  it('marks an order with a line without SKU unsyncable', async () => {
    const [order] = h.sim.seedOrders([{ lines: [{ sku: '', quantity: 1, price: '1.00' }] }]);
    const record = (await h.connector().readMany('order', [order?.id ?? ''])).get(order?.id ?? '');
    expect(record?.unsyncable).toMatch(/without a SKU/);
  });

  it('reads orders changed since a watermark through the updated_at filter', async () => {
    const seeded = h.sim.seedOrders(Array.from({ length: 40 }, (_, i) => ({
      email: `o${i}@example.com`, lines: [{ sku: 'L-1', quantity: 1, price: '9.50' }], createdAt: new Date(Date.UTC(2030, 1, 1, 0, 0, Math.floor(i / 10))),
    })));
    const connector = h.connector();
    let watermark = null;
    const first: string[] = [];
    for await (const page of connector.changedSince('order', null)) {
      first.push(...page.records.map((r) => r.id));
      watermark = page.watermark;
    }
    expect(first).toHaveLength(40);
    h.sim.changeOrder(seeded[5]?.id ?? '', { email: 'changed@example.com' });
    h.sim.clock.advance(60_000);
    const next = await collect(connector.changedSince('order', watermark));
    expect(next.map((r) => r.data.email)).toEqual(['changed@example.com']);
  });

  it('lists orders with a filter and refuses product-only filters', async () => {
    h.sim.seedOrders([{ email: 'a@example.com', lines: [{ sku: 'L-1', quantity: 1, price: '1.00' }] }]);
    const connector = h.connector();
    const page = await connector.list('order', { search: 'a@example.com' }, null, 10);
    expect(page.records.map((r) => r.data.email)).toEqual(['a@example.com']);
    await expect(connector.list('order', { priceMin: 1 }, null, 10)).rejects.toMatchObject({ kind: 'permanent' });
  });

  it('refuses to write orders to Shopify', async () => {
    await expect(h.connector().update('order', 'gid://shopify/Order/1', {
      kind: 'order', orderNumber: '#1', email: null, firstName: null, lastName: null, currency: 'USD', lines: [], shipping: null, placedAt: new Date(),
    })).rejects.toMatchObject({ kind: 'permanent' });
  });
});
