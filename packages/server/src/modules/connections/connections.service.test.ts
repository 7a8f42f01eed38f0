import { randomUUID } from 'node:crypto';
import { createNetSuiteSimulator, createShopifySimulator, type NetSuiteSimulator, type ShopifySimulator } from '@synclane/simulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_ENCRYPTION_KEY, type TestServer } from '../../../test/server.js';
import { CredentialCipher } from '../../crypto/credentials.js';
import { connectionsClient, netsuiteInput, secretValue, shopifyInput } from './connections.testkit.js';

let server: TestServer;
let api: ReturnType<typeof connectionsClient>;
let sim: NetSuiteSimulator;
let shop: ShopifySimulator;
const cipher = new CredentialCipher(TEST_ENCRYPTION_KEY);

beforeAll(async () => {
  server = await startTestServer();
  api = connectionsClient(server);
  sim = createNetSuiteSimulator({ accountId: '7654321_SB1', timeZone: 'America/Chicago' });
  shop = createShopifySimulator({ accessToken: secretValue('shpat'), shopName: 'Connection Test Shop' });
  await Promise.all([sim.start(), shop.start()]);
});
afterAll(async () => {
  await Promise.all([sim?.stop(), shop?.stop()]);
  await server?.stop();
});

const raw = (id: string) =>
  server.runtime.db.asService(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ credentials: string; config: unknown; status: string; last_error: string | null }>>`
      SELECT credentials, config, status::text AS status, last_error FROM connections WHERE id = ${id}::uuid`;
    return rows[0]!;
  });

const simInput = (overrides: Record<string, unknown> = {}) =>
  netsuiteInput({ accountId: sim.accountId, baseUrl: sim.url, timeZone: sim.timeZone, ...sim.credentials, ...overrides });

describe('credentials at rest', () => {
  it('stores AES-256-GCM ciphertext that holds no secret and decrypts to the input', async () => {
    const user = await server.token();
    const input = netsuiteInput();
    const c = await api.created(user, input);
    const row = await raw(c.id);
    const { accountId, ...secrets } = input.netsuite as Record<string, string>;
    for (const secret of Object.values(secrets)) {
      expect(row.credentials).not.toContain(secret);
      expect(JSON.stringify(row.config)).not.toContain(secret);
    }
    expect(row.credentials).toMatch(/^v1\.[^.]+\.[^.]+\.[^.]+$/);
    expect(cipher.decrypt(row.credentials)).toEqual(secrets);
    // The account id is not a secret: it lives in config.
    expect(row.config).toEqual({ accountId });
  });

  it('re-encrypts on replace, with a fresh IV', async () => {
    const user = await server.token();
    const c = await api.created(user, shopifyInput());
    const before = await raw(c.id);
    const token = secretValue('shpat');
    await api.update(user, c.id, { shopify: { shopDomain: 'acme.myshopify.com', accessToken: token } });
    const after = await raw(c.id);
    expect(after.credentials).not.toBe(before.credentials);
    expect(after.credentials).not.toContain(token);
    expect(cipher.decrypt(after.credentials)).toEqual({ accessToken: token });
    // A rename keeps the ciphertext as it is.
    await api.update(user, c.id, { name: 'renamed' });
    expect((await raw(c.id)).credentials).toBe(after.credentials);
  });
});

describe('deleting a connection in use', () => {
  const addItem = (userId: string, source: string | null, target: string | null) =>
    server.runtime.db.asService((tx) =>
      tx.syncListItem.create({
        data: { userId, itemType: 'product', sourcePlatform: 'netsuite', targetPlatform: 'shopify', sourceConnectionId: source, targetConnectionId: target, sourceId: randomUUID() },
      }),
    );

  it('answers IN_USE with the number of items using it as source or target', async () => {
    const userId = randomUUID();
    const user = await server.token(userId);
    const ns = await api.created(user, netsuiteInput());
    const shop = await api.created(user, shopifyInput());
    const a = await addItem(userId, ns.id, shop.id);
    const b = await addItem(userId, ns.id, shop.id);
    const res = await api.delete(user, shop.id);
    expect(res.data!.deleteConnection).toEqual({ deletedId: null, userErrors: [{ field: ['id'], code: 'IN_USE', message: expect.stringContaining('2 sync list items') }] });
    expect((await api.delete(user, ns.id)).data!.deleteConnection.userErrors[0]!.code).toBe('IN_USE');
    await server.runtime.db.asService((tx) => tx.syncListItem.deleteMany({ where: { id: { in: [a.id, b.id] } } }));
    expect((await api.delete(user, shop.id)).data!.deleteConnection.deletedId).toBe(shop.id);
  });

  it('answers IN_USE, not a 500, when a row the caller cannot see still points at it', async () => {
    const user = await server.token();
    const c = await api.created(user, shopifyInput());
    const strangerId = randomUUID();
    await api.list(await server.token(strangerId));
    await addItem(strangerId, null, c.id);
    const res = await api.delete(user, c.id);
    expect(res.status).toBe(200);
    expect(res.data!.deleteConnection.userErrors).toEqual([{ field: ['id'], code: 'IN_USE', message: expect.any(String) }]);
  });
});

