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

const PRODUCT_SET = `mutation($identifier: ProductSetIdentifiers, $input: ProductSetInput!) {
  productSet(identifier: $identifier, input: $input) {
    product { id handle title variants(first: 5) { nodes { id sku price } } }
    userErrors { field message code }
  }
}`;

const oneVariant = (sku: string, price: string) => ({
  productOptions: [{ name: 'Title', values: [{ name: 'Default Title' }] }],
  variants: [{ optionValues: [{ optionName: 'Title', name: 'Default Title' }], price, inventoryItem: { sku } }],
});

type Payload = { product: { id: string; handle: string; variants: { nodes: Array<{ id: string; sku: string; price: string }> } } | null; userErrors: Array<{ code: string; message: string }> };

function payload(answer: Awaited<ReturnType<typeof postGraphql>>, field: string): Payload {
  return (answer.body.data as Record<string, Payload>)[field] as Payload;
}

describe('Shopify simulator: productSet', () => {
  it('upserts by handle: the same call twice leaves one product', async () => {
    const input = { title: 'Lamp', ...oneVariant('L-1', '9.5') };
    const first = payload(await postGraphql(sim, PRODUCT_SET, { identifier: { handle: 'synclane-ns-1' }, input }), 'productSet');
    const second = payload(await postGraphql(sim, PRODUCT_SET, { identifier: { handle: 'synclane-ns-1' }, input }), 'productSet');
    expect(first.userErrors).toEqual([]);
    expect(second.product?.id).toBe(first.product?.id);
    expect(first.product?.handle).toBe('synclane-ns-1');
    expect(second.product?.variants.nodes).toEqual([expect.objectContaining({ sku: 'L-1', price: '9.50' })]);
    // matched by option values, so the variant (and its inventory item) survives
    expect(second.product?.variants.nodes[0]?.id).toBe(first.product?.variants.nodes[0]?.id);
    expect(sim.listProducts()).toHaveLength(1);
  });

  it('replaces variants wholesale, deleting the ones left out', async () => {
    const [p] = sim.seedProducts([{ title: 'Shirt', handle: 'shirt', variants: [{ sku: 'S', option: 'Small' }, { sku: 'M', option: 'Medium' }] }]);
    const input = { productOptions: [{ name: 'Option', values: [{ name: 'Small' }] }], variants: [{ optionValues: [{ optionName: 'Option', name: 'Small' }], price: '3.00' }] };
    const result = payload(await postGraphql(sim, PRODUCT_SET, { identifier: { handle: 'shirt' }, input }), 'productSet');
    expect(result.product?.id).toBe(p?.id);
    expect(result.product?.variants.nodes.map((v) => v.sku)).toEqual(['S']);
  });

  it('only updates by id: an unknown id is a userError on HTTP 200', async () => {
    const answer = await postGraphql(sim, PRODUCT_SET, { identifier: { id: 'gid://shopify/Product/424242' }, input: { title: 'x' } });
    expect(answer.status).toBe(200);
    expect(payload(answer, 'productSet').userErrors).toEqual([expect.objectContaining({ code: 'PRODUCT_DOES_NOT_EXIST' })]);
  });

  it('upserts by customId', async () => {
    const identifier = { customId: { namespace: 'synclane', key: 'source_id', value: 'ns-7' } };
    const a = payload(await postGraphql(sim, PRODUCT_SET, { identifier, input: { title: 'A', ...oneVariant('A', '1') } }), 'productSet');
    const b = payload(await postGraphql(sim, PRODUCT_SET, { identifier, input: { title: 'B', ...oneVariant('A', '2') } }), 'productSet');
    expect(b.product?.id).toBe(a.product?.id);
    expect(sim.listProducts()).toHaveLength(1);
  });
});

