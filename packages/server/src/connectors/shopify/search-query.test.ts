import { describe, expect, it } from 'vitest';
import { quoteSearch, searchFor } from './search-query.js';

describe('FilterConfig to Shopify search syntax', () => {
  it('translates every product filter field', () => {
    expect(searchFor('product', {
      status: ['active', 'draft'], priceMin: 10, priceMax: 20.5, category: 'Garden Tools', updatedAfter: '2030-01-01T01:00:00.750+01:00', search: 'lamp',
    })).toBe("status:active,draft price:>=10 price:<=20.5 product_type:'Garden Tools' updated_at:>'2030-01-01T00:00:00Z' 'lamp'");
    expect(searchFor('product', {})).toBeUndefined();
  });

  it('escapes quotes so input cannot add search terms', () => {
    expect(quoteSearch("O'Brien' OR status:draft")).toBe("'O\\'Brien\\' OR status:draft'");
  });

  it('refuses product-only filters for orders instead of dropping them', () => {
    expect(searchFor('order', { updatedAfter: '2030-01-01T00:00:00Z' })).toBe("updated_at:>'2030-01-01T00:00:00Z'");
    expect(() => searchFor('order', { status: ['active'] })).toThrow(/does not apply/);
    expect(() => searchFor('product', { updatedAfter: 'yesterday' })).toThrow(/not a timestamp/);
  });
});
