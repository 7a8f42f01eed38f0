import { describe, expect, it } from 'vitest';
import { canonicalId, checkMetadata } from './sync-list.validation.js';

describe('canonicalId', () => {
  it.each([
    ['shopify', 'product', 'gid://shopify/Product/123', 'gid://shopify/Product/123'],
    ['shopify', 'product', '123', 'gid://shopify/Product/123'],
    ['shopify', 'product', ' 0123 ', 'gid://shopify/Product/123'],
    ['shopify', 'product', 'GID://shopify/product/123', 'gid://shopify/Product/123'],
    ['shopify', 'inventory', '77', 'gid://shopify/Product/77'],
    ['shopify', 'inventory', 'gid://shopify/Product/77', 'gid://shopify/Product/77'],
    ['shopify', 'order', '5', 'gid://shopify/Order/5'],
    ['shopify', 'order', 'gid://shopify/Order/5', 'gid://shopify/Order/5'],
    ['netsuite', 'product', '123', '123'],
    ['netsuite', 'product', '000123', '123'],
    ['netsuite', 'order', ' 42 ', '42'],
  ] as const)('%s %s %j is %j', (platform, type, raw, expected) => {
    expect(canonicalId(platform, type, raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['shopify', 'product', 'gid://shopify/Order/123'],
    ['shopify', 'order', 'gid://shopify/Product/123'],
    ['shopify', 'product', 'gid://shopify/ProductVariant/123'],
    ['shopify', 'product', 'gid://shopify/Product/abc'],
    ['shopify', 'product', 'gid://shopify/Product/123?x=1'],
    ['shopify', 'product', 'my-handle'],
    ['shopify', 'product', '0'],
    ['netsuite', 'product', 'gid://shopify/Product/123'],
    ['netsuite', 'product', '12a'],
    ['netsuite', 'product', '-5'],
    ['netsuite', 'product', '1.5'],
    ['netsuite', 'product', '000'],
    ['netsuite', 'product', ''],
    ['netsuite', 'product', '   '],
    ['netsuite', 'product', '1'.repeat(256)],
  ] as const)('refuses %s %s %j', (platform, type, raw) => {
    expect(canonicalId(platform, type, raw).ok).toBe(false);
  });

  it('names the bound for an over-long id', () => {
    expect(canonicalId('shopify', 'product', 'x'.repeat(256))).toEqual({ ok: false, message: 'must be at most 255 characters' });
  });
});

describe('checkMetadata', () => {
  it('keeps an object with name, sku and price (and other keys)', () => {
    const value = { name: 'Widget', sku: 'W-1', price: 10.5, extra: { nested: [1, 2] } };
    expect(checkMetadata(value)).toEqual({ ok: true, value });
    expect(checkMetadata({ price: '12.50' }).ok).toBe(true);
  });

  it('treats a missing value as an empty object', () => {
    expect(checkMetadata(undefined)).toEqual({ ok: true, value: {} });
    expect(checkMetadata(null)).toEqual({ ok: true, value: {} });
  });

  it.each([
    [[1, 2], []],
    ['text', []],
    [42, []],
    [{ blob: 'x'.repeat(16 * 1024) }, []],
    [{ price: -1 }, ['price']],
    [{ price: 'ten' }, ['price']],
    [{ name: 7 }, ['name']],
    [{ sku: 's'.repeat(256) }, ['sku']],
  ])('refuses %j on path %j', (value, path) => {
    const checked = checkMetadata(value);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.issue.path).toEqual(path);
  });

  it('refuses nesting deeper than 16 levels without overflowing the stack', () => {
    const nest = (depth: number): Record<string, unknown> => {
      let v: Record<string, unknown> = {};
      for (let i = 1; i < depth; i++) v = { v };
      return v;
    };
    expect(checkMetadata(nest(16)).ok).toBe(true);
    expect(checkMetadata(nest(17)).ok).toBe(false);
    expect(checkMetadata(nest(200_000)).ok).toBe(false);
  });

  it('measures the 16 KB bound in UTF-8 bytes', () => {
    expect(checkMetadata({ n: 'é'.repeat(8 * 1024) }).ok).toBe(false);
    expect(checkMetadata({ n: 'e'.repeat(16 * 1024 - 20) }).ok).toBe(true);
  });
});
