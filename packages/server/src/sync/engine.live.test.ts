import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItems, startTestStack, type TestStack } from '../../test/stack.js';
import { product, runSync } from '../../test/sync-helpers.js';
import { collect, wsClient } from '../../test/ws.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ netsuiteProducts: 30 });
});
afterAll(() => stack?.stop());

const PROGRESS = `subscription($id: ID) { syncProgress(syncHistoryId: $id) { syncHistoryId kind syncListItemId action error processed total run { id status itemsProcessed } } }`;

interface Progress {
  syncProgress: { syncHistoryId: string; kind: string; syncListItemId: string | null; processed: number; total: number; run: { status: string } | null };
}

describe('live progress over graphql-ws', () => {
  it('streams STARTED, one ITEM per item and FINISHED in order, and nothing of another user', async () => {
    const other = await stack.newUser();
    await addItems(stack, other, [product('NETSUITE', '9')]);
    const ids = await addItems(stack, stack.user, ['1', '2', '3'].map((id) => product('NETSUITE', id)));
    const { client } = wsClient(stack.url, `Bearer ${stack.user.token}`);
    const { client: otherClient } = wsClient(stack.url, `Bearer ${other.token}`);
    try {
      const events = collect<Progress>(client, PROGRESS, { id: null }, 5, 20_000);
      const otherEvents = collect<Progress>(otherClient, PROGRESS, { id: null }, 1, 4_000);
      await new Promise((r) => setTimeout(r, 300));
      const result = await runSync(stack, stack.user, { syncListIds: ids });
      const got = (await events).map((e) => e.syncProgress);
      expect(got.map((e) => e.kind)).toEqual(['STARTED', 'ITEM', 'ITEM', 'ITEM', 'FINISHED']);
      expect(got.every((e) => e.syncHistoryId === result.syncHistoryId)).toBe(true);
      expect(got.slice(1, 4).map((e) => e.processed).sort()).toEqual([1, 2, 3]);
      expect(new Set(got.slice(1, 4).map((e) => e.syncListItemId))).toEqual(new Set(ids));
      expect(got[4]).toMatchObject({ processed: 3, total: 3, run: { status: 'COMPLETED', itemsProcessed: 3 } });
      expect(await otherEvents).toEqual([]);
    } finally {
      await client.dispose();
      await otherClient.dispose();
    }
  });

  it('streams sync-list item updates to their owner', async () => {
    const [id] = await addItems(stack, stack.user, [product('NETSUITE', '10')]);
    const { client } = wsClient(stack.url, `Bearer ${stack.user.token}`);
    try {
      const events = collect<{ syncListItemUpdated: { id: string; lastSyncStatus: string } }>(client, 'subscription { syncListItemUpdated { id lastSyncStatus targetId } }', {}, 1, 15_000);
      await new Promise((r) => setTimeout(r, 300));
      await runSync(stack, stack.user, { syncListIds: [id!] });
      expect((await events)[0]!.syncListItemUpdated).toMatchObject({ id, lastSyncStatus: 'SUCCESS' });
    } finally {
      await client.dispose();
    }
  });
});

describe('cancel and shutdown', () => {
  it('cancel stops taking items, marks the rest CANCELLED and leaves no claim', async () => {
    const user = await stack.newUser();
    const ids = await addItems(stack, user, Array.from({ length: 12 }, (_, i) => product('NETSUITE', String(i + 11))));
    stack.shopify.setFaults({ latencyMs: 150 });
    const { client } = wsClient(stack.url, `Bearer ${user.token}`);
    try {
      const started = collect<Progress>(client, PROGRESS, { id: null }, 1, 10_000);
      await new Promise((r) => setTimeout(r, 200));
      const running = runSync(stack, user, { syncListIds: ids });
      const runId = (await started)[0]!.syncProgress.syncHistoryId;
      const cancel = await stack.server.gql<{ cancelSync: { run: { id: string; status: string }; userErrors: unknown[] } }>(
        'mutation($id: ID!) { cancelSync(syncHistoryId: $id) { run { id status } userErrors { code } } }',
        { id: runId },
        user.token,
      );
      expect(cancel.data!.cancelSync.userErrors).toEqual([]);
      const result = await running;
      expect(result.itemsProcessed).toBe(12);
      expect(result.itemsSkipped).toBeGreaterThan(0);
      const rows = await stack.server.runtime.db.asService((tx) => tx.syncHistoryItem.findMany({ where: { historyId: runId, reason: 'cancelled' } }));
      expect(rows.length).toBeGreaterThan(0);
      const claimed = await stack.server.runtime.db.asService((tx) => tx.syncListItem.count({ where: { userId: user.id, lockedBy: { not: null } } }));
      expect(claimed).toBe(0);
      const run = await stack.server.runtime.db.asService((tx) => tx.syncHistory.findUnique({ where: { id: runId } }));
      expect(run!.status).not.toBe('running');
      expect(run!.metadata).toMatchObject({ reason: 'cancelled' });
    } finally {
      stack.shopify.setFaults({});
      await client.dispose();
    }
  });

  it("cannot cancel another user's run (NOT_FOUND)", async () => {
    const user = await stack.newUser();
    const run = await stack.server.runtime.db.asService((tx) => tx.syncHistory.create({ data: { userId: stack.user.id, syncType: 'manual', status: 'running', heartbeatAt: new Date() } }));
    const res = await stack.server.gql<{ cancelSync: { run: unknown; userErrors: Array<{ code: string }> } }>(
      'mutation($id: ID!) { cancelSync(syncHistoryId: $id) { run { id } userErrors { code } } }',
      { id: run.id },
      user.token,
    );
    expect(res.data!.cancelSync).toEqual({ run: null, userErrors: [{ code: 'NOT_FOUND' }] });
    await stack.server.runtime.db.asService((tx) => tx.syncHistory.update({ where: { id: run.id }, data: { status: 'failed' } }));
  });

  it('closes stale runs of dead instances as interrupted and frees their claims', async () => {
    const user = await stack.newUser();
    const [id] = await addItems(stack, user, [product('NETSUITE', '29')]);
    const dead = await stack.server.runtime.db.asService(async (tx) => {
      const run = await tx.syncHistory.create({ data: { userId: user.id, syncType: 'manual', status: 'running', instanceId: 'dead', heartbeatAt: new Date(Date.now() - 10 * 60_000) } });
      await tx.syncListItem.update({ where: { id: id! }, data: { lockedBy: run.id, lockedUntil: new Date(Date.now() + 60_000) } });
      return run;
    });
    const alive = await stack.server.runtime.db.asService((tx) => tx.syncHistory.create({ data: { userId: user.id, syncType: 'manual', status: 'running', instanceId: 'alive', heartbeatAt: new Date() } }));
    await stack.server.runtime.services.engine.reapStale();
    const rows = await stack.server.runtime.db.asService((tx) => tx.syncHistory.findMany({ where: { id: { in: [dead.id, alive.id] } } }));
    expect(rows.find((r) => r.id === dead.id)).toMatchObject({ status: 'failed', metadata: { reason: 'interrupted' } });
    expect(rows.find((r) => r.id === alive.id)!.status).toBe('running');
    const item = await stack.server.runtime.db.asService((tx) => tx.syncListItem.findUnique({ where: { id: id! } }));
    expect(item!.lockedBy).toBeNull();
    await stack.server.runtime.db.asService((tx) => tx.syncHistory.update({ where: { id: alive.id }, data: { status: 'failed' } }));
  });
});

