import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { addConnection, insertItems, insertRun, insertRunItems, newUser, WALLS, withWalls, type KitUser } from '../sync-list/sync-list.testkit.js';

const HISTORY = `query($filter: SyncHistoryFilter) { syncHistory(first: 100, filter: $filter) { totalCount edges { node { id } } } }`;
const ENTRY = `query($id: ID!) { syncHistoryEntry(id: $id) { id items { totalCount edges { node { id syncListItem { id } } } } } }`;

interface HistoryResult {
  syncHistory: { totalCount: number; edges: Array<{ node: { id: string } }> };
}
interface EntryResult {
  syncHistoryEntry: { id: string; items: { totalCount: number; edges: Array<{ node: { id: string; syncListItem: { id: string } | null } }> } } | null;
}

let server: TestServer;
let alice: KitUser;
let bob: KitUser;
let aliceRun: string;
let bobRun: string;

beforeAll(async () => {
  server = await startTestServer();
  [alice, bob] = [await newUser(server), await newUser(server)];
  const ns = await addConnection(server, alice.id, 'netsuite');
  const shop = await addConnection(server, alice.id, 'shopify');
  const [item] = await insertItems(server, alice.id, [{ sourceConnectionId: ns, targetConnectionId: shop, sourceId: '1' }]);
  aliceRun = await insertRun(server, { userId: alice.id, syncType: 'delta' });
  await insertRunItems(server, alice.id, aliceRun, [{ syncListId: item! }]);
  bobRun = await insertRun(server, { userId: bob.id, syncType: 'delta' });
  await insertRun(server, { userId: null, syncType: 'scheduled' });
});
afterAll(() => server?.stop());

describe.each(WALLS)("another user's history, with %s", (walls) => {
  it('is left out of syncHistory, whatever the filter', async () => {
    await withWalls(walls, async () => {
      const all = await server.gql<HistoryResult>(HISTORY, {}, bob.token);
      expect(all.data!.syncHistory).toEqual({ totalCount: 1, edges: [{ node: { id: bobRun } }] });
      const delta = await server.gql<HistoryResult>(HISTORY, { filter: { syncType: 'DELTA' } }, bob.token);
      expect(delta.data!.syncHistory.edges.map((e) => e.node.id)).toEqual([bobRun]);
    });
  });

  it('answers syncHistoryEntry exactly like a missing id', async () => {
    await withWalls(walls, async () => {
      const theirs = await server.gql<EntryResult>(ENTRY, { id: aliceRun }, bob.token);
      const missing = await server.gql<EntryResult>(ENTRY, { id: '00000000-0000-4000-8000-000000000000' }, bob.token);
      expect(theirs).toEqual(missing);
      expect(theirs.data!.syncHistoryEntry).toBeNull();
      // The owner still reads it, items and all, with this wall down.
      const own = await server.gql<EntryResult>(ENTRY, { id: aliceRun }, alice.token);
      expect(own.data!.syncHistoryEntry).toMatchObject({ id: aliceRun, items: { totalCount: 1 } });
      expect(own.data!.syncHistoryEntry!.items.edges[0]!.node.syncListItem).not.toBeNull();
    });
  });
});
