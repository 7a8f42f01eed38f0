import { describe, expect, it } from 'vitest';
import { buildAddToSyncListItems } from './syncListInput';
import { summarizeFilter, toFilterInput } from './filterConfig';

describe('summarizeFilter', () => {
  it('reads a pattern’s filters as one line', () => {
    expect(summarizeFilter({ status: ['active'], priceMin: 10, priceMax: 1000, category: 'Electronics', search: 'usb' })).toBe(
      'status: active · price 10–1000 · category: Electronics · “usb”',
    );
  });

  it('says "All products" when nothing filters', () => {
    expect(summarizeFilter({ status: [], priceMin: null, category: '  ' })).toBe('All products');
    expect(summarizeFilter(null)).toBe('All products');
  });

  it('handles one-sided price ranges', () => {
    expect(summarizeFilter({ priceMin: 5 })).toBe('price ≥ 5');
    expect(summarizeFilter({ priceMax: 50 })).toBe('price ≤ 50');
  });
});

describe('toFilterInput', () => {
  it('drops nulls, blanks and __typename from the API’s filter', () => {
    const api = { __typename: 'FilterConfig', status: ['active'], priceMin: 0, priceMax: null, category: null, updatedAfter: null, search: '' };
    expect(toFilterInput(api)).toEqual({ status: ['active'], priceMin: 0 });
  });
});

describe('buildAddToSyncListItems', () => {
  it('adds products in delta mode with the filter and the seed’s metadata', () => {
    const items = buildAddToSyncListItems(
      [{ sourceId: '42', name: 'Lamp', sku: 'L-1', price: 12.5, status: 'active', category: null, updatedAt: null, inSyncList: false }],
      { sourcePlatform: 'NETSUITE', sourceConnectionId: 'c1', targetConnectionId: 'c2', filter: { status: ['active'] } },
    );
    expect(items).toEqual([
      {
        itemType: 'PRODUCT',
        sourcePlatform: 'NETSUITE',
        targetPlatform: 'SHOPIFY',
        sourceConnectionId: 'c1',
        targetConnectionId: 'c2',
        sourceId: '42',
        syncMode: 'DELTA',
        isActive: true,
        filterConfig: { status: ['active'] },
        metadata: { name: 'Lamp', sku: 'L-1', price: 12.5 },
      },
    ]);
  });

  it('leaves out an empty filter and an unchosen target', () => {
    const [item] = buildAddToSyncListItems(
      [{ sourceId: 'gid://shopify/Product/1', name: 'Mug', sku: null, price: null, status: null, category: null, updatedAt: null, inSyncList: false }],
      { sourcePlatform: 'SHOPIFY', sourceConnectionId: 'c9', targetConnectionId: null, filter: {} },
    );
    expect(item).not.toHaveProperty('filterConfig');
    expect(item).not.toHaveProperty('targetConnectionId');
    expect(item.targetPlatform).toBe('NETSUITE');
  });
});
