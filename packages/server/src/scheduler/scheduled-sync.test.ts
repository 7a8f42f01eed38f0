import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItems, startTestStack, type TestStack } from '../../test/stack.js';
import { product } from '../../test/sync-helpers.js';

const RUN = `mutation($slot: String) { runScheduledSync(slot: $slot) { totalUsers totalItems itemsProcessed itemsSucceeded itemsFailed duration syncHistoryId
  userResults { userId itemsProcessed itemsSucceeded itemsFailed errors } } }`;

interface Scheduled {
  runScheduledSync: {
    totalUsers: number;
    totalItems: number;
    itemsProcessed: number;
    itemsSucceeded: number;
    itemsFailed: number;
    duration: number;
    syncHistoryId: string;
    userResults: Array<{ userId: string; itemsProcessed: number; itemsSucceeded: number; itemsFailed: number; errors: string[] }>;
  };
}

for (const workers of ['1', '0']) {
  describe(`scheduled sync (SYNC_WORKER_CONCURRENCY=${workers})`, () => {
    let stack: TestStack;
    beforeAll(async () => {
      stack = await startTestStack({ netsuiteProducts: 30, env: { SYNC_WORKER_CONCURRENCY: workers, SYNC_BATCH_SIZE: '3', SYNC_CLAIM_TTL_MS: '5000' } });
    });
    afterAll(() => stack?.stop());

    it('syncs 3 users with mixed results: counts, the system row and the linked user rows exactly right', async () => {
      const [a, b, c] = [stack.user, await stack.newUser(), await stack.newUser()];
      await addItems(stack, a, ['1', '2'].map((id) => product('NETSUITE', id)));
      // b: 7 items (batches of 3) with one whose source is missing.
      await addItems(stack, b, ['3', '4', '5', '6', '7', '8', '99999'].map((id) => product('NETSUITE', id)));
      // c: one inactive item (not synced) and one active.
      await addItems(stack, c, [product('NETSUITE', '9'), product('NETSUITE', '10', { isActive: false })]);
      const res = await stack.server.gql<Scheduled>(RUN, {}, await stack.server.serviceToken());
      expect(res.errors).toBeUndefined();
      const r = res.data!.runScheduledSync;
      expect(r).toMatchObject({ totalUsers: 3, totalItems: 10, itemsProcessed: 10, itemsSucceeded: 9, itemsFailed: 1 });
      const byUser = new Map(r.userResults.map((u) => [u.userId, u]));
      expect(byUser.get(a.id)).toEqual({ userId: a.id, itemsProcessed: 2, itemsSucceeded: 2, itemsFailed: 0, errors: [] });
      expect(byUser.get(b.id)).toMatchObject({ itemsProcessed: 7, itemsSucceeded: 6, itemsFailed: 1 });
      expect(byUser.get(b.id)!.errors).toEqual([expect.stringMatching(/^99999: /)]);
      expect(byUser.get(c.id)).toMatchObject({ itemsProcessed: 1, itemsFailed: 0 });
      const rows = await stack.server.runtime.db.asService((tx) => tx.syncHistory.findMany({ where: { OR: [{ id: r.syncHistoryId }, { parentId: r.syncHistoryId }] } }));
      const system = rows.find((x) => x.id === r.syncHistoryId)!;
      expect(system).toMatchObject({ userId: null, syncType: 'scheduled', status: 'partial_success', itemsProcessed: 10, itemsCreated: 9, itemsFailed: 1, pendingJobs: 0 });
      const userRows = rows.filter((x) => x.parentId === r.syncHistoryId);
      expect(userRows).toHaveLength(3);
      expect(userRows.every((u) => u.syncType === 'scheduled' && u.trigger === 'api' && u.status !== 'running' && u.pendingJobs === 0)).toBe(true);
      expect(userRows.find((u) => u.userId === b.id)).toMatchObject({ status: 'partial_success', itemsProcessed: 7, metadata: expect.objectContaining({ batches: 3 }) });
      // Users see their own row, not the system row.
      const mine = await stack.server.gql<{ syncHistory: { edges: Array<{ node: { id: string } }> } }>('{ syncHistory(first: 10) { edges { node { id } } } }', {}, a.token);
      const ids = mine.data!.syncHistory.edges.map((e) => e.node.id);
      expect(ids).toContain(userRows.find((u) => u.userId === a.id)!.id);
      expect(ids).not.toContain(r.syncHistoryId);
    });

    it('runs a slot once however often it is triggered', async () => {
      const token = await stack.server.serviceToken();
      const [x, y] = await Promise.all([stack.server.gql<Scheduled>(RUN, { slot: 'tick-1' }, token), stack.server.gql<Scheduled>(RUN, { slot: 'tick-1' }, token)]);
      expect(x.data!.runScheduledSync.syncHistoryId).toBe(y.data!.runScheduledSync.syncHistoryId);
      const systems = await stack.server.runtime.db.asService((tx) => tx.syncHistory.count({ where: { scheduleSlot: 'api:tick-1' } }));
      expect(systems).toBe(1);
    });

    it('refuses normal users with FORBIDDEN, on the mutation and the REST endpoint; answers the seed shape to the service role', async () => {
      const res = await stack.server.gql(RUN, {}, stack.user.token);
      expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      const rest = await fetch(`${stack.url}/functions/v1/scheduled-sync`, { method: 'POST', headers: { authorization: `Bearer ${stack.user.token}`, 'content-type': 'application/json' }, body: '{}' });
      expect(rest.status).toBe(403);
      const noAuth = await fetch(`${stack.url}/functions/v1/scheduled-sync`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(noAuth.status).toBe(401);
      const ok = await fetch(`${stack.url}/functions/v1/scheduled-sync`, { method: 'POST', headers: { authorization: `Bearer ${await stack.server.serviceToken()}`, 'content-type': 'application/json' }, body: '{}' });
      expect(ok.status).toBe(200);
      const body = (await ok.json()) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['duration', 'itemsFailed', 'itemsProcessed', 'itemsSucceeded', 'totalItems', 'totalUsers', 'userResults']);
    });
  });
}
