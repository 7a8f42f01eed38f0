import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_ENCRYPTION_KEY, type TestServer } from '../../../test/server.js';
import { ConnectorError } from '../../connectors/errors.js';
import type { ConnectorFactory } from '../../connectors/factory.js';
import type { Connector, TestResult } from '../../connectors/types.js';
import { CredentialCipher } from '../../crypto/credentials.js';
import { ConnectionsService } from './connections.service.js';
import { connectionsClient, shopifyInput } from './connections.testkit.js';

let server: TestServer;
let api: ReturnType<typeof connectionsClient>;

beforeAll(async () => {
  server = await startTestServer();
  api = connectionsClient(server);
});
afterAll(() => server?.stop());

function fakeConnector(test: () => Promise<TestResult>): Connector {
  const unused = () => {
    throw new Error('not used by testConnection');
  };
  return { platform: 'shopify', test, readMany: unused, list: unused, findByKey: unused, create: unused, update: unused, changedSince: unused, serverTime: unused };
}

/** A service on the test server's database whose connectors are fakes. */
function serviceWith(test: () => Promise<TestResult>, calls: { count: number } = { count: 0 }): ConnectionsService {
  const factory: ConnectorFactory = () => {
    calls.count += 1;
    return fakeConnector(test);
  };
  const { db, config, logger } = server.runtime;
  return new ConnectionsService(db, new CredentialCipher(TEST_ENCRYPTION_KEY), config, logger, { connectorFactory: factory, testTimeoutMs: 100 });
}

async function seeded(input = shopifyInput()): Promise<{ userId: string; id: string; token: string }> {
  const userId = randomUUID();
  const bearer = await server.token(userId);
  const c = await api.created(bearer, input);
  return { userId, id: c.id, token: (input.shopify as { accessToken: string }).accessToken };
}

const stored = (id: string) => server.runtime.db.asService((tx) => tx.connection.findUniqueOrThrow({ where: { id } }));

describe('testConnection outcomes', () => {
  it('leaves the status alone when the platform does not answer in time', async () => {
    const { userId, id } = await seeded();
    const res = await serviceWith(() => new Promise(() => undefined)).test(userId, id);
    expect(res).toMatchObject({ ok: true, value: { ok: false, message: expect.stringMatching(/did not answer/) } });
    expect(await stored(id)).toMatchObject({ status: 'active', lastError: null });
  });

  it('leaves the status alone on a transient failure and sets ERROR on an auth failure', async () => {
    const { userId, id } = await seeded();
    await serviceWith(() => Promise.reject(new ConnectorError('transient', 'HTTP 503'))).test(userId, id);
    expect(await stored(id)).toMatchObject({ status: 'active', lastError: null });
    await serviceWith(() => Promise.reject(new ConnectorError('auth', 'HTTP 401: bad token'))).test(userId, id);
    expect(await stored(id)).toMatchObject({ status: 'error', lastError: 'HTTP 401: bad token' });
  });

  it('answers a generic message for an unexpected error, never its internals', async () => {
    const { userId, id } = await seeded();
    const res = await serviceWith(() => Promise.reject(new TypeError('cannot read x of undefined at /srv/app.js'))).test(userId, id);
    expect(res).toEqual({ ok: true, value: { ok: false, message: 'the test could not be completed', connection: expect.objectContaining({ status: 'active' }) } });
  });

  it('cuts a credential out of whatever message the platform sends back', async () => {
    const { userId, id, token } = await seeded();
    const res = await serviceWith(async () => ({ ok: false, message: `token ${token} was rejected` })).test(userId, id);
    expect(JSON.stringify(res)).not.toContain(token);
    expect((await stored(id)).lastError).toBe('token [redacted] was rejected');
  });

  it('never overwrites an edit made while the test was running', async () => {
    const { userId, id } = await seeded();
    let answer: (r: TestResult) => void = () => undefined;
    const running = serviceWith(() => new Promise((resolve) => (answer = resolve))).test(userId, id);
    await new Promise((r) => setTimeout(r, 20));
    await api.update(await server.token(userId), id, { name: 'renamed meanwhile' });
    answer({ ok: false, message: 'stale failure' });
    await running;
    expect(await stored(id)).toMatchObject({ name: 'renamed meanwhile', status: 'active', lastError: null });
  });

  it('sets ERROR when the stored credentials cannot be decrypted', async () => {
    const { userId, id } = await seeded();
    await server.runtime.db.asService((tx) => tx.connection.update({ where: { id }, data: { credentials: 'v1.AAAA.AAAA.AAAA' } }));
    const calls = { count: 0 };
    const res = await serviceWith(async () => ({ ok: true, message: 'fine' }), calls).test(userId, id);
    expect(res).toMatchObject({ ok: true, value: { ok: false, message: expect.stringMatching(/cannot be read/) } });
    expect(calls.count).toBe(0);
    expect((await stored(id)).status).toBe('error');
    const listed = await api.get(await server.token(userId), id);
    expect(listed.data!.connection!.credentialsSet).toEqual([]);
  });

  it('re-checks the stored address against the allowed hosts before creating a connector', async () => {
    const { userId, id } = await seeded();
    await server.runtime.db.asService((tx) => tx.connection.update({ where: { id }, data: { config: { shopDomain: 'acme.myshopify.com', baseUrl: 'http://10.1.2.3' } } }));
    const calls = { count: 0 };
    const res = await serviceWith(async () => ({ ok: true, message: 'fine' }), calls).test(userId, id);
    expect(res).toEqual({ ok: false, errors: [{ code: 'OUTBOUND_NOT_ALLOWED', field: ['id'], message: expect.any(String) }] });
    expect(calls.count).toBe(0);
  });
});
