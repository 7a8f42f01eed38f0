import { describe, expect, it } from 'vitest';
import { compareGids, toGid } from './ids.js';

describe('Shopify ids', () => {
  it('normalises bare numbers to GIDs and refuses other spellings', () => {
    expect(toGid('Product', '123')).toBe('gid://shopify/Product/123');
    expect(toGid('Product', 'gid://shopify/Product/123')).toBe('gid://shopify/Product/123');
    expect(() => toGid('Product', 'gid://shopify/Order/123')).toThrow(/not a Shopify Product id/);
    expect(() => toGid('Product', 'abc')).toThrow();
  });

  it('orders GIDs by number, not by text', () => {
    expect(compareGids('gid://shopify/Product/99', 'gid://shopify/Product/100')).toBeLessThan(0);
    expect(compareGids('gid://shopify/Product/100', 'gid://shopify/Product/100')).toBe(0);
    expect(compareGids('gid://shopify/Product/101', 'gid://shopify/Product/100')).toBeGreaterThan(0);
  });
});
