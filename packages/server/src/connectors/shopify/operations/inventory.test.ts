import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { costMismatches, startShopify, type ShopifyHarness } from '../fixtures/simulator.js';

let h: ShopifyHarness;

beforeAll(async () => {
  h = await startShopify();
});
afterAll(() => h.stop());
beforeEach(() => {
  h.sim.reset();
  h.logs.length = 0;
});

describe('Shopify inventory', () => {
  it('reads the available quantity at the shop\'s first location by product id', async () => {
    const [a, b] = h.sim.seedProducts([{ title: 'A', sku: 'A', quantity: 4 }, { title: 'B', sku: 'B', quantity: 0 }]);
    const records = await h.connector().readMany('inventory', [a?.id ?? '', b?.id ?? '']);
    expect(records.get(a?.id ?? '')?.data).toEqual({ kind: 'inventory', sku: 'A', quantity: 4 });
    expect(records.get(b?.id ?? '')?.data).toEqual({ kind: 'inventory', sku: 'B', quantity: 0 });
    expect(costMismatches(h.logs)).toEqual([]);
  });

  it('sets the level with changeFromQuantity and an idempotency key, leaving updatedAt alone', async () => {
    const [p] = h.sim.seedProducts([{ title: 'A', sku: 'A', quantity: 4, updatedAt: '2030-01-01T00:00:00Z' }]);
    const first = h.sim.locations()[0]?.id ?? '';
    await h.connector().update('inventory', p?.id ?? '', { kind: 'inventory', sku: 'A', quantity: 11 });
    const after = h.sim.getProduct('A');
    expect(after?.variants[0]?.available[first]).toBe(11);
    expect(after?.updatedAt).toBe('2030-01-01T00:00:00Z');
    expect(h.sim.counters.get('inventorySetQuantities')).toBe(1);
    expect(costMismatches(h.logs)).toEqual([]);
  });

  it('writes nothing when the level already holds the quantity', async () => {
    const [p] = h.sim.seedProducts([{ title: 'A', sku: 'A', quantity: 4 }]);
    await h.connector().update('inventory', p?.id ?? '', { kind: 'inventory', sku: 'A', quantity: 4 });
    expect(h.sim.counters.get('inventorySetQuantities')).toBe(0);
  });

  it('uses the connection\'s configured location', async () => {
    const [p] = h.sim.seedProducts([{ title: 'A', sku: 'A', quantity: 4 }]);
    const [first, second] = h.sim.locations().map((l) => l.id);
    const connector = h.connector({ settings: { baseUrl: h.sim.url, locationId: second?.split('/').pop() } });
    await connector.update('inventory', p?.id ?? '', { kind: 'inventory', sku: 'A', quantity: 9 });
    expect(h.sim.getProduct('A')?.variants[0]?.available).toEqual({ [first ?? '']: 4, [second ?? '']: 9 });
    expect((await connector.readMany('inventory', [p?.id ?? ''])).get(p?.id ?? '')?.data.quantity).toBe(9);
  });

  it('creates by finding the one product with the SKU', async () => {
    const [p] = h.sim.seedProducts([{ title: 'A', sku: 'INV-1', quantity: 1 }]);
    const id = await h.connector().create('inventory', { kind: 'inventory', sku: 'INV-1', quantity: 3 }, { syncListId: 's', sourceId: '77', sku: 'INV-1' });
    expect(id).toBe(p?.id);
    expect(h.sim.getProduct('INV-1')?.variants[0]?.available[h.sim.locations()[0]?.id ?? '']).toBe(3);
  });

  it('fails clearly without a product for the SKU, and when the target is gone', async () => {
    const connector = h.connector();
    await expect(connector.create('inventory', { kind: 'inventory', sku: 'NONE', quantity: 1 }, { syncListId: 's', sourceId: '1' }))
      .rejects.toMatchObject({ kind: 'permanent', message: expect.stringMatching(/no Shopify product has SKU NONE/) });
    await expect(connector.update('inventory', 'gid://shopify/Product/424242', { kind: 'inventory', sku: 'X', quantity: 1 }))
      .rejects.toMatchObject({ kind: 'not_found' });
  });

  it('refuses changedSince: inventory changes do not move updatedAt', async () => {
    const pages = h.connector().changedSince('inventory', null);
    await expect((async () => { for await (const _ of pages) break; })()).rejects.toMatchObject({ kind: 'permanent' });
  });
});
