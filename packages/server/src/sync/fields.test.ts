import { describe, expect, it } from 'vitest';
import { changedFields, contentHash, mappedFields, money } from './fields.js';

describe('mapped fields and hashing', () => {
  it('normalises money to two places without floats', () => {
    expect(money('10')).toBe('10.00');
    expect(money('10.5')).toBe('10.50');
    expect(money('0.105')).toBe('0.11');
    expect(money(19.99)).toBe('19.99');
    expect(money('1234567890123.45')).toBe('1234567890123.45');
    expect(money('')).toBe('');
  });

  it('hashes equal content equally whatever the spelling of the price', () => {
    const a = mappedFields({ kind: 'product', sku: 'A', title: 'T', price: '10', status: 'active', category: null });
    const b = mappedFields({ kind: 'product', sku: 'A ', title: 'T', price: '10.00', status: 'active', category: '' });
    expect(contentHash(a)).toBe(contentHash(b));
  });

  it('names the fields that changed', () => {
    const before = mappedFields({ kind: 'product', sku: 'A', title: 'T', price: '10.00', status: 'active', category: 'X' });
    const after = mappedFields({ kind: 'product', sku: 'A', title: 'T2', price: '11.00', status: 'active', category: 'X' });
    expect(changedFields(before, after)).toEqual(['price', 'title']);
    expect(changedFields(null, after)).toEqual(['category', 'price', 'sku', 'status', 'title']);
  });

  it('ignores line order in orders', () => {
    const base = { kind: 'order' as const, orderNumber: '#1', email: 'a@b.c', firstName: 'A', lastName: 'B', currency: 'USD', shipping: '5', placedAt: new Date() };
    const x = mappedFields({ ...base, lines: [{ sku: 'A', quantity: 1, price: '1' }, { sku: 'B', quantity: 2, price: '2' }] });
    const y = mappedFields({ ...base, lines: [{ sku: 'B', quantity: 2, price: '2.00' }, { sku: 'A', quantity: 1, price: '1.0' }] });
    expect(contentHash(x)).toBe(contentHash(y));
  });
});
