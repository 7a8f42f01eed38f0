import { describe, expect, it } from 'vitest';
import type { CanonicalOrder } from '../../types.js';
import { customerBody, customerExternalId, salesOrderBody, synclaneExternalId } from './order.js';

const order: CanonicalOrder = {
  kind: 'order',
  orderNumber: '#1001',
  email: 'Ada.Lovelace@Example.com',
  firstName: 'Ada',
  lastName: 'Lovelace',
  currency: 'USD',
  lines: [
    { sku: 'SKU-1', quantity: 2, price: '10.5' },
    { sku: 'SKU-2', quantity: 1, price: '.99' },
  ],
  shipping: '4.95',
  placedAt: new Date('2026-11-25T03:30:00Z'),
};
const refs = { customerId: '77', itemIdsBySku: new Map([['SKU-1', '11'], ['SKU-2', '12']]), shippingItemId: '900', timeZone: 'America/New_York' };

describe('order mapping', () => {
  it('builds a sales order with lines matched by SKU and shipping as a line of the shipping item', () => {
    expect(salesOrderBody(order, refs)).toEqual({
      entity: { id: '77' },
      tranDate: '2026-11-24',
      otherRefNum: '#1001',
      memo: 'Synclane order #1001',
      item: {
        items: [
          { item: { id: '11' }, quantity: 2, rate: 10.5 },
          { item: { id: '12' }, quantity: 1, rate: 0.99 },
          { item: { id: '900' }, quantity: 1, rate: 4.95, description: 'Shipping' },
        ],
      },
    });
  });

  it('fails the order permanently on an unknown SKU, naming it', () => {
    const bad = { ...order, lines: [...order.lines, { sku: 'NOPE', quantity: 1, price: '1' }] };
    expect(() => salesOrderBody(bad, refs)).toThrow(expect.objectContaining({ kind: 'permanent', message: expect.stringContaining('NOPE') }));
  });

  it('needs a shipping item only when there is shipping to charge', () => {
    expect(() => salesOrderBody(order, { ...refs, shippingItemId: null })).toThrow(/shippingItemId/);
    expect(salesOrderBody({ ...order, shipping: '0.00' }, { ...refs, shippingItemId: null }).item.items).toHaveLength(2);
  });

  it('derives deterministic external ids and a customer body', () => {
    expect(synclaneExternalId('3f2a-9')).toBe('synclane-3f2a-9');
    expect(() => synclaneExternalId('a b')).toThrow();
    expect(customerExternalId(' ada.lovelace@example.com')).toBe(customerExternalId('Ada.Lovelace@Example.com'));
    expect(customerExternalId('x@y.z')).toMatch(/^synclane-cust-[0-9a-f]{32}$/);
    expect(customerBody(order)).toEqual({ email: 'Ada.Lovelace@Example.com', firstName: 'Ada', lastName: 'Lovelace', isPerson: true });
    expect(() => customerBody({ ...order, email: null })).toThrow(/no e-mail/);
  });
});
