import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { addConnection, insertItems, insertRun, insertRunItems, LIST, newUser, queryCounter, type KitUser, type ListResult } from './sync-list.testkit.js';

let server: TestServer;
let alice: KitUser;
let counter: ReturnType<typeof queryCounter>;

beforeAll(async () => {
  server = await startTestServer();
  counter = queryCounter(server.runtime.db);
  alice = await newUser(server);
  const ns = await addConnection(server, alice.id, 'netsuite');
  const shop = await addConnection(server, alice.id, 'shopify');
  const ids = await insertItems(server, alice.id, Array.from({ length: 100 }, (_, i) => ({ sourceConnectionId: ns, targetConnectionId: shop, sourceId: String(i + 1) })));
  const run = await insertRun(server, { userId: alice.id });
  await insertRunItems(server, alice.id, run, ids.map((syncListId, i) => ({ syncListId, action: i % 2 ? 'skipped' : 'failed', reason: i % 2 ? 'unchanged' : 'permanent_error' })));
});
afterAll(() => server?.stop());

async function measure(first: number): Promise<{ statements: string[]; res: Awaited<ReturnType<typeof server.gql<ListResult>>> }> {
  counter.start();
  const res = await server.gql<ListResult>(LIST, { first }, alice.token);
  return { statements: counter.stop(alice.id), res };
}

describe('sync list query count', () => {
  it('loads a page of 100 items with their lastResult in a constant number of queries', async () => {
    await measure(1); // warms the user cache, so only the page's own queries are counted
    const hundred = await measure(100);
    const edges = hundred.res.data!.syncList.edges;
    expect(edges).toHaveLength(100);
    expect(edges.every((e) => e.node.lastResult !== null)).toBe(true);
    const ten = await measure(10);
    // BEGIN, set_config, the page, its lastResult rows, the count, COMMIT.
    process.stdout.write(`[query-count] syncList(first: 100) with lastResult ran ${hundred.statements.length} statements\n`);
    expect(hundred.statements.length).toBeLessThanOrEqual(6);
    expect(hundred.statements.length).toBe(ten.statements.length);
  });
});
