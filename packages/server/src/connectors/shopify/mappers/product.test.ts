import { describe, expect, it } from 'vitest';
import type { CanonicalProduct } from '../../types.js';
import { inventoryNode, productNode } from '../fixtures/shopify-nodes.js';
import { handleFor, inventoryFromShopify, productFromShopify, productSetInput, productUpdateInput, variantUpdateInput } from './product.js';

describe('product mapping', () => {
  it('maps a Shopify product and its one variant to the canonical product', () => {
    expect(productFromShopify(productNode())).toEqual({
      id: 'gid://shopify/Product/101',
      updatedAt: new Date('2030-01-02T03:04:05Z'),
      data: { kind: 'product', sku: 'LAMP-1', title: 'Desk Lamp', price: '19.90', status: 'active', category: 'Home' },
    });
    expect(productFromShopify(productNode({ productType: '', status: 'ARCHIVED' })).data).toMatchObject({ category: null, status: 'archived' });
  });

  it('refuses several variants, no variant or no SKU with a clear reason instead of flattening', () => {
    const two = productNode({ variants: { nodes: [{ id: 'v1', sku: 'A', price: '1' }, { id: 'v2', sku: 'B', price: '2' }] } });
    expect(productFromShopify(two).unsyncable).toBe('Shopify product gid://shopify/Product/101 has several variants; Synclane syncs single-variant products only and will not flatten them');
    expect(productFromShopify(productNode({ variants: { nodes: [] } })).unsyncable).toMatch(/has no variant/);
    expect(productFromShopify(productNode({ variants: { nodes: [{ id: 'v', sku: null, price: '1' }] } })).unsyncable).toMatch(/no SKU/);
  });

  it('reports an unreadable field on the record instead of throwing', () => {
    const record = productFromShopify(productNode({ status: 'UNLISTED', variants: { nodes: [{ id: 'v', sku: 'A', price: 'n/a' }] } }));
    expect(record.unsyncable).toMatch(/not a decimal amount.*unknown Shopify product status: UNLISTED/);
  });

  it('maps canonical products to productSet, productUpdate and variant inputs', () => {
    const product: CanonicalProduct = { kind: 'product', sku: 'LAMP-1', title: 'Desk Lamp', price: '19.9', status: 'draft', category: null };
    expect(productSetInput(product)).toEqual({
      title: 'Desk Lamp', status: 'DRAFT', productType: '',
      productOptions: [{ name: 'Title', values: [{ name: 'Default Title' }] }],
      variants: [{ optionValues: [{ optionName: 'Title', name: 'Default Title' }], price: '19.90', inventoryItem: { sku: 'LAMP-1', tracked: true } }],
    });
    expect(productUpdateInput('gid://shopify/Product/1', product)).toEqual({ id: 'gid://shopify/Product/1', title: 'Desk Lamp', status: 'DRAFT', productType: '' });
    expect(variantUpdateInput('gid://shopify/ProductVariant/2', product)).toEqual({ id: 'gid://shopify/ProductVariant/2', price: '19.90', inventoryItem: { sku: 'LAMP-1' } });
  });

  it('round-trips: canonical → Shopify input → Shopify node → canonical', () => {
    const product: CanonicalProduct = { kind: 'product', sku: 'X', title: 'T', price: '3.00', status: 'archived', category: 'Toys' };
    const input = productSetInput(product) as { title: string; status: string; productType: string; variants: Array<{ price: string; inventoryItem: { sku: string } }> };
    const node = productNode({
      title: input.title, status: input.status, productType: input.productType,
      variants: { nodes: [{ id: 'v', sku: input.variants[0]?.inventoryItem.sku ?? null, price: input.variants[0]?.price ?? '' }] },
    });
    expect(productFromShopify(node).data).toEqual(product);
  });

  it('derives a stable handle from the source id', () => {
    expect(handleFor({ syncListId: 'x', sourceId: '1234' })).toBe('synclane-1234');
    expect(handleFor({ syncListId: 'y', sourceId: 'Item #5/B' })).toBe('synclane-item-5-b');
  });
});

describe('inventory mapping', () => {
  it('reads the available quantity at the queried location, 0 when the item is not stocked there', () => {
    expect(inventoryFromShopify(inventoryNode(7)).data).toEqual({ kind: 'inventory', sku: 'LAMP-1', quantity: 7 });
    expect(inventoryFromShopify(inventoryNode(null)).data.quantity).toBe(0);
  });
});
