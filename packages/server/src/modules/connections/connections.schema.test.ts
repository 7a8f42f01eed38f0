import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { connectionsClient, CREATE, DELETE, GET, netsuiteInput, secretValue, shopifyInput, TEST, UPDATE } from './connections.testkit.js';

let server: TestServer;
let api: ReturnType<typeof connectionsClient>;
let alice: string;

beforeAll(async () => {
  server = await startTestServer();
  api = connectionsClient(server);
  alice = await server.token();
});
afterAll(() => server?.stop());

describe('creating connections', () => {
  it('creates a Shopify connection whose token is write-only', async () => {
    const input = shopifyInput({ apiVersion: '2026-07', locationId: '77' });
    const token = (input.shopify as { accessToken: string }).accessToken;
    const res = await api.create(alice, input);
    expect(res.errors).toBeUndefined();
    expect(res.data!.createConnection.userErrors).toEqual([]);
    expect(res.data!.createConnection.connection).toMatchObject({
      platform: 'SHOPIFY',
      name: 'Acme store',
      status: 'ACTIVE',
      lastError: null,
      credentialsSet: ['accessToken'],
      settings: { shopDomain: 'acme.myshopify.com', apiVersion: '2026-07', baseUrl: null, locationId: 'gid://shopify/Location/77', accountId: null },
    });
    expect(JSON.stringify(res)).not.toContain(token);
  });

  it('creates a NetSuite connection with its optional settings in config', async () => {
    const input = netsuiteInput({ accountId: '1234567-sb1', locationId: '1', shippingItemId: '900', timeZone: 'europe/berlin', baseUrl: 'http://127.0.0.1:4999/' });
    const res = await api.create(alice, input);
    const c = res.data!.createConnection.connection!;
    expect(c.credentialsSet).toEqual(['consumerKey', 'consumerSecret', 'tokenId', 'tokenSecret']);
    expect(c.settings).toMatchObject({ accountId: '1234567_SB1', locationId: '1', shippingItemId: '900', timeZone: 'Europe/Berlin', baseUrl: 'http://127.0.0.1:4999' });
    for (const secret of Object.values(input.netsuite as Record<string, string>).filter((v) => /^(ck|cs|ti|ts)_/.test(v))) {
      expect(JSON.stringify(res)).not.toContain(secret);
    }
  });

  it('lists only the caller\'s connections, oldest first, optionally by platform', async () => {
    const carol = await server.token();
    const first = await api.created(carol, shopifyInput({}, 'first'));
    const second = await api.created(carol, netsuiteInput({}, 'second'));
    const all = await api.list(carol);
    expect(all.data!.connections.map((c) => c.id)).toEqual([first.id, second.id]);
    const netsuite = await api.list(carol, 'NETSUITE');
    expect(netsuite.data!.connections.map((c) => c.id)).toEqual([second.id]);
    expect((await api.get(carol, first.id)).data!.connection!.name).toBe('first');
  });

  it.each([
    ['no platform block', { name: 'x' }, ['input'], 'INVALID'],
    ['both platform blocks', { ...shopifyInput(), ...netsuiteInput() }, ['input'], 'INVALID'],
    ['an empty name', shopifyInput({}, '   '), ['input', 'name'], 'INVALID'],
    ['a name over 120 characters', shopifyInput({}, 'n'.repeat(121)), ['input', 'name'], 'INVALID'],
    ['an IPv4 shop domain', shopifyInput({ shopDomain: '127.0.0.1' }), ['input', 'shopify', 'shopDomain'], 'INVALID'],
    ['an IPv6 shop domain', shopifyInput({ shopDomain: '[::1]' }), ['input', 'shopify', 'shopDomain'], 'INVALID'],
    ['a shop domain with a path', shopifyInput({ shopDomain: 'acme.myshopify.com/../x' }), ['input', 'shopify', 'shopDomain'], 'INVALID'],
    ['a shop domain not allowed', shopifyInput({ shopDomain: 'shop.evil.com' }), ['input', 'shopify', 'shopDomain'], 'OUTBOUND_NOT_ALLOWED'],
    ['a base URL with userinfo', shopifyInput({ baseUrl: 'https://me:pw@acme.myshopify.com' }), ['input', 'shopify', 'baseUrl'], 'INVALID'],
    ['a base URL on a host not allowed', shopifyInput({ baseUrl: 'https://169.254.169.254' }), ['input', 'shopify', 'baseUrl'], 'OUTBOUND_NOT_ALLOWED'],
    ['a base URL over http through a wildcard', shopifyInput({ baseUrl: 'http://acme.myshopify.com' }), ['input', 'shopify', 'baseUrl'], 'OUTBOUND_NOT_ALLOWED'],
    ['a base URL with a query', shopifyInput({ baseUrl: 'https://acme.myshopify.com?x=1' }), ['input', 'shopify', 'baseUrl'], 'INVALID'],
    ['a base URL over 2048 characters', shopifyInput({ baseUrl: `https://acme.myshopify.com/${'a'.repeat(2048)}` }), ['input', 'shopify', 'baseUrl'], 'INVALID'],
    ['an empty access token', shopifyInput({ accessToken: '' }), ['input', 'shopify', 'accessToken'], 'INVALID'],
    ['an access token over 512 characters', shopifyInput({ accessToken: 't'.repeat(513) }), ['input', 'shopify', 'accessToken'], 'INVALID'],
    ['a malformed API version', shopifyInput({ apiVersion: '2026-07/../x' }), ['input', 'shopify', 'apiVersion'], 'INVALID'],
    ['a malformed location id', shopifyInput({ locationId: 'gid://shopify/Product/1' }), ['input', 'shopify', 'locationId'], 'INVALID'],
    ['an unknown time zone', netsuiteInput({ timeZone: 'Mars/Base' }), ['input', 'netsuite', 'timeZone'], 'INVALID'],
    ['a malformed account id', netsuiteInput({ accountId: 'acct.evil.com' }), ['input', 'netsuite', 'accountId'], 'INVALID'],
    ['a NetSuite base URL not allowed', netsuiteInput({ baseUrl: 'https://10.0.0.7' }), ['input', 'netsuite', 'baseUrl'], 'OUTBOUND_NOT_ALLOWED'],
    ['a NetSuite secret over 512 characters', netsuiteInput({ tokenSecret: 's'.repeat(513) }), ['input', 'netsuite', 'tokenSecret'], 'INVALID'],
  ])('refuses %s with a userError and writes nothing', async (_what, input, field, code) => {
    const user = await server.token();
    const res = await api.create(user, input);
    expect(res.errors).toBeUndefined();
    expect(res.data!.createConnection.connection).toBeNull();
    expect(res.data!.createConnection.userErrors).toEqual([{ field, code, message: expect.any(String) }]);
    expect((await api.list(user)).data!.connections).toEqual([]);
  });
});

