import { describe, expect, it } from 'vitest';
import { platformBlock, validateNetSuite, validateShopify } from './connections.validation.js';
import { parseAllowedHosts } from './outbound.js';

const allowed = parseAllowedHosts(['*.myshopify.com', '*.suitetalk.api.netsuite.com', '127.0.0.1']);
const shopify = { shopDomain: 'shop.myshopify.com', accessToken: 'shpat_secret_value' };
const netsuite = { accountId: '1234567-sb1', consumerKey: 'ck-secret', consumerSecret: 'cs-secret', tokenId: 'ti-secret', tokenSecret: 'ts-secret' };
const path = ['input', 'x'];

describe('shopify block', () => {
  it('splits settings from credentials and normalises the location id', () => {
    const res = validateShopify({ ...shopify, apiVersion: '2026-07', locationId: '42', baseUrl: ' ' }, path, allowed);
    expect(res).toEqual({
      ok: true,
      value: {
        platform: 'shopify',
        settings: { shopDomain: 'shop.myshopify.com', apiVersion: '2026-07', locationId: 'gid://shopify/Location/42' },
        credentials: { accessToken: 'shpat_secret_value' },
      },
    });
  });

  it('reports every bad field at once, never quoting a credential', () => {
    const res = validateShopify({ shopDomain: '10.0.0.1', accessToken: 'shpat with space', apiVersion: '2026-05', locationId: 'warehouse' }, path, allowed);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors.map((e) => e.field!.join('.'))).toEqual(['input.x.shopDomain', 'input.x.accessToken', 'input.x.apiVersion', 'input.x.locationId']);
    expect(JSON.stringify(res.errors)).not.toContain('shpat with space');
  });

  it('refuses a token too long or empty', () => {
    for (const accessToken of ['x'.repeat(513), '   ']) {
      const res = validateShopify({ ...shopify, accessToken }, path, allowed);
      expect(res.ok ? [] : res.errors.map((e) => e.field)).toEqual([['input', 'x', 'accessToken']]);
    }
  });
});

describe('netsuite block', () => {
  it('keeps the account id (realm form) in settings and the four secrets in credentials', () => {
    const res = validateNetSuite({ ...netsuite, timeZone: 'america/new_york', locationId: '1', shippingItemId: '900' }, path, allowed);
    expect(res).toEqual({
      ok: true,
      value: {
        platform: 'netsuite',
        settings: { accountId: '1234567_SB1', locationId: '1', shippingItemId: '900', timeZone: 'America/New_York' },
        credentials: { consumerKey: 'ck-secret', consumerSecret: 'cs-secret', tokenId: 'ti-secret', tokenSecret: 'ts-secret' },
      },
    });
  });

  it.each(['Mars/Olympus_Mons', '+01:00', 'America/New York', 'x'.repeat(65)])('refuses the time zone %j', (timeZone) => {
    const res = validateNetSuite({ ...netsuite, timeZone }, path, allowed);
    expect(res.ok ? [] : res.errors.map((e) => e.field)).toEqual([['input', 'x', 'timeZone']]);
  });

  it('checks the host the account id names when no base URL overrides it', () => {
    const strict = parseAllowedHosts(['127.0.0.1']);
    const res = validateNetSuite(netsuite, path, strict);
    expect(res.ok ? [] : res.errors).toEqual([{ code: 'OUTBOUND_NOT_ALLOWED', field: ['input', 'x', 'accountId'], message: expect.any(String) }]);
    expect(validateNetSuite({ ...netsuite, baseUrl: 'http://127.0.0.1:4000' }, path, strict).ok).toBe(true);
  });

  it('refuses malformed account and internal ids', () => {
    const res = validateNetSuite({ ...netsuite, accountId: '../evil', locationId: 'main', shippingItemId: '1e3' }, path, allowed);
    expect(res.ok ? [] : res.errors.map((e) => e.field![2])).toEqual(['accountId', 'locationId', 'shippingItemId']);
  });
});

describe('platform block', () => {
  it('wants exactly one block on create and at most one on update', () => {
    expect(platformBlock({}, allowed, true)).toMatchObject({ ok: false, errors: [{ field: ['input'], code: 'INVALID' }] });
    expect(platformBlock({ shopify, netsuite }, allowed, false)).toMatchObject({ ok: false, errors: [{ field: ['input'], code: 'INVALID' }] });
    expect(platformBlock({ shopify: null, netsuite: null }, allowed, false)).toEqual({ ok: true, value: null });
  });
});
