import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { addConnection, insertItems, insertRun, insertRunItems, newUser, queryCounter, REMOVE, type KitUser } from '../sync-list/sync-list.testkit.js';

const HISTORY_FIELDS = 'id syncType status itemsProcessed itemsCreated itemsUpdated itemsFailed itemsSkipped durationMs metadata createdAt finishedAt';
const HISTORY = `query($first: Int, $after: String, $filter: SyncHistoryFilter) { syncHistory(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${HISTORY_FIELDS} } } } }`;
const ENTRY = `query($id: ID!, $first: Int, $after: String) { syncHistoryEntry(id: $id) { ${HISTORY_FIELDS} items(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id action reason changedFields error attempt durationMs syncListItem { id sourceId } } } } } }`;

interface Run {
  id: string;
  syncType: string;
  status: string;
  itemsProcessed: number;
  durationMs: number | null;
  metadata: unknown;
  createdAt: string;
  finishedAt: string | null;
}
interface HistoryResult {
  syncHistory: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ cursor: string; node: Run }> };
}
interface EntryItem {
  id: string;
  action: string;
  reason: string;
  changedFields: string[];
  error: string | null;
  attempt: number;
  durationMs: number | null;
  syncListItem: { id: string; sourceId: string } | null;
}
interface EntryResult {
  syncHistoryEntry: (Run & { items: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: EntryItem }> } }) | null;
}

let server: TestServer;
let alice: KitUser;
const at = (minute: number) => new Date(Date.UTC(2024, 5, 1, 12, minute));
const runs: Record<string, string> = {};
let systemRun: string;

beforeAll(async () => {
  server = await startTestServer();
  alice = await newUser(server);
  runs.m0 = await insertRun(server, { userId: alice.id, syncType: 'manual', status: 'completed', createdAt: at(0), durationMs: 1200, finishedAt: at(1), itemsProcessed: 3, metadata: { note: 'first' } });
  runs.d1 = await insertRun(server, { userId: alice.id, syncType: 'delta', status: 'failed', createdAt: at(10) });
  runs.s2 = await insertRun(server, { userId: alice.id, syncType: 'scheduled', status: 'partial_success', createdAt: at(20) });
  runs.d3 = await insertRun(server, { userId: alice.id, syncType: 'delta', status: 'completed', createdAt: at(30) });
  runs.r4 = await insertRun(server, { userId: alice.id, syncType: 'full', status: 'running', createdAt: at(40) });
  systemRun = await insertRun(server, { userId: null, syncType: 'scheduled', status: 'completed', createdAt: at(20) });
});
afterAll(() => server?.stop());

const history = (token: string, variables: Record<string, unknown> = {}) => server.gql<HistoryResult>(HISTORY, variables, token);
const ids = async (token: string, filter: Record<string, unknown>) => (await history(token, { filter })).data!.syncHistory.edges.map((e) => e.node.id);

