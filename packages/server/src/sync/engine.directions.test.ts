import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItems, startTestStack, type TestStack } from '../../test/stack.js';
import { listItems, product, runSync } from '../../test/sync-helpers.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ netsuiteProducts: 8 });
});
afterAll(() => stack?.stop());

describe('every direction the connectors support', () => {
  it('products Shopify → NetSuite (idempotent PUT eid:)', async () => {
    const [p] = stack.shopify.seedProducts([{ sku: 'SHOP-1', title: 'Shop product', price: '19.90', status: 'active', productType: 'Toys' }]);
    const [id] = await addItems(stack, stack.user, [product('SHOPIFY', p!.id)]);
    const r = await runSync(stack, stack.user, { syncListIds: [id!] });
    expect(r).toMatchObject({ status: 'COMPLETED', itemsCreated: 1 });
    const item = stack.netsuite.listItems().find((i) => i.itemId === 'SHOP-1');
    expect(item).toMatchObject({ displayName: 'Shop product', basePrice: 19.9, externalId: `synclane-${id}` });
    stack.shopify.changeProduct(p!.id, { title: 'Shop product v2' });
    const u = await runSync(stack, stack.user, { syncListIds: [id!] });
    expect(u).toMatchObject({ itemsUpdated: 1 });
    expect(stack.netsuite.listItems().filter((i) => i.itemId === 'SHOP-1')).toHaveLength(1);
    expect((await listItems(stack, stack.user)).get(id!)!.lastResult).toMatchObject({ changedFields: ['title'] });
  });

  it('inventory NetSuite → Shopify, compared by value', async () => {
    // The product first, so Shopify has the SKU whose inventory we set.
    const [prod] = await addItems(stack, stack.user, [product('NETSUITE', '4')]);
    expect(await runSync(stack, stack.user, { syncListIds: [prod!] })).toMatchObject({ itemsCreated: 1 });
    const [inv] = await addItems(stack, stack.user, [{ itemType: 'INVENTORY', sourcePlatform: 'NETSUITE', targetPlatform: 'SHOPIFY', sourceId: '4' }]);
    const first = await runSync(stack, stack.user, { syncListIds: [inv!] });
    expect(first).toMatchObject({ itemsFailed: 0, status: 'COMPLETED' });
    stack.netsuite.changeItem('4', { quantities: { '1': 4242 } });
    const second = await runSync(stack, stack.user, { syncListIds: [inv!] });
    expect(second).toMatchObject({ itemsUpdated: 1 });
    const sku = stack.netsuite.getItem('4')!.itemId;
    expect(JSON.stringify(stack.shopify.getProduct(sku))).toContain('4242');
    const again = await runSync(stack, stack.user, { syncListIds: [inv!] });
    expect(again).toMatchObject({ itemsSkipped: 1 });
  });

  it('orders Shopify → NetSuite, lines matched by SKU, customer found or created', async () => {
    const sku = stack.netsuite.getItem('5')!.itemId;
    const [order] = stack.shopify.seedOrders([{ name: '#5001', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', lines: [{ sku, quantity: 2, price: '10.00' }], shipping: '4.99' }]);
    const [id] = await addItems(stack, stack.user, [{ itemType: 'ORDER', sourcePlatform: 'SHOPIFY', targetPlatform: 'NETSUITE', sourceId: order!.id }]);
    const r = await runSync(stack, stack.user, { syncListIds: [id!] });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ itemsCreated: 1 });
    expect(stack.netsuite.listSalesOrders()).toHaveLength(1);
    expect(stack.netsuite.listCustomers().filter((c) => JSON.stringify(c).includes('ada@example.com'))).toHaveLength(1);
    // Sent again (full), the same order and customer: no duplicate.
    expect(await runSync(stack, stack.user, { syncListIds: [id!], force: true })).toMatchObject({ itemsFailed: 0 });
    expect(stack.netsuite.listSalesOrders()).toHaveLength(1);
  });

  it('fails an order with an unknown SKU, with that reason', async () => {
    const [order] = stack.shopify.seedOrders([{ name: '#5002', email: 'x@example.com', lines: [{ sku: 'NO-SUCH-SKU', quantity: 1, price: '1.00' }] }]);
    const [id] = await addItems(stack, stack.user, [{ itemType: 'ORDER', sourcePlatform: 'SHOPIFY', targetPlatform: 'NETSUITE', sourceId: order!.id }]);
    const r = await runSync(stack, stack.user, { syncListIds: [id!] });
    expect(r).toMatchObject({ itemsFailed: 1, status: 'FAILED' });
    expect(r.errors[0]!.error).toContain('NO-SUCH-SKU');
  });

  it('refuses a Shopify product with several variants rather than flattening it', async () => {
    const [p] = stack.shopify.seedProducts([{ title: 'Multi', variants: [{ sku: 'M-1', price: '1.00' }, { sku: 'M-2', price: '2.00' }] }]);
    const [id] = await addItems(stack, stack.user, [product('SHOPIFY', p!.id)]);
    const r = await runSync(stack, stack.user, { syncListIds: [id!] });
    expect(r).toMatchObject({ itemsFailed: 1 });
    expect(r.errors[0]!.error).toMatch(/variant/i);
  });
});
