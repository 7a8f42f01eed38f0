import { describe, expect, it } from 'vitest';
import { orderNode } from '../fixtures/shopify-nodes.js';
import { orderFromShopify } from './order.js';

describe('order mapping', () => {
  it('maps lines, email, customer names, shipping and currency; timestamps become UTC instants', () => {
    expect(orderFromShopify(orderNode())).toEqual({
      id: 'gid://shopify/Order/501',
      updatedAt: new Date('2030-01-03T00:00:00Z'),
      data: {
        kind: 'order', orderNumber: '#1001', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', currency: 'EUR',
        lines: [{ sku: 'LAMP-1', quantity: 2, price: '19.90' }], shipping: '4.50', placedAt: new Date('2030-01-02T03:04:00Z'),
      },
    });
  });

  it('falls back to the shipping address for names, to createdAt for placedAt, and to null for no shipping', () => {
    const data = orderFromShopify(orderNode({
      customer: null, processedAt: null, email: null, totalShippingPriceSet: { shopMoney: { amount: '0.0' } },
    })).data;
    expect(data).toMatchObject({ firstName: 'A.', lastName: 'L.', email: null, shipping: null, placedAt: new Date('2030-01-02T03:04:05Z') });
  });

  it('reads offsets as instants', () => {
    expect(orderFromShopify(orderNode({ updatedAt: '2030-01-03T01:30:00+01:30' })).updatedAt.toISOString()).toBe('2030-01-03T00:00:00.000Z');
  });

  it('refuses an order with a line that has no SKU', () => {
    const node = orderNode({ lineItems: { nodes: [{ sku: null, quantity: 1, originalUnitPriceSet: { shopMoney: { amount: '1' } } }], pageInfo: { hasNextPage: false, endCursor: null } } });
    expect(orderFromShopify(node).unsyncable).toBe('Shopify order #1001 has a line item without a SKU (line 1)');
  });
});
