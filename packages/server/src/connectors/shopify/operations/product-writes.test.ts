import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CanonicalProduct, NaturalKey } from '../../types.js';
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

const lamp: CanonicalProduct = { kind: 'product', sku: 'NS-LAMP', title: 'Desk Lamp', price: '19.9', status: 'active', category: 'Home' };
const key: NaturalKey = { syncListId: '5b1c0e6e-0000-4000-8000-000000000001', sourceId: '1234', sku: 'NS-LAMP' };

describe('Shopify products: create', () => {
  it('is idempotent: the same create sent twice leaves one product', async () => {
    const connector = h.connector();
    const a = await connector.create('product', lamp, key);
    const b = await connector.create('product', lamp, key);
    expect(b).toBe(a);
    const products = h.sim.listProducts();
    expect(products).toHaveLength(1);
    expect(products[0]).toMatchObject({ id: a, handle: 'synclane-1234', title: 'Desk Lamp', status: 'ACTIVE', productType: 'Home' });
    expect(products[0]?.variants).toEqual([expect.objectContaining({ sku: 'NS-LAMP', price: '19.90' })]);
    expect(costMismatches(h.logs)).toEqual([]);
  });

  it('retries a failed productSet with the same idempotency key and still leaves one product', async () => {
    const connector = h.connector();
    h.sim.setFaults({ failNth: [{ n: 2, status: 502 }] });
    const id = await connector.create('product', lamp, key);
    expect(h.sim.counters.get('productSet')).toBe(2);
    expect(h.sim.stats().faults).toBe(1);
    expect(h.sim.listProducts().map((p) => p.id)).toEqual([id]);
  });

  it('adopts the one existing product with the same SKU', async () => {
    const [existing] = h.sim.seedProducts([{ title: 'Old title', sku: 'NS-LAMP', price: '5.00', handle: 'desk-lamp' }]);
    const variantId = existing?.variants[0]?.id;
    const id = await h.connector().create('product', lamp, key);
    expect(id).toBe(existing?.id);
    const after = h.sim.getProduct(id);
    expect(after).toMatchObject({ title: 'Desk Lamp', handle: 'desk-lamp', productType: 'Home' });
    expect(after?.variants).toEqual([expect.objectContaining({ id: variantId, sku: 'NS-LAMP', price: '19.90' })]);
    expect(h.sim.listProducts()).toHaveLength(1);
  });

  it('fails clearly when several products have the SKU, and writes nothing', async () => {
    h.sim.seedProducts([{ title: 'A', sku: 'NS-LAMP' }, { title: 'B', sku: 'NS-LAMP' }]);
    h.sim.resetCounters();
    await expect(h.connector().create('product', lamp, key)).rejects.toMatchObject({
      kind: 'permanent', message: expect.stringMatching(/several Shopify products have SKU NS-LAMP/),
    });
    expect(h.sim.counters.get('productSet')).toBe(0);
    expect(h.sim.listProducts()).toHaveLength(2);
  });

  it('finds products by natural key: derived handle or SKU', async () => {
    const connector = h.connector();
    const ours = await connector.create('product', lamp, key);
    const [other] = h.sim.seedProducts([{ title: 'Twin', sku: 'NS-LAMP' }]);
    expect((await connector.findByKey('product', lamp, key)).sort()).toEqual([ours, other?.id].sort());
    expect(await connector.findByKey('product', { ...lamp, sku: 'NOPE' }, { ...key, sourceId: '999', sku: 'NOPE' })).toEqual([]);
  });
});

describe('Shopify products: update', () => {
  it('changes the variant by id and the product fields, never replacing the variant', async () => {
    const [p] = h.sim.seedProducts([{ title: 'Lamp', sku: 'L-1', price: '1.00', status: 'active', productType: 'Home', quantity: 7 }]);
    const variant = p?.variants[0];
    await h.connector().update('product', p?.id ?? '', { kind: 'product', sku: 'L-2', title: 'Lamp v2', price: '2.5', status: 'archived', category: null });
    const after = h.sim.getProduct(p?.id ?? '');
    expect(after).toMatchObject({ title: 'Lamp v2', status: 'ARCHIVED', productType: '' });
    expect(after?.variants).toEqual([expect.objectContaining({ id: variant?.id, inventoryItemId: variant?.inventoryItemId, sku: 'L-2', price: '2.50' })]);
    expect(h.sim.counters.get('productSet')).toBe(0);
    expect(costMismatches(h.logs)).toEqual([]);
  });

  it('answers not_found when the target is gone', async () => {
    await expect(h.connector().update('product', 'gid://shopify/Product/424242', lamp)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('refuses to update a product with several variants', async () => {
    const [p] = h.sim.seedProducts([{ title: 'Shirt', variants: [{ sku: 'S' }, { sku: 'M' }] }]);
    await expect(h.connector().update('product', p?.id ?? '', lamp)).rejects.toMatchObject({ kind: 'permanent', message: expect.stringMatching(/several variants/) });
  });
});

describe('Shopify products: mapping round trip', () => {
  it('reads back what it wrote, field for field', async () => {
    const connector = h.connector();
    for (const product of [lamp, { ...lamp, sku: 'X-2', status: 'draft' as const, category: null, price: '0.5' }]) {
      const id = await connector.create('product', product, { ...key, sourceId: product.sku, sku: product.sku });
      const read = (await connector.readMany('product', [id])).get(id);
      expect(read?.data).toEqual({ ...product, price: product.price === '0.5' ? '0.50' : '19.90' });
    }
  });
});
