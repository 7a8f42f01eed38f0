import { createHmac, randomBytes } from 'node:crypto';
import type { NetSuiteCredentials } from '../../types.js';
import type { NetSuiteAuth } from './types.js';

/** RFC 3986 percent-encoding, as OAuth 1.0a requires (encodeURIComponent leaves !*'() alone). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** RFC 5849 §3.4.1: method, base URL without query, then every query and oauth_ parameter, encoded and sorted. */
export function signatureBaseString(method: string, url: URL, oauthParams: ReadonlyArray<readonly [string, string]>): string {
  const pairs = [...url.searchParams, ...oauthParams].map(([k, v]) => [percentEncode(k), percentEncode(v)] as const);
  // By encoded key, then encoded value, in byte order (not as joined "k=v" strings: "-" sorts below "=").
  pairs.sort(([ak, av], [bk, bv]) => (ak !== bk ? (ak < bk ? -1 : 1) : av < bv ? -1 : av > bv ? 1 : 0));
  const normalized = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  const base = `${url.protocol.toLowerCase()}//${url.host.toLowerCase()}${url.pathname}`;
  return `${method.toUpperCase()}&${percentEncode(base)}&${percentEncode(normalized)}`;
}

export function signHmacSha256(baseString: string, consumerSecret: string, tokenSecret: string): string {
  return createHmac('sha256', `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`).update(baseString).digest('base64');
}

export interface TbaOptions {
  /** NetSuite account id, the realm (e.g. 123456_SB1, upper case as NetSuite shows it). */
  accountId: string;
  credentials: NetSuiteCredentials;
  nowSeconds?: () => number;
  nonce?: () => string;
}

/** Token-based authentication: OAuth 1.0a with HMAC-SHA256, the only method NetSuite accepts. */
export function createTbaAuth(o: TbaOptions): NetSuiteAuth {
  const now = o.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const nonce = o.nonce ?? (() => randomBytes(16).toString('hex'));
  const { consumerKey, consumerSecret, tokenId, tokenSecret } = o.credentials;
  return {
    async authorize({ method, url }) {
      const params: Array<[string, string]> = [
        ['oauth_consumer_key', consumerKey],
        ['oauth_token', tokenId],
        ['oauth_signature_method', 'HMAC-SHA256'],
        ['oauth_timestamp', String(now())],
        ['oauth_nonce', nonce()],
        ['oauth_version', '1.0'],
      ];
      const signature = signHmacSha256(signatureBaseString(method, url, params), consumerSecret, tokenSecret);
      const fields = [...params, ['oauth_signature', signature]].map(([k, v]) => `${k}="${percentEncode(v)}"`);
      return `OAuth realm="${o.accountId}", ${fields.join(', ')}`;
    },
  };
}
