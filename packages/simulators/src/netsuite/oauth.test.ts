import { describe, expect, it } from 'vitest';
import { hmacSha256Signature, parseOAuthHeader, percentEncode, signatureBaseString, TbaVerifier } from './oauth.js';

// Computed independently (Python urllib + hmac, and openssl dgst -sha256 -hmac).
const VECTOR = {
  url: new URL('https://123456-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/inventoryItem/42?expandSubResources=true&fields=itemId,displayName'),
  params: new Map([
    ['oauth_consumer_key', 'ck-0123456789abcdef'],
    ['oauth_token', 'tk-abcdef'],
    ['oauth_signature_method', 'HMAC-SHA256'],
    ['oauth_timestamp', '1767225600'],
    ['oauth_nonce', 'n0nce-ABC~xyz'],
    ['oauth_version', '1.0'],
  ]),
  baseString:
    'GET&https%3A%2F%2F123456-sb1.suitetalk.api.netsuite.com%2Fservices%2Frest%2Frecord%2Fv1%2FinventoryItem%2F42&expandSubResources%3Dtrue%26fields%3DitemId%252CdisplayName%26oauth_consumer_key%3Dck-0123456789abcdef%26oauth_nonce%3Dn0nce-ABC~xyz%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D1767225600%26oauth_token%3Dtk-abcdef%26oauth_version%3D1.0',
  signature: 'HrB6oCXv1G+5DnixU947kIMO+EmLPDljmA8lzqn8vQ4=',
};

const credentials = { consumerKey: 'ck-0123456789abcdef', consumerSecret: 'cs-secret+/=', tokenId: 'tk-abcdef', tokenSecret: 'ts-secret&!' };

function header(params: Map<string, string>, signature: string, realm = '123456_SB1'): string {
  return `OAuth realm="${realm}", ${[...params].map(([k, v]) => `${k}="${percentEncode(v)}"`).join(', ')}, oauth_signature="${percentEncode(signature)}"`;
}

describe('TBA signature', () => {
  it('builds the RFC 5849 base string and the HMAC-SHA256 signature of a known vector', () => {
    const base = signatureBaseString('GET', VECTOR.url, VECTOR.params);
    expect(base).toBe(VECTOR.baseString);
    expect(hmacSha256Signature(base, credentials.consumerSecret, credentials.tokenSecret)).toBe(VECTOR.signature);
  });

  it('percent-encodes the characters encodeURIComponent leaves alone', () => {
    expect(percentEncode("a!*'()~ b")).toBe('a%21%2A%27%28%29~%20b');
  });

  it('parses the Authorization header', () => {
    const parsed = parseOAuthHeader(header(VECTOR.params, VECTOR.signature));
    expect(parsed?.get('realm')).toBe('123456_SB1');
    expect(parsed?.get('oauth_signature')).toBe(VECTOR.signature);
    expect(parseOAuthHeader('Bearer abc')).toBeNull();
  });
});

describe('TbaVerifier', () => {
  const now = () => 1767225600 * 1000 + 30_000;
  const verifier = () => new TbaVerifier({ accountId: '123456_SB1', credentials, toleranceSeconds: 300, nowMs: now });

  it('accepts the known vector once and refuses the nonce the second time', () => {
    const v = verifier();
    expect(v.verify('GET', VECTOR.url, header(VECTOR.params, VECTOR.signature))).toEqual({ ok: true });
    const again = v.verify('GET', VECTOR.url, header(VECTOR.params, VECTOR.signature));
    expect(again).toEqual({ ok: false, reason: expect.stringContaining('nonce') });
  });

  it('refuses a stale timestamp, a wrong realm, a wrong method and a tampered signature', () => {
    const v = verifier();
    const stale = new Map(VECTOR.params).set('oauth_timestamp', String(1767225600 - 600));
    expect(v.verify('GET', VECTOR.url, header(stale, VECTOR.signature))).toMatchObject({ ok: false, reason: expect.stringContaining('timestamp') });
    expect(v.verify('GET', VECTOR.url, header(VECTOR.params, VECTOR.signature, '123456_sb1'))).toMatchObject({ ok: false, reason: expect.stringContaining('realm') });
    const sha1 = new Map(VECTOR.params).set('oauth_signature_method', 'HMAC-SHA1');
    expect(v.verify('GET', VECTOR.url, header(sha1, VECTOR.signature))).toMatchObject({ ok: false, reason: expect.stringContaining('HMAC-SHA256') });
    expect(v.verify('POST', VECTOR.url, header(VECTOR.params, VECTOR.signature))).toMatchObject({ ok: false, reason: 'signature mismatch' });
  });
});