describe('updating connections', () => {
  it('renames and leaves settings and credentials alone', async () => {
    const c = await api.created(alice, shopifyInput({ locationId: '5' }));
    const res = await api.update(alice, c.id, { name: 'Renamed' });
    expect(res.data!.updateConnection.connection).toMatchObject({ name: 'Renamed', settings: c.settings, credentialsSet: ['accessToken'], status: 'ACTIVE' });
  });

  it('disables and enables', async () => {
    const c = await api.created(alice, netsuiteInput());
    expect((await api.update(alice, c.id, { enabled: false })).data!.updateConnection.connection!.status).toBe('DISABLED');
    expect((await api.update(alice, c.id, { name: 'still off' })).data!.updateConnection.connection!.status).toBe('DISABLED');
    expect((await api.update(alice, c.id, { enabled: true })).data!.updateConnection.connection!.status).toBe('ACTIVE');
  });

  it('replaces settings and credentials with a platform block', async () => {
    const c = await api.created(alice, shopifyInput({ locationId: '5', apiVersion: '2026-04' }));
    const newToken = secretValue('shpat');
    const res = await api.update(alice, c.id, { shopify: { shopDomain: 'other.myshopify.com', accessToken: newToken } });
    const updated = res.data!.updateConnection.connection!;
    expect(updated.settings).toMatchObject({ shopDomain: 'other.myshopify.com', locationId: null, apiVersion: null });
    expect(JSON.stringify(res)).not.toContain(newToken);
  });

  it.each([
    ['a block of the other platform', { netsuite: netsuiteInput().netsuite }, ['input', 'netsuite'], 'PLATFORM_MISMATCH'],
    ['a null name', { name: null }, ['input', 'name'], 'INVALID'],
    ['a null enabled', { enabled: null }, ['input', 'enabled'], 'INVALID'],
    ['a base URL not allowed', { shopify: { shopDomain: 'acme.myshopify.com', accessToken: 'x', baseUrl: 'https://example.org' } }, ['input', 'shopify', 'baseUrl'], 'OUTBOUND_NOT_ALLOWED'],
  ])('refuses %s and changes nothing', async (_what, input, field, code) => {
    const c = await api.created(alice, shopifyInput());
    const res = await api.update(alice, c.id, input);
    expect(res.data!.updateConnection).toEqual({ connection: null, userErrors: [{ field, code, message: expect.any(String) }] });
    expect((await api.get(alice, c.id)).data!.connection).toEqual(c);
  });
});

