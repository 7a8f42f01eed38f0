import { describe, expect, it } from 'vitest';
import type { CanonicalProduct } from '../../types.js';
import { productFromRow, productToItemBody, statusFromInactive } from './product.js';

const row = { id: '42', itemid: 'SKU-1', displayname: 'Lamp', baseprice: '.5', isinactive: 'F', classname: 'Home', modified: '2026-11-24 23:30:00' };

describe('product mapping', () => {
  it('reads a SuiteQL row: Oracle money, T/F flag, account-zone time as a UTC instant', () => {
    expect(productFromRow(row, 'America/Los_Angeles')).toEqual({
      id: '42',
      updatedAt: new Date('2026-11-25T07:30:00Z'),
      data: { kind: 'product', sku: 'SKU-1', title: 'Lamp', price: '0.50', status: 'active', category: 'Home' },
    });
  });

  it('fills absent (null) columns', () => {
    const bare = productFromRow({ id: '1', itemid: 'X', isinactive: 'T', modified: '2026-01-01 00:00:00' }, 'UTC');
    expect(bare.data).toEqual({ kind: 'product', sku: 'X', title: 'X', price: '0.00', status: 'archived', category: null });
  });

  it('maps status both ways: draft and archived become inactive, inactive comes back archived', () => {
    const product: CanonicalProduct = { kind: 'product', sku: 'S', title: 'T', price: '10.5', status: 'draft', category: 'Toys' };
    expect(productToItemBody(product, '7')).toEqual({ itemId: 'S', displayName: 'T', basePrice: 10.5, isInactive: true, class: { id: '7' } });
    expect(productToItemBody({ ...product, status: 'active', category: null }, null)).toMatchObject({ isInactive: false, class: null });
    expect(statusFromInactive('T')).toBe('archived');
  });

  it('round-trips an active product through NetSuite fields', () => {
    const product: CanonicalProduct = { kind: 'product', sku: 'RT-1', title: 'Round Trip', price: '19.90', status: 'active', category: 'Home' };
    const body = productToItemBody(product, '3');
    const back = productFromRow({ id: '9', itemid: body.itemId, displayname: body.displayName, baseprice: String(body.basePrice), isinactive: body.isInactive ? 'T' : 'F', classname: 'Home', modified: '2026-01-01 00:00:00' }, 'UTC');
    expect(back.data).toEqual(product);
  });
});
