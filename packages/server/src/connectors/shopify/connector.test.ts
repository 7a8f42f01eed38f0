import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createShopifyConnector } from './connector.js';
import { startShopify, type ShopifyHarness } from './fixtures/simulator.js';

let h: ShopifyHarness;

beforeAll(async () => {
  h = await startShopify();
});
afterAll(() => h.stop());
beforeEach(() => h.sim.reset());

describe('createShopifyConnector', () => {
  it('tests the connection with the shop query', async () => {
    expect(await h.connector().test()).toEqual({ ok: true, message: 'Connected to Shopify shop Synclane Simulator (synclane-sim.myshopify.com)' });
    expect(h.sim.counters.get('shop')).toBe(1);
  });

  it('answers a failed test with the platform\'s reason, never the token', async () => {
    const result = await h.connector({ credentials: { accessToken: 'shpat_bad_token' } }).test();
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^Shopify refused the access token \(HTTP 401\): \[API\] Invalid API key or access token/);
    expect(result.message).not.toContain('shpat_bad_token');
  });

  it('reads the server time from Shopify\'s clock, not the local one', async () => {
    h.sim.clock.set(new Date('2031-02-03T04:05:06.789Z'));
    expect((await h.connector().serverTime()).toISOString()).toBe('2031-02-03T04:05:06.000Z');
  });

  it('refuses a connection without a shop or a token before any request', () => {
    expect(() => createShopifyConnector({ settings: {}, credentials: { accessToken: 'x' } })).toThrow(/needs a shopDomain/);
    expect(() => createShopifyConnector({ settings: { shopDomain: 'acme' }, credentials: { accessToken: '' } })).toThrow(/no access token/);
  });

  it('answers platform shopify', () => {
    expect(h.connector().platform).toBe('shopify');
  });
});