describe('deleting connections', () => {
  it('deletes an unused connection, then answers NOT_FOUND', async () => {
    const c = await api.created(alice, shopifyInput());
    expect((await api.delete(alice, c.id)).data!.deleteConnection).toEqual({ deletedId: c.id, userErrors: [] });
    expect((await api.get(alice, c.id)).data!.connection).toBeNull();
    expect((await api.delete(alice, c.id)).data!.deleteConnection.userErrors).toEqual([{ field: ['id'], code: 'NOT_FOUND', message: expect.any(String) }]);
  });
});

describe('malformed input', () => {
  it.each([
    ['connection', GET, {}],
    ['updateConnection', UPDATE, { input: { name: 'x' } }],
    ['deleteConnection', DELETE, {}],
    ['testConnection', TEST, {}],
  ])('%s answers BAD_USER_INPUT for an id that is not a UUID', async (_op, query, vars) => {
    const res = await server.gql(query, { id: 'not-a-uuid', ...vars }, alice);
    expect(res.status).toBeLessThan(500);
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('answers 401 without a token and FORBIDDEN to a service token without sub', async () => {
    const anon = await server.gql('{ connections { id } }');
    expect(anon.status).toBe(401);
    const service = await server.gql('{ connections { id } }', {}, await server.serviceToken());
    expect(service.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('credentials never come back in errors', () => {
  const token = 'shpat_leak_canary_7d1f';
  const ns = { accountId: '1', consumerKey: 'ck_leak_canary', consumerSecret: 'cs_leak_canary', tokenId: 'ti_leak_canary', tokenSecret: 'ts_leak_canary' };
  const canaries = [token, ...Object.values(ns).slice(1)];

  it.each([
    ['a missing name', { shopify: { shopDomain: 'acme.myshopify.com', accessToken: token } }],
    ['a wrong type beside the token', { name: 'x', shopify: { shopDomain: 42, accessToken: token } }],
    ['an unknown field', { name: 'x', shopify: { shopDomain: 'acme.myshopify.com', accessToken: token, password: 'x' } }],
    ['a wrong type beside NetSuite secrets', { name: ['x'], netsuite: ns }],
    ['a token of the wrong type', { name: 'x', shopify: { shopDomain: 'acme.myshopify.com', accessToken: { nested: token } } }],
  ])('masks the variables of %s', async (_what, input) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${alice}` },
      body: JSON.stringify({ query: CREATE, variables: { input } }),
    });
    const body = await res.text();
    expect(res.status).toBe(400);
    expect(body).toContain('BAD_USER_INPUT');
    for (const canary of canaries) expect(body).not.toContain(canary);
  });

  it('masks them in updateConnection too', async () => {
    const res = await server.gql(UPDATE, { id: randomUUID(), input: { enabled: 'yes', shopify: { shopDomain: 'a.myshopify.com', accessToken: token } } }, alice);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res)).not.toContain(token);
  });
});
