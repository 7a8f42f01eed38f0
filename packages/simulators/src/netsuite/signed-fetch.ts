import { randomBytes } from 'node:crypto';
import { hmacSha256Signature, percentEncode, signatureBaseString, type TbaCredentials } from './oauth.js';

export interface SignedFetchOptions {
  body?: unknown;
  headers?: Record<string, string>;
  nonce?: string;
  timestamp?: number;
  realm?: string;
  credentials?: TbaCredentials;
}

/** A minimal TBA client for the simulator's own tests (the real one lives in the server's connector). */
export async function signedFetch(sim: { url: string; accountId: string; credentials: TbaCredentials }, method: string, path: string, o: SignedFetchOptions = {}): Promise<Response> {
  const url = new URL(path, sim.url);
  const creds = o.credentials ?? sim.credentials;
  const params = new Map<string, string>([
    ['oauth_consumer_key', creds.consumerKey],
    ['oauth_token', creds.tokenId],
    ['oauth_signature_method', 'HMAC-SHA256'],
    ['oauth_timestamp', String(o.timestamp ?? Math.floor(Date.now() / 1000))],
    ['oauth_nonce', o.nonce ?? randomBytes(12).toString('hex')],
    ['oauth_version', '1.0'],
  ]);
  params.set('oauth_signature', hmacSha256Signature(signatureBaseString(method, url, params), creds.consumerSecret, creds.tokenSecret));
  const header = `OAuth realm="${o.realm ?? sim.accountId}", ${[...params].map(([k, v]) => `${k}="${percentEncode(v)}"`).join(', ')}`;
  const headers: Record<string, string> = { authorization: header, ...o.headers };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(url, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
}

export async function suiteql(sim: Parameters<typeof signedFetch>[0], q: string, query = ''): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await signedFetch(sim, 'POST', `/services/rest/query/v1/suiteql${query}`, { body: { q }, headers: { prefer: 'transient' } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
