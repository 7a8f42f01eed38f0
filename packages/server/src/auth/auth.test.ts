import { SignJWT, UnsecuredJWT, exportJWK, generateKeyPair } from 'jose';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../../test/server.js';
import { wsClient } from '../../test/ws.js';
import { signToken } from './tokens.js';
import { createVerifier } from './verify.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const ME = '{ me { id email } }';

async function badTokens(): Promise<Array<[string, string | undefined]>> {
  const sub = randomUUID();
  return [
    ['missing header', undefined],
    ['not a bearer', `Basic abc`],
    ['malformed', 'Bearer not.a.jwt'],
    ['garbage', 'Bearer abc'],
    ['expired', `Bearer ${await signToken(TEST_JWT_SECRET, { sub }, Math.floor(Date.now() / 1000) - 60)}`],
    ['wrong secret', `Bearer ${await signToken('another-secret-another-secret-another-secret', { sub })}`],
    ['alg none', `Bearer ${new UnsecuredJWT({ sub, role: 'authenticated' }).setExpirationTime('1h').encode()}`],
    ['non-uuid sub', `Bearer ${await signToken(TEST_JWT_SECRET, { sub: 'user-1' })}`],
    ['unknown role', `Bearer ${await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime('1h').sign(new TextEncoder().encode(TEST_JWT_SECRET))}`],
    ['no sub', `Bearer ${await new SignJWT({ role: 'authenticated' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(TEST_JWT_SECRET))}`],
  ];
}

describe('HTTP auth', () => {
  it('answers 401 UNAUTHENTICATED for every kind of bad token and runs nothing', async () => {
    for (const [label, header] of await badTokens()) {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(header ? { authorization: header } : {}) },
        body: JSON.stringify({ query: 'mutation { createSavedSearchPattern(input: { name: "x", direction: BIDIRECTIONAL, filterConfig: {} }) { pattern { id } } }' }),
      });
      expect(res.status, label).toBe(401);
      const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }>; data?: unknown };
      expect(body.errors[0]!.extensions.code, label).toBe('UNAUTHENTICATED');
      expect(body.data, label).toBeUndefined();
    }
    const count = await server.runtime.db.asService((tx) => tx.savedSearchPattern.count());
    expect(count).toBe(0);
  });

  it('answers me for a valid token and creates the user on first sight', async () => {
    const id = randomUUID();
    const res = await server.gql<{ me: { id: string; email: string } }>(ME, {}, await server.token(id, { email: 'New@Example.com' }));
    expect(res.data!.me).toEqual({ id, email: 'new@example.com' });
    const noEmail = randomUUID();
    expect((await server.gql<{ me: { email: string } }>(ME, {}, await server.token(noEmail))).data!.me.email).toBe('');
  });

  it('keeps a second account with a taken email working (email unique only when present)', async () => {
    const email = `dup-${randomUUID()}@example.com`;
    await server.gql(ME, {}, await server.token(randomUUID(), { email }));
    const other = await server.gql<{ me: { email: string } }>(ME, {}, await server.token(randomUUID(), { email }));
    expect(other.errors).toBeUndefined();
    expect(other.data!.me.email).toBe('');
  });

  it('answers FORBIDDEN for me with a service token that has no sub', async () => {
    const res = await server.gql(ME, {}, await server.serviceToken());
    expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('verifier options', () => {
  it('checks audience and issuer when set', async () => {
    const verify = createVerifier({ jwtSecret: TEST_JWT_SECRET, audience: 'synclane', issuer: 'https://auth.example' });
    const sub = randomUUID();
    await expect(verify(await signToken(TEST_JWT_SECRET, { sub, aud: 'synclane', iss: 'https://auth.example' }))).resolves.toMatchObject({ userId: sub });
    await expect(verify(await signToken(TEST_JWT_SECRET, { sub, aud: 'other', iss: 'https://auth.example' }))).rejects.toThrow();
    await expect(verify(await signToken(TEST_JWT_SECRET, { sub, aud: 'synclane', iss: 'https://evil.example' }))).rejects.toThrow();
  });

  it('verifies RS256 tokens from a JWKS', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    const verify = createVerifier({ jwks: { keys: [jwk] } });
    const sub = randomUUID();
    const token = await new SignJWT({ role: 'authenticated' }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject(sub).setExpirationTime('1h').sign(privateKey);
    await expect(verify(token)).resolves.toMatchObject({ kind: 'user', userId: sub });
    const other = await generateKeyPair('RS256');
    const forged = await new SignJWT({ role: 'authenticated' }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject(sub).setExpirationTime('1h').sign(other.privateKey);
    await expect(verify(forged)).rejects.toThrow();
  });
});

describe('graphql-ws auth', () => {
  it('refuses every bad token at connect with 4401', async () => {
    for (const [label, header] of await badTokens()) {
      const { client, closed } = wsClient(server.url, header);
      expect(await closed, label).toBe(4401);
      await client.dispose();
    }
  });

  it('accepts a valid token and closes the socket when it expires', async () => {
    const token = await signToken(TEST_JWT_SECRET, { sub: randomUUID() }, Math.floor(Date.now() / 1000) + 2);
    const { client, closed } = wsClient(server.url, `Bearer ${token}`);
    const started = Date.now();
    const code = await closed;
    expect(code).toBe(4401);
    expect(Date.now() - started).toBeGreaterThan(500);
    await client.dispose();
  });
});
