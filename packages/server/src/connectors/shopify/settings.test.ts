import { describe, expect, it } from 'vitest';
import { DEFAULT_SHOPIFY_API_VERSION, resolveShopifySettings } from './settings.js';

describe('resolveShopifySettings', () => {
  it('builds the Admin GraphQL endpoint from the shop domain with the pinned version', () => {
    expect(resolveShopifySettings({ shopDomain: 'https://Acme.myshopify.com/' })).toEqual({
      endpoint: `https://acme.myshopify.com/admin/api/${DEFAULT_SHOPIFY_API_VERSION}/graphql.json`,
      apiVersion: '2026-07', shopKey: 'shopify:acme.myshopify.com', locationId: undefined,
    });
    expect(resolveShopifySettings({ shopDomain: 'acme' }).endpoint).toBe('https://acme.myshopify.com/admin/api/2026-07/graphql.json');
  });

  it('lets baseUrl override the shop domain while the limiter stays keyed by the shop', () => {
    const s = resolveShopifySettings({ shopDomain: 'acme.myshopify.com', baseUrl: 'http://127.0.0.1:4321/', apiVersion: '2026-04', locationId: '55' });
    expect(s).toEqual({
      endpoint: 'http://127.0.0.1:4321/admin/api/2026-04/graphql.json', apiVersion: '2026-04',
      shopKey: 'shopify:acme.myshopify.com', locationId: 'gid://shopify/Location/55',
    });
    expect(resolveShopifySettings({ baseUrl: 'http://127.0.0.1:4321' }).shopKey).toBe('shopify:127.0.0.1:4321');
  });

  it('refuses a bad version, a bad URL, a missing shop and a foreign location id', () => {
    expect(() => resolveShopifySettings({ shopDomain: 'a', apiVersion: 'latest' })).toThrow(/API version/);
    expect(() => resolveShopifySettings({ baseUrl: 'not a url' })).toThrow(/not a URL/);
    expect(() => resolveShopifySettings({})).toThrow(/shopDomain/);
    expect(() => resolveShopifySettings({ shopDomain: 'a', locationId: 'gid://shopify/Product/1' })).toThrow(/Location id/);
  });
});