describe('testConnection against the NetSuite simulator', () => {
  it('answers ok through the platform when the credentials are right', async () => {
    const user = await server.token();
    const c = await api.created(user, simInput());
    const before = sim.counters.total();
    const res = await api.test(user, c.id);
    expect(res.data!.testConnection).toMatchObject({ ok: true, message: expect.any(String), connection: { id: c.id, status: 'ACTIVE', lastError: null }, userErrors: [] });
    expect(sim.counters.total()).toBeGreaterThan(before);
  });

  it('puts the connection in ERROR with the platform message on bad credentials, never quoting them', async () => {
    const user = await server.token();
    const wrong = secretValue('wrong');
    const c = await api.created(user, simInput({ tokenSecret: wrong }));
    const res = await api.test(user, c.id);
    const payload = res.data!.testConnection;
    expect(payload.ok).toBe(false);
    expect(payload.message).toMatch(/invalid login|401|token/i);
    expect(payload.connection).toEqual({ id: c.id, status: 'ERROR', lastError: payload.message });
    expect(JSON.stringify(res)).not.toContain(wrong);
    expect((await raw(c.id)).last_error).toBe(payload.message);
    // Fresh credentials make the old failure stale.
    const fixed = await api.update(user, c.id, { netsuite: simInput().netsuite });
    expect(fixed.data!.updateConnection.connection).toMatchObject({ status: 'ACTIVE', lastError: null });
  });

  it('clears last_error and goes back to ACTIVE after a success', async () => {
    const user = await server.token();
    const c = await api.created(user, simInput());
    await server.runtime.db.asService((tx) => tx.connection.update({ where: { id: c.id }, data: { status: 'error', lastError: 'earlier failure' } }));
    const res = await api.test(user, c.id);
    expect(res.data!.testConnection.connection).toEqual({ id: c.id, status: 'ACTIVE', lastError: null });
  });

  it('answers a userError for a disabled connection and calls nothing', async () => {
    const user = await server.token();
    const c = await api.created(user, simInput());
    await api.update(user, c.id, { enabled: false });
    const before = sim.counters.total();
    const res = await api.test(user, c.id);
    expect(res.data!.testConnection).toEqual({ ok: false, message: null, connection: null, userErrors: [{ field: ['id'], code: 'DISABLED', message: expect.any(String) }] });
    expect(sim.counters.total()).toBe(before);
  });
});

describe('testConnection against the Shopify simulator', () => {
  const shopInput = (accessToken: string) => shopifyInput({ shopDomain: shop.shopDomain, baseUrl: shop.url, accessToken });

  it('answers ok with the shop it reached', async () => {
    const user = await server.token();
    const c = await api.created(user, shopInput(shop.accessToken));
    const res = await api.test(user, c.id);
    expect(res.data!.testConnection).toMatchObject({ ok: true, message: expect.stringContaining('Connection Test Shop'), connection: { status: 'ACTIVE', lastError: null } });
    expect(JSON.stringify(res)).not.toContain(shop.accessToken);
  });

  it('puts the connection in ERROR with the message on a bad token', async () => {
    const user = await server.token();
    const wrong = secretValue('shpat');
    const c = await api.created(user, shopInput(wrong));
    const res = await api.test(user, c.id);
    const payload = res.data!.testConnection;
    expect(payload.ok).toBe(false);
    expect(payload.connection).toEqual({ id: c.id, status: 'ERROR', lastError: payload.message });
    expect(payload.message).toMatch(/401|unauthori[sz]ed|access token/i);
    expect(JSON.stringify(res)).not.toContain(wrong);
  });
});
