import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Actor } from './actor.js';

export class AuthError extends Error {
  readonly code = 'UNAUTHENTICATED';
}

export interface VerifierOptions {
  jwtSecret?: string;
  jwksUrl?: string;
  /** For tests: a JWKS object instead of a URL. */
  jwks?: Parameters<typeof createLocalJWKSet>[0];
  audience?: string;
  issuer?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type TokenVerifier = (token: string) => Promise<Actor>;

/** HS256 with JWT_SECRET and/or RS256/ES256 from a JWKS (Supabase-compatible claims). */
export function createVerifier(options: VerifierOptions): TokenVerifier {
  const secret = options.jwtSecret ? new TextEncoder().encode(options.jwtSecret) : undefined;
  const jwks: JWTVerifyGetKey | undefined = options.jwks
    ? createLocalJWKSet(options.jwks)
    : options.jwksUrl
      ? createRemoteJWKSet(new URL(options.jwksUrl))
      : undefined;
  const checks = { audience: options.audience, issuer: options.issuer };

  async function verifyPayload(token: string): Promise<JWTPayload> {
    const alg = readAlg(token);
    if (alg === 'HS256' && secret) return (await jwtVerify(token, secret, { ...checks, algorithms: ['HS256'] })).payload;
    if (alg !== 'HS256' && jwks) return (await jwtVerify(token, jwks, { ...checks, algorithms: ['RS256', 'ES256'] })).payload;
    throw new AuthError('token algorithm is not accepted');
  }

  return async (token) => {
    let payload: JWTPayload;
    try {
      payload = await verifyPayload(token);
    } catch (err) {
      if (err instanceof AuthError) throw err;
      if (err instanceof errors.JWTExpired) throw new AuthError('token expired');
      throw new AuthError('invalid token');
    }
    const role = payload.role;
    const email = typeof payload.email === 'string' && payload.email.length > 0 ? payload.email.toLowerCase() : null;
    const sub = typeof payload.sub === 'string' ? payload.sub : undefined;
    const expiresAt = typeof payload.exp === 'number' ? payload.exp * 1000 : null;
    if (sub !== undefined && !UUID.test(sub)) throw new AuthError('token subject must be a user id (uuid)');
    if (role === 'service_role') return { kind: 'service', userId: sub?.toLowerCase() ?? null, email, expiresAt };
    if (role !== undefined && role !== 'authenticated') throw new AuthError('token role is not accepted');
    if (!sub) throw new AuthError('token has no subject');
    return { kind: 'user', userId: sub.toLowerCase(), email, expiresAt };
  };
}

function readAlg(token: string): string | undefined {
  const head = token.split('.')[0];
  if (!head) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && 'alg' in parsed && typeof parsed.alg === 'string' ? parsed.alg : undefined;
  } catch {
    return undefined;
  }
}

/** `Bearer <token>` → token; anything else → undefined. */
export function bearerToken(header: string | string[] | undefined | null): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  return match?.[1];
}
