import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome } from './types.js';
import { addItems, startTestStack, type TestStack } from '../../test/stack.js';
import { listItems, product, runSync } from '../../test/sync-helpers.js';

// The crash test makes the process "die" between the target write and our commit: the
// hook throws for the first write of a chosen item.
const crash = { itemId: '', armed: false };

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    netsuiteProducts: 40,
    overrides: {
      connectorDeps: { retry: { baseDelayMs: 5, maxDelayMs: 50 } },
      engine: {
        afterWrite: async (o: Outcome) => {
          if (crash.armed && o.itemId === crash.itemId) {
            crash.armed = false;
            throw new Error('simulated crash after the target write');
          }
        },
      },
    },
  });
});
afterAll(() => stack?.stop());

function shopifySkuCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of stack.shopify.listProducts()) {
    const sku = JSON.stringify(p).match(/"sku":"([^"]+)"/)?.[1] ?? '?';
    counts.set(sku, (counts.get(sku) ?? 0) + 1);
  }
  return counts;
}

describe('failures', () => {
  it('completes every item under 20 % injected 429/5xx, with no duplicate in the target', async () => {
    const user = await stack.newUser();
    const ids = await addItems(stack, user, Array.from({ length: 12 }, (_, i) => product('NETSUITE', String(i + 1))));
    stack.netsuite.setFaults({ errorRate: 0.1, throttleRate: 0.1, seed: 3 });
    stack.shopify.setFaults({ errorRate: 0.1, throttleRate: 0.1, seed: 4 });
    try {
      const r = await runSync(stack, user, { syncListIds: ids });
      expect(r.errors).toEqual([]);
      expect(r).toMatchObject({ status: 'COMPLETED', itemsCreated: 12 });
    } finally {
      stack.netsuite.setFaults({});
      stack.shopify.setFaults({});
    }
    expect([...shopifySkuCounts().values()].every((n) => n === 1)).toBe(true);
  });

  it('fails one item with the platform message, syncs the rest (partial_success), and a later retry of it succeeds', async () => {
    const user = await stack.newUser();
    const ids = await addItems(stack, user, ['13', '14', '15'].map((id) => product('NETSUITE', id)));
    stack.netsuite.changeItem('14', { displayName: '' });
    const r = await runSync(stack, user, { syncListIds: ids });
    expect(r).toMatchObject({ status: 'PARTIAL_SUCCESS', itemsCreated: 2, itemsFailed: 1 });
    expect(r.errors).toEqual([{ itemId: ids[1], error: expect.stringMatching(/blank/i) }]);
    const failed = (await listItems(stack, user)).get(ids[1]!)!;
    expect(failed).toMatchObject({ lastSyncStatus: 'FAILED', lastResult: { action: 'FAILED', reason: 'PERMANENT_ERROR' } });
    stack.netsuite.changeItem('14', { displayName: 'Fixed title' });
    const retry = await runSync(stack, user, { syncListIds: [ids[1]!] });
    expect(retry).toMatchObject({ status: 'COMPLETED', itemsCreated: 1 });
  });

  it('never duplicates after a crash between the target write and our commit', async () => {
    const user = await stack.newUser();
    const [id] = await addItems(stack, user, [product('NETSUITE', '20')]);
    crash.itemId = id!;
    crash.armed = true;
    await expect(runSync(stack, user, { syncListIds: [id!] })).rejects.toThrow();
    const sku = stack.netsuite.getItem('20')!.itemId;
    expect(shopifySkuCounts().get(sku)).toBe(1);
    const again = await runSync(stack, user, { syncListIds: [id!] });
    expect(again).toMatchObject({ itemsCreated: 1, itemsFailed: 0 });
    expect(shopifySkuCounts().get(sku)).toBe(1);
    // The crashed run was closed and left no claim behind.
    const runs = await stack.server.runtime.db.asService((tx) => tx.syncHistory.findMany({ where: { userId: user.id } }));
    expect(runs.every((r) => r.status !== 'running')).toBe(true);
    const claimed = await stack.server.runtime.db.asService((tx) => tx.syncListItem.count({ where: { userId: user.id, lockedBy: { not: null } } }));
    expect(claimed).toBe(0);
  });

  it('two runs over the same items at once write each item once', async () => {
    const user = await stack.newUser();
    const ids = await addItems(stack, user, ['21', '22', '23', '24', '25', '26'].map((id) => product('NETSUITE', id)));
    stack.shopify.setFaults({ latencyMs: 30 });
    let results;
    try {
      results = await Promise.all([runSync(stack, user, { syncListIds: ids }), runSync(stack, user, { syncListIds: ids })]);
    } finally {
      stack.shopify.setFaults({});
    }
    const written = results.reduce((n, r) => n + r.itemsCreated + r.itemsUpdated, 0);
    expect(written).toBe(6);
    const skippedInProgress = results.reduce((n, r) => n + r.itemsSkipped, 0);
    expect(skippedInProgress).toBe(6);
    for (const id of ['21', '22', '23', '24', '25', '26']) expect(shopifySkuCounts().get(stack.netsuite.getItem(id)!.itemId)).toBe(1);
  });
});
