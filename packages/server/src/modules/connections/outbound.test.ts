import { describe, expect, it } from 'vitest';
import { checkBaseUrl, checkShopDomain, matchAllowedHost, parseAllowedHosts } from './outbound.js';

const allowed = parseAllowedHosts(['*.myshopify.com', '*.suitetalk.api.netsuite.com', '127.0.0.1', 'localhost', 'proxy.example.com:8443', '[::1]:9000', 'not a host', '*.127.0.0.1']);

describe('allowed hosts', () => {
  it('parses wildcards, exact hosts, host:port and bracketed IPv6, dropping malformed entries', () => {
    expect(allowed).toEqual([
      { kind: 'suffix', host: 'myshopify.com', port: null },
      { kind: 'suffix', host: 'suitetalk.api.netsuite.com', port: null },
      { kind: 'exact', host: '127.0.0.1', port: null },
      { kind: 'exact', host: 'localhost', port: null },
      { kind: 'exact', host: 'proxy.example.com', port: 8443 },
      { kind: 'exact', host: '[::1]', port: 9000 },
    ]);
  });

  it('lets a wildcard match any subdomain but never the bare domain', () => {
    expect(matchAllowedHost(allowed, 'shop.myshopify.com', 443)).toBe('suffix');
    expect(matchAllowedHost(allowed, 'a.b.myshopify.com', 443)).toBe('suffix');
    expect(matchAllowedHost(allowed, 'myshopify.com', 443)).toBeNull();
    expect(matchAllowedHost(allowed, 'evilmyshopify.com', 443)).toBeNull();
    expect(matchAllowedHost(allowed, 'myshopify.com.evil.com', 443)).toBeNull();
  });

  it('holds a host:port entry to its port', () => {
    expect(matchAllowedHost(allowed, 'proxy.example.com', 8443)).toBe('exact');
    expect(matchAllowedHost(allowed, 'proxy.example.com', 443)).toBeNull();
    expect(matchAllowedHost(allowed, '[::1]', 9000)).toBe('exact');
    expect(matchAllowedHost(allowed, '[::1]', 9001)).toBeNull();
  });
});

describe('shop domain', () => {
  it('accepts and lower-cases an allowed host name', () => {
    expect(checkShopDomain(' My-Shop.MyShopify.com ', allowed, true)).toEqual({ ok: true, value: 'my-shop.myshopify.com' });
    expect(checkShopDomain('my-shop', allowed, true)).toEqual({ ok: true, value: 'my-shop.myshopify.com' });
  });

  it.each(['127.0.0.1', '::1', '[::1]', '2130706433', '0x7f.0.0.1', '1.2.3', 'shop.0x7f'])('refuses the IP literal %s', (domain) => {
    expect(checkShopDomain(domain, allowed, false)).toMatchObject({ ok: false, code: 'INVALID', message: expect.stringMatching(/IP address/) });
  });

  it.each(['https://shop.myshopify.com', 'shop.myshopify.com/admin', 'user@shop.myshopify.com', 'shop.myshopify.com:443', 'shop..myshopify.com', '-shop.myshopify.com', 'shop_1.myshopify.com', 'shöp.myshopify.com', 'shop .myshopify.com', ''])(
    'refuses %j as malformed',
    (domain) => {
      expect(checkShopDomain(domain, allowed, false)).toMatchObject({ ok: false, code: 'INVALID' });
    },
  );

  it('must itself be allowed when it is what gets fetched, and need not be otherwise', () => {
    expect(checkShopDomain('shop.example.com', allowed, true)).toMatchObject({ ok: false, code: 'OUTBOUND_NOT_ALLOWED' });
    expect(checkShopDomain('myshopify.com', allowed, true)).toMatchObject({ ok: false, code: 'OUTBOUND_NOT_ALLOWED' });
    expect(checkShopDomain('shop.example.com', allowed, false)).toEqual({ ok: true, value: 'shop.example.com' });
  });
});

describe('base URL', () => {
  it.each([
    ['https://Shop.MyShopify.com/', 'https://shop.myshopify.com'],
    ['https://shop.myshopify.com:443', 'https://shop.myshopify.com'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:4010/services/rest/', 'http://localhost:4010/services/rest'],
    ['https://proxy.example.com:8443/shopify', 'https://proxy.example.com:8443/shopify'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
  ])('accepts %s as %s', (raw, normalised) => {
    expect(checkBaseUrl(raw, allowed)).toEqual({ ok: true, value: normalised });
  });

  it.each([
    ['ftp://shop.myshopify.com', /https/],
    ['javascript:alert(1)', /absolute URL/],
    ['//shop.myshopify.com', /absolute URL/],
    ['shop.myshopify.com', /absolute URL/],
    ['https://user:pw@shop.myshopify.com', /user name/],
    ['https://shop.myshopify.com@evil.com', /user name/],
    ['https://evil.com\\@shop.myshopify.com', /backslash/],
    ['https://shop.myshopify.com/a/../b', /plain path/],
    ['https://shop.myshopify.com/%2e%2e/x', /plain path/],
    ['https://shop.myshopify.com//x', /plain path/],
    ['https://shop.myshopify.com/?x=1', /query/],
    ['https://shop.myshopify.com#frag', /query or fragment/],
    ['https://shop.myshopify.com\n.evil.com', /spaces/],
    ['https://shop.myshopify.com:99999', /port/],
    ['http://2130706433:4010', /host/],
    ['http://0x7f.1:4010', /host/],
    [`https://shop.myshopify.com/${'a'.repeat(2100)}`, /2048/],
  ])('refuses %j as INVALID', (raw, message) => {
    expect(checkBaseUrl(raw, allowed)).toMatchObject({ ok: false, code: 'INVALID', message: expect.stringMatching(message) });
  });

  it.each([
    'https://evil.com',
    'https://myshopify.com',
    'https://169.254.169.254/latest/meta-data',
    'http://10.0.0.1',
    'https://proxy.example.com',
    'http://[::1]:9001',
  ])('refuses %s as OUTBOUND_NOT_ALLOWED', (raw) => {
    expect(checkBaseUrl(raw, allowed)).toMatchObject({ ok: false, code: 'OUTBOUND_NOT_ALLOWED' });
  });

  it('allows http only to a host listed exactly, never through a wildcard', () => {
    expect(checkBaseUrl('http://shop.myshopify.com', allowed)).toMatchObject({ ok: false, code: 'OUTBOUND_NOT_ALLOWED', message: expect.stringMatching(/https/) });
    expect(checkBaseUrl('https://shop.myshopify.com', allowed).ok).toBe(true);
  });
});
