import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.js';
import {
  ADD, addConnection, countItems, GET, LIST, newUser, REMOVE, UPDATE, WALLS, withWalls,
  type AddResult, type ItemShape, type KitUser, type ListResult, type UserErrorShape,
} from './sync-list.testkit.js';

let server: TestServer;
let alice: KitUser;
let bob: KitUser;
let aliceNs: string;
let aliceItem: ItemShape;

beforeAll(async () => {
  server = await startTestServer();
  [alice, bob] = [await newUser(server), await newUser(server)];
  aliceNs = await addConnection(server, alice.id, 'netsuite');
  await addConnection(server, alice.id, 'shopify');
  await addConnection(server, bob.id, 'netsuite');
  await addConnection(server, bob.id, 'shopify');
  const res = await server.gql<AddResult>(ADD, { input: { items: [{ itemType: 'PRODUCT', sourcePlatform: 'NETSUITE', targetPlatform: 'SHOPIFY', sourceId: '31337', metadata: { name: 'Secret' } }] } }, alice.token);
  aliceItem = res.data!.addToSyncList.items[0]!;
});
afterAll(() => server?.stop());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe.each(WALLS)("another user's sync list, with %s", (walls) => {
  it('is invisible to syncListItem and syncList, exactly like a missing id', async () => {
    await withWalls(walls, async () => {
      const get = await server.gql<{ syncListItem: ItemShape | null }>(GET, { id: aliceItem.id }, bob.token);
      const missing = await server.gql<{ syncListItem: ItemShape | null }>(GET, { id: UNKNOWN }, bob.token);
      expect(get).toEqual(missing);
      expect(get.data!.syncListItem).toBeNull();
      const listed = await server.gql<ListResult>(LIST, { first: 100 }, bob.token);
      expect(listed.data!.syncList.edges.map((e) => e.node.id)).not.toContain(aliceItem.id);
      const searched = await server.gql<ListResult>(LIST, { filter: { search: 'secret' } }, bob.token);
      expect(searched.data!.syncList).toMatchObject({ totalCount: 0, edges: [] });
      // The owner still sees it with this wall down.
      const own = await server.gql<{ syncListItem: ItemShape | null }>(GET, { id: aliceItem.id }, alice.token);
      expect(own.data!.syncListItem?.id).toBe(aliceItem.id);
    });
  });

  it('cannot be updated: NOT_FOUND, the same answer as for a missing id', async () => {
    await withWalls(walls, async () => {
      type Update = { updateSyncListItem: { item: unknown; userErrors: UserErrorShape[] } };
      const theirs = await server.gql<Update>(UPDATE, { id: aliceItem.id, input: { isActive: false, syncMode: 'FULL', priority: 9 } }, bob.token);
      const missing = await server.gql<Update>(UPDATE, { id: UNKNOWN, input: { isActive: false, syncMode: 'FULL', priority: 9 } }, bob.token);
      expect(theirs.data!.updateSyncListItem).toEqual(missing.data!.updateSyncListItem);
      expect(theirs.data!.updateSyncListItem.userErrors[0]!.code).toBe('NOT_FOUND');
    });
    const row = await server.runtime.db.asService((tx) => tx.syncListItem.findUnique({ where: { id: aliceItem.id } }));
    expect(row).toMatchObject({ isActive: true, syncMode: 'delta', priority: 0 });
  });

  it('cannot be removed: not in removedIds, NOT_FOUND like a missing id', async () => {
    await withWalls(walls, async () => {
      type Remove = { removeFromSyncList: { removedIds: string[]; userErrors: UserErrorShape[] } };
      const theirs = await server.gql<Remove>(REMOVE, { ids: [aliceItem.id] }, bob.token);
      const missing = await server.gql<Remove>(REMOVE, { ids: [UNKNOWN] }, bob.token);
      expect(theirs.data!.removeFromSyncList).toEqual(missing.data!.removeFromSyncList);
      expect(theirs.data!.removeFromSyncList).toEqual({ removedIds: [], userErrors: [{ code: 'NOT_FOUND', field: ['ids', '0'], message: expect.any(String) }] });
    });
    expect(await countItems(server, alice.id)).toBe(1);
  });

  it("cannot add items on another user's connection: NOT_FOUND like a missing connection", async () => {
    const before = await countItems(server, bob.id);
    await withWalls(walls, async () => {
      const item = (sourceConnectionId: string) => ({ itemType: 'PRODUCT', sourcePlatform: 'NETSUITE', targetPlatform: 'SHOPIFY', sourceId: '77', sourceConnectionId });
      const theirs = await server.gql<AddResult>(ADD, { input: { items: [item(aliceNs)] } }, bob.token);
      const missing = await server.gql<AddResult>(ADD, { input: { items: [item(UNKNOWN)] } }, bob.token);
      expect(theirs.data!.addToSyncList).toEqual(missing.data!.addToSyncList);
      expect(theirs.data!.addToSyncList.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'items', '0', 'sourceConnectionId'], message: expect.any(String) }]);
    });
    expect(await countItems(server, bob.id)).toBe(before);
  });

  it('does not count as already listed when another user lists the same record', async () => {
    await withWalls(walls, async () => {
      const res = await server.gql<AddResult>(ADD, { input: { items: [{ itemType: 'PRODUCT', sourcePlatform: 'NETSUITE', targetPlatform: 'SHOPIFY', sourceId: '31337' }] } }, bob.token);
      expect(res.data!.addToSyncList.userErrors).toEqual([]);
      const added = res.data!.addToSyncList.items[0]!;
      await server.gql(REMOVE, { ids: [added.id] }, bob.token);
    });
  });
});
