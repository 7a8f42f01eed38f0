import { describe, expect, it } from 'vitest';
import { MappingError } from './money.js';
import { statusFromShopify, statusToShopify } from './status.js';

describe('status mapping', () => {
  it('maps ACTIVE/DRAFT/ARCHIVED both ways', () => {
    for (const [shopify, canonical] of [['ACTIVE', 'active'], ['DRAFT', 'draft'], ['ARCHIVED', 'archived']] as const) {
      expect(statusFromShopify(shopify)).toBe(canonical);
      expect(statusToShopify(canonical)).toBe(shopify);
    }
    expect(() => statusFromShopify('UNLISTED')).toThrow(MappingError);
  });
});