describe('Shopify simulator: other mutations', () => {
  it('productUpdate takes product: and answers userErrors for an unknown id', async () => {
    const [p] = sim.seedProducts([{ title: 'Old', sku: 'X' }]);
    const update = 'mutation($product: ProductUpdateInput!) { productUpdate(product: $product) { product { title status } userErrors { code } } }';
    const ok = await postGraphql(sim, update, { product: { id: p?.id, title: 'New', status: 'DRAFT' } });
    expect(ok.body.data).toEqual({ productUpdate: { product: { title: 'New', status: 'DRAFT' }, userErrors: [] } });
    const missing = await postGraphql(sim, update, { product: { id: 'gid://shopify/Product/1', title: 'x' } });
    expect(missing.body.data).toEqual({ productUpdate: { product: null, userErrors: [{ code: 'PRODUCT_DOES_NOT_EXIST' }] } });
  });

  it('productVariantsBulkUpdate changes variants by id and moves updatedAt', async () => {
    const [p] = sim.seedProducts([{ title: 'Lamp', sku: 'L', price: '1.00', updatedAt: '2020-01-01T00:00:00Z' }]);
    const answer = await postGraphql(sim, `mutation($id: ID!, $variants: [ProductVariantsBulkInput!]!) {
      productVariantsBulkUpdate(productId: $id, variants: $variants) { productVariants { sku price } userErrors { code } } }`,
    { id: p?.id, variants: [{ id: p?.variants[0]?.id, price: '2.5', inventoryItem: { sku: 'L2' } }] });
    expect(answer.body.data).toEqual({ productVariantsBulkUpdate: { productVariants: [{ sku: 'L2', price: '2.50' }], userErrors: [] } });
    expect(sim.getProduct(p?.id ?? '')?.updatedAt).not.toBe('2020-01-01T00:00:00Z');
  });

  it('replays an @idempotent key: the same create twice makes one product', async () => {
    const create = 'mutation($p: ProductCreateInput!) { productCreate(product: $p) @idempotent(key: "k-1") { product { id } userErrors { code } } }';
    const a = await postGraphql(sim, create, { p: { title: 'Once' } });
    const b = await postGraphql(sim, create, { p: { title: 'Once' } });
    expect(b.body.data).toEqual(a.body.data);
    expect(sim.listProducts()).toHaveLength(1);
    const other = await postGraphql(sim, create, { p: { title: 'Different' } });
    expect(Array.isArray(other.body.errors) && other.body.errors[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_PARAMETER_MISMATCH');
  });

  it('inventorySetQuantities needs @idempotent and changeFromQuantity, and refuses a stale one', async () => {
    const [p] = sim.seedProducts([{ title: 'Lamp', sku: 'L', quantity: 5 }]);
    const item = p?.variants[0]?.inventoryItemId;
    const location = sim.locations()[0]?.id;
    const doc = (directive: string) => `mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) ${directive} {
      inventoryAdjustmentGroup { changes { name delta quantityAfterChange } } userErrors { code } } }`;
    const input = (q: Record<string, unknown>) => ({ input: { name: 'available', reason: 'correction', quantities: [{ inventoryItemId: item, locationId: location, quantity: 8, ...q }] } });

    const noKey = await postGraphql(sim, doc(''), input({ changeFromQuantity: 5 }));
    expect(Array.isArray(noKey.body.errors) && noKey.body.errors[0]?.message).toContain('@idempotent');
    const noChangeFrom = await postGraphql(sim, doc('@idempotent(key: "a")'), input({}));
    expect(Array.isArray(noChangeFrom.body.errors) && noChangeFrom.body.errors[0]?.message).toContain('changeFromQuantity');
    const stale = await postGraphql(sim, doc('@idempotent(key: "b")'), input({ changeFromQuantity: 4 }));
    expect(stale.body.data).toEqual({ inventorySetQuantities: { inventoryAdjustmentGroup: null, userErrors: [{ code: 'CHANGE_FROM_QUANTITY_STALE' }] } });
    const ok = await postGraphql(sim, doc('@idempotent(key: "c")'), input({ changeFromQuantity: 5 }));
    expect(ok.body.data).toEqual({ inventorySetQuantities: { inventoryAdjustmentGroup: { changes: [{ name: 'available', delta: 3, quantityAfterChange: 8 }] }, userErrors: [] } });
    const optOut = await postGraphql(sim, doc('@idempotent(key: "d")'), { input: { ...input({}).input, quantities: [{ inventoryItemId: item, locationId: location, quantity: 2, changeFromQuantity: null }] } });
    expect(JSON.stringify(optOut.body.data)).toContain('"quantityAfterChange":2');
    expect(sim.getProduct('L')?.variants[0]?.available[location ?? '']).toBe(2);
  });

  it('allows inventorySetQuantities without @idempotent on older versions', async () => {
    const [p] = sim.seedProducts([{ title: 'Lamp', sku: 'L', quantity: 5 }]);
    const answer = await postGraphql(sim, `mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { code } } }`,
      { input: { name: 'available', reason: 'correction', quantities: [{ inventoryItemId: p?.variants[0]?.inventoryItemId, locationId: sim.locations()[0]?.id, quantity: 1, compareQuantity: 5 }] } },
      { version: '2026-01' });
    expect(answer.body.data).toEqual({ inventorySetQuantities: { userErrors: [] } });
  });
});
