import { describe, expect, it } from 'vitest';
import { createTbaAuth, percentEncode, signatureBaseString, signHmacSha256 } from './tba.js';

// Computed independently of this code: Python (urllib.parse.quote + hmac) and `openssl dgst -sha256 -hmac`.
const url = new URL('https://123456-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/inventoryItem/42?expandSubResources=true&fields=itemId,displayName');
const credentials = { consumerKey: 'ck-0123456789abcdef', consumerSecret: 'cs-secret+/=', tokenId: 'tk-abcdef', tokenSecret: 'ts-secret&!' };
const expectedBase =
  'GET&https%3A%2F%2F123456-sb1.suitetalk.api.netsuite.com%2Fservices%2Frest%2Frecord%2Fv1%2FinventoryItem%2F42&expandSubResources%3Dtrue%26fields%3DitemId%252CdisplayName%26oauth_consumer_key%3Dck-0123456789abcdef%26oauth_nonce%3Dn0nce-ABC~xyz%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D1767225600%26oauth_token%3Dtk-abcdef%26oauth_version%3D1.0';
const expectedSignature = 'HrB6oCXv1G+5DnixU947kIMO+EmLPDljmA8lzqn8vQ4=';

describe('TBA (OAuth 1.0a HMAC-SHA256)', () => {
  it('matches an independently computed signature vector', () => {
    const params = [
      ['oauth_consumer_key', credentials.consumerKey],
      ['oauth_token', credentials.tokenId],
      ['oauth_signature_method', 'HMAC-SHA256'],
      ['oauth_timestamp', '1767225600'],
      ['oauth_nonce', 'n0nce-ABC~xyz'],
      ['oauth_version', '1.0'],
    ] as const;
    const base = signatureBaseString('GET', url, params);
    expect(base).toBe(expectedBase);
    expect(signHmacSha256(base, credentials.consumerSecret, credentials.tokenSecret)).toBe(expectedSignature);
  });

  it('builds the Authorization header with the account id as realm and a fresh nonce each time', async () => {
    const nonces = ['n0nce-ABC~xyz', 'second'];
    const auth = createTbaAuth({ accountId: '123456_SB1', credentials, nowSeconds: () => 1767225600, nonce: () => nonces.shift() ?? 'x' });
    const header = await auth.authorize({ method: 'GET', url });
    expect(header).toBe(
      `OAuth realm="123456_SB1", oauth_consumer_key="ck-0123456789abcdef", oauth_token="tk-abcdef", oauth_signature_method="HMAC-SHA256", oauth_timestamp="1767225600", oauth_nonce="n0nce-ABC~xyz", oauth_version="1.0", oauth_signature="${percentEncode(expectedSignature)}"`,
    );
    expect(await auth.authorize({ method: 'GET', url })).toContain('oauth_nonce="second"');
  });
});
