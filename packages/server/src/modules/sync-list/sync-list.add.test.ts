import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { ADD, addConnection, countItems, newUser, type AddResult, type KitUser } from './sync-list.testkit.js';

let server: TestServer;
let alice: KitUser;
let aliceNs: string;
let aliceShop: string;

beforeAll(async () => {
  server = await startTestServer();
  alice = await newUser(server);
  aliceNs = await addConnection(server, alice.id, 'netsuite');
  aliceShop = await addConnection(server, alice.id, 'shopify');
});
afterAll(() => server?.stop());

const add = (token: string, items: Array<Record<string, unknown>>) => server.gql<AddResult>(ADD, { input: { items } }, token);
const nsToShop = (sourceId: string, extra: Record<string, unknown> = {}) => ({ itemType: 'PRODUCT', sourcePlatform: 'NETSUITE', targetPlatform: 'SHOPIFY', sourceId, ...extra });

describe('addToSyncList', () => {
  it('adds an item with the defaults, its filter and metadata, on the only connections', async () => {
    const res = await add(alice.token, [
      nsToShop('001234', { filterConfig: { status: ['Active'], priceMin: 10, category: 'Electronics' }, metadata: { name: 'Widget', sku: 'W-1', price: 10 } }),
    ]);
    expect(res.errors).toBeUndefined();
    const { items, userErrors } = res.data!.addToSyncList;
    expect(userErrors).toEqual([]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      itemType: 'PRODUCT',
      sourcePlatform: 'NETSUITE',
      targetPlatform: 'SHOPIFY',
      sourceId: '1234',
      targetId: null,
      syncMode: 'DELTA',
      isActive: true,
      priority: 0,
      lastSyncStatus: null,
      sourceConnectionId: aliceNs,
      targetConnectionId: aliceShop,
      filterConfig: { status: ['active'], priceMin: 10, priceMax: null, category: 'Electronics', updatedAfter: null, search: null },
      metadata: { name: 'Widget', sku: 'W-1', price: 10 },
    });
  });

  it('normalises Shopify ids to the item type\'s GID and keeps explicit mode and state', async () => {
    const res = await add(alice.token, [
      { itemType: 'ORDER', sourcePlatform: 'SHOPIFY', targetPlatform: 'NETSUITE', sourceId: '5001', targetId: '0077', syncMode: 'FULL', isActive: false },
      { itemType: 'INVENTORY', sourcePlatform: 'SHOPIFY', targetPlatform: 'NETSUITE', sourceId: 'gid://shopify/Product/5001' },
      { itemType: 'PRODUCT', sourcePlatform: 'NETSUITE', targetPlatform: 'SHOPIFY', sourceId: '9', targetId: '88' },
    ]);
    const items = res.data!.addToSyncList.items;
    expect(items.map((i) => [i.sourceId, i.targetId, i.syncMode, i.isActive])).toEqual([
      ['gid://shopify/Order/5001', '77', 'FULL', false],
      ['gid://shopify/Product/5001', null, 'DELTA', true],
      ['9', 'gid://shopify/Product/88', 'DELTA', true],
    ]);
    expect(items[1]!.filterConfig).toBeNull();
    expect(items[1]!.metadata).toEqual({});
  });

  it('reports items already listed (under any spelling, or twice in one call) as ALREADY_LISTED and adds the rest', async () => {
    await add(alice.token, [nsToShop('500')]);
    const before = await countItems(server, alice.id);
    const res = await add(alice.token, [nsToShop('501'), nsToShop('0500'), nsToShop('502'), nsToShop('00502'), { ...nsToShop('500'), itemType: 'INVENTORY' }]);
    const { items, userErrors } = res.data!.addToSyncList;
    expect(items.map((i) => i.sourceId)).toEqual(['501', '502', '500']);
    expect(userErrors).toEqual([
      { code: 'ALREADY_LISTED', field: ['input', 'items', '1'], message: expect.any(String) },
      { code: 'ALREADY_LISTED', field: ['input', 'items', '3'], message: expect.any(String) },
    ]);
    expect(await countItems(server, alice.id)).toBe(before + 3);
  });

  it('lists one source record once per target connection', async () => {
    const second = await addConnection(server, alice.id, 'shopify');
    try {
      const res = await add(alice.token, [nsToShop('600', { targetConnectionId: aliceShop }), nsToShop('600', { targetConnectionId: second })]);
      expect(res.data!.addToSyncList.userErrors).toEqual([]);
      expect(res.data!.addToSyncList.items.map((i) => i.targetConnectionId)).toEqual([aliceShop, second]);
      // With two Shopify connections, leaving the target out is ambiguous.
      const ambiguous = await add(alice.token, [nsToShop('601')]);
      expect(ambiguous.data!.addToSyncList.userErrors).toEqual([
        { code: 'AMBIGUOUS_CONNECTION', field: ['input', 'items', '0', 'targetConnectionId'], message: expect.any(String) },
      ]);
    } finally {
      await server.runtime.db.asService(async (tx) => {
        await tx.syncListItem.deleteMany({ where: { targetConnectionId: second } });
        await tx.connection.delete({ where: { id: second } });
      });
    }
  });

  it.each([
    ['the same platform on both sides', { targetPlatform: 'NETSUITE' }, 'INVALID', ['targetPlatform']],
    ['a malformed NetSuite id', { sourceId: 'gid://shopify/Product/1' }, 'INVALID', ['sourceId']],
    ['an empty source id', { sourceId: '  ' }, 'INVALID', ['sourceId']],
    ['a source id over 255 characters', { sourceId: '1'.repeat(256) }, 'INVALID', ['sourceId']],
    ['a target id of the wrong resource', { targetId: 'gid://shopify/Order/1' }, 'INVALID', ['targetId']],
    ['a filter that fails validation', { filterConfig: { priceMin: 10, priceMax: 5 } }, 'INVALID', ['filterConfig', 'priceMin']],
    ['a filter search over its bound', { filterConfig: { search: 'x'.repeat(201) } }, 'INVALID', ['filterConfig', 'search']],
    ['metadata that is not an object', { metadata: [1, 2, 3] }, 'INVALID', ['metadata']],
    ['metadata nested too deeply', { metadata: JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`) as unknown }, 'INVALID', ['metadata']],
    ['metadata over 16 KB', { metadata: { blob: 'x'.repeat(16 * 1024) } }, 'INVALID', ['metadata']],
    ['a metadata price that is not a price', { metadata: { price: 'cheap' } }, 'INVALID', ['metadata', 'price']],
    ['an unknown source connection', { sourceConnectionId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', ['sourceConnectionId']],
  ])('refuses %s with a userError on that field and writes nothing', async (_what, patch, code, field) => {
    const before = await countItems(server, alice.id);
    // A valid item beside it is not added either: malformed input refuses the whole call.
    const res = await add(alice.token, [nsToShop('700'), nsToShop('701', patch)]);
    expect(res.errors).toBeUndefined();
    expect(res.data!.addToSyncList.items).toEqual([]);
    expect(res.data!.addToSyncList.userErrors).toEqual([{ code, field: ['input', 'items', '1', ...field], message: expect.any(String) }]);
    expect(await countItems(server, alice.id)).toBe(before);
  });

  it("refuses a connection of the other platform and a user's missing connection", async () => {
    const wrong = await add(alice.token, [nsToShop('710', { sourceConnectionId: aliceShop })]);
    expect(wrong.data!.addToSyncList.userErrors).toEqual([{ code: 'WRONG_PLATFORM', field: ['input', 'items', '0', 'sourceConnectionId'], message: expect.any(String) }]);
    const lonely = await newUser(server);
    await addConnection(server, lonely.id, 'netsuite');
    const none = await add(lonely.token, [nsToShop('711')]);
    expect(none.data!.addToSyncList.userErrors).toEqual([{ code: 'NO_CONNECTION', field: ['input', 'items', '0', 'targetConnectionId'], message: expect.any(String) }]);
    expect(await countItems(server, lonely.id)).toBe(0);
  });

  it('refuses more than 500 items at once and writes nothing', async () => {
    const before = await countItems(server, alice.id);
    const items = Array.from({ length: 501 }, (_, i) => nsToShop(String(10_000 + i)));
    const res = await add(alice.token, items);
    expect(res.data!.addToSyncList).toEqual({ items: [], userErrors: [{ code: 'TOO_MANY', field: ['input', 'items'], message: expect.any(String) }] });
    expect(await countItems(server, alice.id)).toBe(before);
  });

  it('adds 500 items in one call', async () => {
    const user = await newUser(server);
    await addConnection(server, user.id, 'netsuite');
    await addConnection(server, user.id, 'shopify');
    const res = await add(user.token, Array.from({ length: 500 }, (_, i) => nsToShop(String(20_000 + i))));
    expect(res.data!.addToSyncList.userErrors).toEqual([]);
    expect(res.data!.addToSyncList.items).toHaveLength(500);
    expect(await countItems(server, user.id)).toBe(500);
  });

  it('answers BAD_USER_INPUT for a malformed connection id and a validation error for a wrong enum, writing nothing', async () => {
    const before = await countItems(server, alice.id);
    const badId = await add(alice.token, [nsToShop('720', { targetConnectionId: 'not-a-uuid' })]);
    expect(badId.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(badId.errors![0]!.extensions!.field).toBe('input.items.0.targetConnectionId');
    const badEnum = await add(alice.token, [nsToShop('721', { itemType: 'WIDGET' })]);
    expect(badEnum.status).toBe(400);
    expect(badEnum.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(badEnum.errors![0]!.message).toContain('itemType');
    const missing = await server.gql(ADD, { input: { items: [{ itemType: 'PRODUCT', sourcePlatform: 'NETSUITE', targetPlatform: 'SHOPIFY' }] } }, alice.token);
    expect(missing.status).toBe(400);
    expect(missing.errors![0]!.message).toContain('sourceId');
    expect(await countItems(server, alice.id)).toBe(before);
  });

  it('needs a token', async () => {
    const res = await add('', [nsToShop('730')]);
    expect(res.status).toBe(401);
  });
});