describe('REST delta-sync (the seed shape)', () => {
  it('answers the seed response and 401 without a token', async () => {
    const ids = await addItems(stack, stack.user, [product('NETSUITE', '27')]);
    const res = await fetch(`${stack.url}/functions/v1/delta-sync`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.user.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ syncListIds: ids, itemType: 'product' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['duration', 'errors', 'itemsCreated', 'itemsFailed', 'itemsProcessed', 'itemsSkipped', 'itemsUpdated', 'status', 'syncHistoryId'].sort());
    expect(body).toMatchObject({ status: 'completed', itemsProcessed: 1, itemsCreated: 1, errors: [] });
    const noAuth = await fetch(`${stack.url}/functions/v1/delta-sync`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noAuth.status).toBe(401);
    const bad = await fetch(`${stack.url}/functions/v1/delta-sync`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.user.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ syncListIds: ['not-a-uuid'] }),
    });
    expect(bad.status).toBe(400);
    const malformed = await fetch(`${stack.url}/functions/v1/delta-sync`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.user.token}`, 'content-type': 'application/json' },
      body: '{"syncListIds": [',
    });
    expect(malformed.status).toBe(400);
  });
});

describe('product preview and metrics', () => {
  it('lists source products matching a filter with inSyncList', async () => {
    const res = await stack.server.gql<{ productPreview: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { sourceId: string; name: string; sku: string; price: number; inSyncList: boolean } }> } }>(
      `query($id: ID!) { productPreview(connectionId: $id, first: 5, filter: { status: ["active", "draft", "archived"] }) { pageInfo { hasNextPage endCursor } edges { node { sourceId name sku price status category updatedAt inSyncList } } } }`,
      { id: stack.user.netsuiteConnectionId },
      stack.user.token,
    );
    expect(res.errors).toBeUndefined();
    const conn = res.data!.productPreview;
    expect(conn.edges).toHaveLength(5);
    expect(conn.pageInfo.hasNextPage).toBe(true);
    expect(conn.edges.some((e) => e.node.inSyncList)).toBe(true);
    const other = await stack.newUser();
    const hidden = await stack.server.gql(`query($id: ID!) { productPreview(connectionId: $id) { edges { node { sourceId } } } }`, { id: stack.user.netsuiteConnectionId }, other.token);
    expect(hidden.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('answers a platform error (a cursor the platform refuses) as an error with its message, never a 500', async () => {
    const res = await stack.server.gql(`query($id: ID!) { productPreview(connectionId: $id, after: "not-a-cursor") { edges { node { sourceId } } } }`, { id: stack.user.shopifyConnectionId }, stack.user.token);
    expect(res.status).toBe(200);
    expect(res.errors![0]!.extensions!.code).toMatch(/^(PLATFORM_ERROR|BAD_USER_INPUT)$/);
    expect(res.errors![0]!.message).not.toBe('Internal server error');
  });

  it('exposes Prometheus metrics', async () => {
    const text = await (await fetch(`${stack.url}/metrics`)).text();
    expect(text).toContain('synclane_sync_runs_total');
    expect(text).toContain('synclane_sync_items_total');
    expect(text).toContain('process_cpu_seconds_total');
  });
});