describe('syncHistory', () => {
  it('pages newest first with stable cursors, counts and run fields', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: HistoryResult = (await history(alice.token, { first: 2, after })).data!;
      expect(res.syncHistory.totalCount).toBe(5);
      seen.push(...res.syncHistory.edges.map((e) => e.node.id));
      if (!res.syncHistory.pageInfo.hasNextPage) break;
      after = res.syncHistory.pageInfo.endCursor;
    }
    expect(seen).toEqual([runs.r4, runs.d3, runs.s2, runs.d1, runs.m0]);
    const first = (await history(alice.token, { filter: { syncType: 'MANUAL' } })).data!.syncHistory.edges[0]!.node;
    expect(first).toMatchObject({ syncType: 'MANUAL', status: 'COMPLETED', itemsProcessed: 3, durationMs: 1200, metadata: { note: 'first' }, createdAt: at(0).toISOString(), finishedAt: at(1).toISOString() });
    const running = (await history(alice.token, { first: 1 })).data!.syncHistory.edges[0]!.node;
    expect(running).toMatchObject({ status: 'RUNNING', durationMs: null, finishedAt: null });
  });

  it('filters by type, status and a from-inclusive, to-exclusive range', async () => {
    expect(await ids(alice.token, { syncType: 'DELTA' })).toEqual([runs.d3, runs.d1]);
    expect(await ids(alice.token, { status: 'COMPLETED' })).toEqual([runs.d3, runs.m0]);
    expect(await ids(alice.token, { syncType: 'DELTA', status: 'FAILED' })).toEqual([runs.d1]);
    expect(await ids(alice.token, { from: at(10).toISOString(), to: at(30).toISOString() })).toEqual([runs.s2, runs.d1]);
    expect(await ids(alice.token, { from: '2024-06-01T14:20:00+02:00' })).toEqual([runs.r4, runs.d3, runs.s2]);
    expect(await ids(alice.token, { to: at(10).toISOString() })).toEqual([runs.m0]);
    expect(await ids(alice.token, { from: at(10).toISOString(), to: at(10).toISOString() })).toEqual([]);
    expect((await history(alice.token, { filter: { syncType: 'DELTA' } })).data!.syncHistory.totalCount).toBe(2);
  });

  it('answers BAD_USER_INPUT for from after to, a bad instant, a wrong enum, a malformed cursor and first over 100', async () => {
    const reversed = await history(alice.token, { filter: { from: at(30).toISOString(), to: at(10).toISOString() } });
    expect(reversed.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.from' });
    for (const variables of [{ filter: { from: '2024-13-01T00:00:00Z' } }, { filter: { from: 'yesterday' } }, { filter: { status: 'DONE' } }]) {
      const res = await history(alice.token, variables);
      expect(res.status).toBe(400);
      expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    }
    expect((await history(alice.token, { after: 'zzz' })).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect((await history(alice.token, { first: 101 })).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('keeps system-level runs from users and shows them to the service role, with no other user\'s runs', async () => {
    expect(await ids(alice.token, {})).not.toContain(systemRun);
    const service = await server.serviceToken();
    expect(await ids(service, {})).toEqual([systemRun]);
    const entry = await server.gql<EntryResult>(ENTRY, { id: systemRun }, service);
    expect(entry.data!.syncHistoryEntry).toMatchObject({ id: systemRun, syncType: 'SCHEDULED', items: { totalCount: 0, edges: [] } });
    expect((await server.gql<EntryResult>(ENTRY, { id: runs.m0 }, service)).data!.syncHistoryEntry).toBeNull();
    expect((await server.gql<EntryResult>(ENTRY, { id: systemRun }, alice.token)).data!.syncHistoryEntry).toBeNull();
    // A service token with a sub sees that user's runs and the system rows.
    const aliceAsService = await server.token(alice.id, { role: 'service_role' });
    expect((await ids(aliceAsService, { syncType: 'SCHEDULED' })).sort()).toEqual([runs.s2, systemRun].sort());
  });

  it('needs a token', async () => {
    expect((await history('')).status).toBe(401);
  });
});

describe('syncHistoryEntry', () => {
  it('reads a run with its per-item rows, paged in run order, each linked to its item until removed', async () => {
    const ns = await addConnection(server, alice.id, 'netsuite');
    const shop = await addConnection(server, alice.id, 'shopify');
    const listIds = await insertItems(server, alice.id, [1, 2, 3, 4, 5].map((n) => ({ sourceConnectionId: ns, targetConnectionId: shop, sourceId: String(900 + n) })));
    const run = await insertRun(server, { userId: alice.id, createdAt: at(50) });
    const rowIds = await insertRunItems(server, alice.id, run, listIds.map((syncListId, i) => ({
      syncListId,
      action: i === 0 ? 'failed' : 'updated',
      reason: i === 0 ? 'transient_error' : 'changed_fields',
      changedFields: i === 0 ? [] : ['price', 'title'],
      error: i === 0 ? 'timeout' : null,
    })));
    const seen: EntryItem[] = [];
    let after: string | null = null;
    for (;;) {
      const res: EntryResult = (await server.gql<EntryResult>(ENTRY, { id: run, first: 2, after }, alice.token)).data!;
      const items = res.syncHistoryEntry!.items;
      expect(items.totalCount).toBe(5);
      seen.push(...items.edges.map((e) => e.node));
      if (!items.pageInfo.hasNextPage) break;
      after = items.pageInfo.endCursor;
    }
    expect(seen.map((s) => s.id)).toEqual(rowIds);
    expect(seen[0]).toEqual({ id: rowIds[0], action: 'FAILED', reason: 'TRANSIENT_ERROR', changedFields: [], error: 'timeout', attempt: 1, durationMs: null, syncListItem: { id: listIds[0], sourceId: '901' } });
    expect(seen[1]).toMatchObject({ action: 'UPDATED', reason: 'CHANGED_FIELDS', changedFields: ['price', 'title'] });

    await server.gql(REMOVE, { ids: [listIds[0]] }, alice.token);
    const afterRemoval = await server.gql<EntryResult>(ENTRY, { id: run, first: 1 }, alice.token);
    expect(afterRemoval.data!.syncHistoryEntry!.items.edges[0]!.node).toMatchObject({ id: rowIds[0], syncListItem: null });
  });

  it('answers null for an unknown id and BAD_USER_INPUT for a malformed id or items cursor', async () => {
    expect((await server.gql<EntryResult>(ENTRY, { id: '00000000-0000-4000-8000-000000000000' }, alice.token)).data!.syncHistoryEntry).toBeNull();
    expect((await server.gql(ENTRY, { id: 'run-1' }, alice.token)).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const badCursor = await server.gql(ENTRY, { id: runs.m0, after: 'nope' }, alice.token);
    expect(badCursor.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect((await server.gql(ENTRY, { id: runs.m0, first: 500 }, alice.token)).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('loads 100 item rows with their sync-list items in a constant number of queries', async () => {
    const user = await newUser(server);
    const ns = await addConnection(server, user.id, 'netsuite');
    const shop = await addConnection(server, user.id, 'shopify');
    const listIds = await insertItems(server, user.id, Array.from({ length: 100 }, (_, i) => ({ sourceConnectionId: ns, targetConnectionId: shop, sourceId: String(i + 1) })));
    const run = await insertRun(server, { userId: user.id });
    await insertRunItems(server, user.id, run, listIds.map((syncListId) => ({ syncListId })));
    const counter = queryCounter(server.runtime.db);
    counter.start();
    const res = await server.gql<EntryResult>(ENTRY, { id: run, first: 100 }, user.token);
    const statements = counter.stop(user.id);
    expect(res.data!.syncHistoryEntry!.items.edges.every((e) => e.node.syncListItem !== null)).toBe(true);
    process.stdout.write(`[query-count] syncHistoryEntry.items(first: 100) with syncListItem ran ${statements.length} statements\n`);
    // The entry's transaction (4) and the items': page, their sync-list rows, count (6). Never one per row.
    expect(statements.length).toBeLessThanOrEqual(10);
  });
});
