import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.js';
import {
  ADD, addConnection, countItems, GET, insertItems, insertRun, insertRunItems, LIST, newUser, REMOVE, UPDATE,
  type AddResult, type ItemShape, type KitUser, type ListResult, type UserErrorShape,
} from './sync-list.testkit.js';

let server: TestServer;
let alice: KitUser;
let nextSourceId = 10_000;

beforeAll(async () => {
  server = await startTestServer();
  alice = await newUser(server);
  await addConnection(server, alice.id, 'netsuite');
  await addConnection(server, alice.id, 'shopify');
});
afterAll(() => server?.stop());

const list = (token: string, variables: Record<string, unknown>) => server.gql<ListResult>(LIST, variables, token);
const addOne = async (token: string, item: Record<string, unknown>): Promise<ItemShape> => {
  const res = await server.gql<AddResult>(ADD, { input: { items: [{ itemType: 'PRODUCT', sourcePlatform: 'NETSUITE', targetPlatform: 'SHOPIFY', ...item }] } }, token);
  return res.data!.addToSyncList.items[0]!;
};

describe('syncList', () => {
  it('pages newest first over several pages with stable cursors and a totalCount', async () => {
    const user = await newUser(server);
    const [uNs, uShop] = [await addConnection(server, user.id, 'netsuite'), await addConnection(server, user.id, 'shopify')];
    // Seven items, two of them created at the same instant: the id breaks the tie.
    const at = (s: number) => new Date(Date.UTC(2024, 0, 1, 0, 0, s));
    const created = [0, 1, 2, 3, 3, 4, 5].map((s, i) => ({ sourceConnectionId: uNs, targetConnectionId: uShop, sourceId: String(100 + i), createdAt: at(s) }));
    await insertItems(server, user.id, created);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: Awaited<ReturnType<typeof list>> = await list(user.token, { first: 3, after });
      const conn = res.data!.syncList;
      expect(conn.totalCount).toBe(7);
      expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...conn.edges.map((e) => e.node.sourceId));
      pages++;
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(0, 2)).toEqual(['106', '105']);
    expect(seen.slice(-2)).toEqual(['101', '100']);
    // Adding an item meanwhile does not move an existing cursor.
    const first = await list(user.token, { first: 3 });
    await addOne(user.token, { sourceId: '999' });
    const again = await list(user.token, { first: 3, after: first.data!.syncList.pageInfo.endCursor });
    expect(again.data!.syncList.edges.map((e) => e.node.sourceId)).toEqual(seen.slice(3, 6));
  });

  it('filters by status, item type, mode, state, source platform and a search over ids and metadata', async () => {
    const user = await newUser(server);
    await addConnection(server, user.id, 'netsuite');
    await addConnection(server, user.id, 'shopify');
    const a = await addOne(user.token, { sourceId: '11', metadata: { name: 'Blue Lamp', sku: 'LMP-1' } });
    const b = await addOne(user.token, { sourceId: '12', itemType: 'INVENTORY', syncMode: 'FULL', metadata: { name: 'Red Chair', sku: 'CHR-9' } });
    const c = await addOne(user.token, { sourceId: '13', sourcePlatform: 'SHOPIFY', targetPlatform: 'NETSUITE', targetId: '4242', isActive: false, metadata: { name: '100% wool' } });
    await server.runtime.db.asService((tx) => tx.syncListItem.update({ where: { id: b.id }, data: { lastSyncStatus: 'failed' } }));
    const ids = async (filter: Record<string, unknown>) => (await list(user.token, { filter })).data!.syncList.edges.map((e) => e.node.id).sort();
    expect(await ids({ status: 'FAILED' })).toEqual([b.id]);
    expect(await ids({ itemType: 'PRODUCT' })).toEqual([a.id, c.id].sort());
    expect(await ids({ syncMode: 'FULL' })).toEqual([b.id]);
    expect(await ids({ isActive: false })).toEqual([c.id]);
    expect(await ids({ sourcePlatform: 'SHOPIFY' })).toEqual([c.id]);
    expect(await ids({ search: 'lamp' })).toEqual([a.id]);
    expect(await ids({ search: 'chr-9' })).toEqual([b.id]);
    expect(await ids({ search: 'Product/13' })).toEqual([c.id]);
    expect(await ids({ search: '4242' })).toEqual([c.id]);
    expect(await ids({ search: '%' })).toEqual([c.id]);
    expect(await ids({ search: '_' })).toEqual([]);
    expect(await ids({ search: 'L_MP' })).toEqual([]);
    expect(await ids({ search: '  ' })).toEqual([a.id, b.id, c.id].sort());
    expect(await ids({ itemType: 'PRODUCT', isActive: true, search: 'blue' })).toEqual([a.id]);
    expect((await list(user.token, { filter: { status: 'FAILED' } })).data!.syncList.totalCount).toBe(1);
  });

  it('answers BAD_USER_INPUT for a malformed cursor, first over 100, a search over 200 characters, and a wrong enum', async () => {
    const codes = async (variables: Record<string, unknown>) => (await list(alice.token, variables)).errors?.map((e) => e.extensions?.code);
    expect(await codes({ after: 'nope' })).toEqual(['BAD_USER_INPUT']);
    expect(await codes({ first: 101 })).toEqual(['BAD_USER_INPUT']);
    const long = await list(alice.token, { filter: { search: 'x'.repeat(201) } });
    expect(long.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
    const badEnum = await list(alice.token, { filter: { status: 'BROKEN' } });
    expect(badEnum.status).toBe(400);
    expect(badEnum.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('syncListItem and lastResult', () => {
  it('reads an item with its outcome in the last run that touched it', async () => {
    const item = await addOne(alice.token, { sourceId: '300' });
    const fresh = await server.gql<{ syncListItem: ItemShape }>(GET, { id: item.id }, alice.token);
    expect(fresh.data!.syncListItem).toMatchObject({ id: item.id, sourceId: '300', lastResult: null });
    const run1 = await insertRun(server, { userId: alice.id });
    await insertRunItems(server, alice.id, run1, [{ syncListId: item.id, action: 'created', reason: 'never_synced' }]);
    const run2 = await insertRun(server, { userId: alice.id });
    await insertRunItems(server, alice.id, run2, [{ syncListId: item.id, action: 'failed', reason: 'permanent_error', changedFields: ['price'], error: 'price is invalid' }]);
    const res = await server.gql<{ syncListItem: ItemShape }>(GET, { id: item.id }, alice.token);
    expect(res.data!.syncListItem.lastResult).toMatchObject({ action: 'FAILED', reason: 'PERMANENT_ERROR', changedFields: ['price'], error: 'price is invalid' });
    const listed = (await list(alice.token, { first: 100 })).data!.syncList.edges.find((e) => e.node.id === item.id)!;
    expect(listed.node.lastResult).toEqual({ action: 'FAILED', reason: 'PERMANENT_ERROR', changedFields: ['price'], error: 'price is invalid' });
  });

  it('answers null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const missing = await server.gql<{ syncListItem: null }>(GET, { id: '00000000-0000-4000-8000-000000000000' }, alice.token);
    expect(missing.data!.syncListItem).toBeNull();
    const bad = await server.gql(GET, { id: '42' }, alice.token);
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

interface UpdateResult {
  updateSyncListItem: { item: { id: string; syncMode: string; isActive: boolean; priority: number } | null; userErrors: UserErrorShape[] };
}

describe('updateSyncListItem', () => {
  it('toggles mode and state and sets the priority, leaving out what is not given', async () => {
    const item = await addOne(alice.token, { sourceId: '400' });
    const update = (input: Record<string, unknown>) => server.gql<UpdateResult>(UPDATE, { id: item.id, input }, alice.token);
    expect((await update({ syncMode: 'FULL' })).data!.updateSyncListItem).toEqual({ item: { id: item.id, syncMode: 'FULL', isActive: true, priority: 0 }, userErrors: [] });
    expect((await update({ isActive: false, priority: -1000 })).data!.updateSyncListItem.item).toEqual({ id: item.id, syncMode: 'FULL', isActive: false, priority: -1000 });
    expect((await update({})).data!.updateSyncListItem.item).toEqual({ id: item.id, syncMode: 'FULL', isActive: false, priority: -1000 });
  });

  it("answers the item's lastResult in the mutation payloads too", async () => {
    const added = await server.gql<{ addToSyncList: { items: Array<{ id: string; lastResult: null }> } }>(
      `mutation($input: AddToSyncListInput!) { addToSyncList(input: $input) { items { id lastResult { action } } userErrors { code } } }`,
      { input: { items: [{ itemType: 'PRODUCT', sourcePlatform: 'NETSUITE', targetPlatform: 'SHOPIFY', sourceId: String(nextSourceId++) }] } },
      alice.token,
    );
    const item = added.data!.addToSyncList.items[0]!;
    expect(item.lastResult).toBeNull();
    const run = await insertRun(server, { userId: alice.id });
    await insertRunItems(server, alice.id, run, [{ syncListId: item.id, action: 'skipped', reason: 'unchanged' }]);
    const updated = await server.gql<{ updateSyncListItem: { item: { lastResult: { action: string; reason: string } } } }>(
      `mutation($id: ID!) { updateSyncListItem(id: $id, input: { priority: 5 }) { item { lastResult { action reason } } userErrors { code } } }`,
      { id: item.id },
      alice.token,
    );
    expect(updated.data!.updateSyncListItem.item.lastResult).toEqual({ action: 'SKIPPED', reason: 'UNCHANGED' });
  });

  it.each([
    [{ priority: 1001 }, 'priority'],
    [{ priority: -1001 }, 'priority'],
    [{ syncMode: null }, 'syncMode'],
    [{ isActive: null }, 'isActive'],
  ])('refuses %j with a userError on %s and changes nothing', async (input, field) => {
    const item = await addOne(alice.token, { sourceId: String(nextSourceId++) });
    const res = await server.gql<UpdateResult>(UPDATE, { id: item.id, input: { isActive: false, ...input } }, alice.token);
    expect(res.data!.updateSyncListItem).toEqual({ item: null, userErrors: [{ code: 'INVALID', field: ['input', field], message: expect.any(String) }] });
    const after = await server.gql<{ syncListItem: ItemShape }>(GET, { id: item.id }, alice.token);
    expect(after.data!.syncListItem).toMatchObject({ isActive: true, syncMode: 'DELTA', priority: 0 });
  });

  it('answers NOT_FOUND for an unknown id, BAD_USER_INPUT for a malformed one and a validation error for a non-integer priority', async () => {
    const missing = await server.gql<UpdateResult>(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { isActive: false } }, alice.token);
    expect(missing.data!.updateSyncListItem).toEqual({ item: null, userErrors: [{ code: 'NOT_FOUND', field: ['id'], message: expect.any(String) }] });
    expect((await server.gql(UPDATE, { id: 'x', input: {} }, alice.token)).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const float = await server.gql(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { priority: 1.5 } }, alice.token);
    expect(float.status).toBe(400);
  });
});

interface RemoveResult {
  removeFromSyncList: { removedIds: string[]; userErrors: UserErrorShape[] };
}

describe('removeFromSyncList', () => {
  it('removes many at once and reports unknown ids as NOT_FOUND by index', async () => {
    const user = await newUser(server);
    await addConnection(server, user.id, 'netsuite');
    await addConnection(server, user.id, 'shopify');
    const a = await addOne(user.token, { sourceId: '1' });
    const b = await addOne(user.token, { sourceId: '2' });
    const c = await addOne(user.token, { sourceId: '3' });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const res = await server.gql<RemoveResult>(REMOVE, { ids: [a.id, unknown, b.id.toUpperCase(), a.id] }, user.token);
    expect(res.data!.removeFromSyncList.removedIds.sort()).toEqual([a.id, b.id].sort());
    expect(res.data!.removeFromSyncList.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['ids', '1'], message: expect.any(String) }]);
    expect(await countItems(server, user.id)).toBe(1);
    const again = await server.gql<RemoveResult>(REMOVE, { ids: [a.id, c.id] }, user.token);
    expect(again.data!.removeFromSyncList).toEqual({ removedIds: [c.id], userErrors: [{ code: 'NOT_FOUND', field: ['ids', '0'], message: expect.any(String) }] });
  });

  it('refuses more than 1000 ids or a malformed id with BAD_USER_INPUT and removes nothing', async () => {
    const item = await addOne(alice.token, { sourceId: '500500' });
    const many = Array.from({ length: 1001 }, () => item.id);
    const tooMany = await server.gql(REMOVE, { ids: many }, alice.token);
    expect(tooMany.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    const malformed = await server.gql(REMOVE, { ids: [item.id, 'nope'] }, alice.token);
    expect(malformed.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect((await server.gql<{ syncListItem: ItemShape | null }>(GET, { id: item.id }, alice.token)).data!.syncListItem?.id).toBe(item.id);
  });

  it('keeps the run rows of a removed item, no longer linked to it', async () => {
    const item = await addOne(alice.token, { sourceId: '600600' });
    const run = await insertRun(server, { userId: alice.id });
    const [rowId] = await insertRunItems(server, alice.id, run, [{ syncListId: item.id }]);
    await server.gql<RemoveResult>(REMOVE, { ids: [item.id] }, alice.token);
    const row = await server.runtime.db.asService((tx) => tx.syncHistoryItem.findUnique({ where: { id: rowId } }));
    expect(row).toMatchObject({ id: rowId, syncListId: null });
  });
});
