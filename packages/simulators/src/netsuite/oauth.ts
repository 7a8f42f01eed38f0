import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TbaCredentials {
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}

/** RFC 3986 percent-encoding, as OAuth 1.0a requires (encodeURIComponent leaves !*'() alone). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Parses `OAuth k="v", ...`; null when the header is not an OAuth header. */
export function parseOAuthHeader(header: string | undefined): Map<string, string> | null {
  if (!header || !/^OAuth\s/i.test(header)) return null;
  const params = new Map<string, string>();
  const re = /([A-Za-z0-9_]+)="([^"]*)"/g;
  try {
    for (let m = re.exec(header); m; m = re.exec(header)) params.set(m[1], decodeURIComponent(m[2]));
  } catch {
    return null;
  }
  return params;
}

/** The signature base string (RFC 5849 §3.4.1): method, base URL, sorted encoded parameters. */
export function signatureBaseString(method: string, url: URL, oauthParams: Map<string, string>): string {
  const pairs: Array<[string, string]> = [];
  for (const [k, v] of url.searchParams) pairs.push([percentEncode(k), percentEncode(v)]);
  for (const [k, v] of oauthParams) if (k !== 'realm' && k !== 'oauth_signature') pairs.push([percentEncode(k), percentEncode(v)]);
  pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const normalized = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  const base = `${url.protocol.toLowerCase()}//${url.host.toLowerCase()}${url.pathname}`;
  return [method.toUpperCase(), percentEncode(base), percentEncode(normalized)].join('&');
}

export function hmacSha256Signature(baseString: string, consumerSecret: string, tokenSecret: string): string {
  const key = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
  return createHmac('sha256', key).update(baseString).digest('base64');
}

export type TbaCheck = { ok: true } | { ok: false; reason: string };

export interface TbaVerifierOptions {
  accountId: string;
  credentials: TbaCredentials;
  toleranceSeconds: number;
  /** Real time: clients sign with their own clock, which the simulated record clock does not move. */
  nowMs?: () => number;
}

/** Verifies TBA requests: realm, keys, HMAC-SHA256 only, timestamp window, no nonce reuse per token. */
export class TbaVerifier {
  private seenNonces = new Map<string, number>();

  constructor(private readonly options: TbaVerifierOptions) {}

  verify(method: string, url: URL, header: string | undefined): TbaCheck {
    const o = this.options;
    const params = parseOAuthHeader(header);
    if (!params) return { ok: false, reason: 'missing OAuth Authorization header' };
    const get = (k: string) => params.get(k) ?? '';
    if (get('realm') !== o.accountId) return { ok: false, reason: `realm "${get('realm')}" is not the account id` };
    if (get('oauth_signature_method') !== 'HMAC-SHA256') return { ok: false, reason: `signature method ${get('oauth_signature_method') || '(none)'} is not HMAC-SHA256` };
    if (params.has('oauth_version') && get('oauth_version') !== '1.0') return { ok: false, reason: 'oauth_version must be 1.0' };
    if (get('oauth_consumer_key') !== o.credentials.consumerKey) return { ok: false, reason: 'unknown consumer key' };
    if (get('oauth_token') !== o.credentials.tokenId) return { ok: false, reason: 'unknown token' };
    const timestamp = Number(get('oauth_timestamp'));
    const now = Math.floor((o.nowMs ?? Date.now)() / 1000);
    if (!Number.isInteger(timestamp) || Math.abs(now - timestamp) > o.toleranceSeconds) return { ok: false, reason: `timestamp ${get('oauth_timestamp')} is outside ±${o.toleranceSeconds}s of the server clock` };
    const nonce = get('oauth_nonce');
    if (!nonce) return { ok: false, reason: 'missing nonce' };
    const expected = hmacSha256Signature(signatureBaseString(method, url, params), o.credentials.consumerSecret, o.credentials.tokenSecret);
    const given = Buffer.from(get('oauth_signature'));
    const wanted = Buffer.from(expected);
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { ok: false, reason: 'signature mismatch' };
    const nonceKey = `${get('oauth_token')}:${nonce}`;
    this.prune(now);
    if (this.seenNonces.has(nonceKey)) return { ok: false, reason: `nonce ${nonce} was already used` };
    this.seenNonces.set(nonceKey, timestamp);
    return { ok: true };
  }

  reset(): void {
    this.seenNonces.clear();
  }

  private prune(now: number): void {
    if (this.seenNonces.size < 10_000) return;
    // A nonce only needs remembering while its timestamp would still be accepted.
    for (const [key, ts] of this.seenNonces) if (now - ts > 2 * this.options.toleranceSeconds) this.seenNonces.delete(key);
  }
}
