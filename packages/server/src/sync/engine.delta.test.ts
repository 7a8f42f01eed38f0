import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItems, startTestStack, type TestStack } from '../../test/stack.js';
import { listItems, product, runSync, shopifyWrites } from '../../test/sync-helpers.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ netsuiteProducts: 12 });
});
afterAll(() => stack?.stop());

describe('delta decisions (NetSuite → Shopify products)', () => {
  let ids: string[];

  it('creates never-synced items (NEVER_SYNCED)', async () => {
    ids = await addItems(stack, stack.user, ['1', '2', '3', '4'].map((id) => product('NETSUITE', id)));
    const r = await runSync(stack, stack.user, { syncListIds: ids });
    expect(r).toMatchObject({ status: 'COMPLETED', itemsProcessed: 4, itemsCreated: 4, itemsFailed: 0 });
    const items = await listItems(stack, stack.user);
    for (const id of ids) {
      expect(items.get(id)!.lastResult).toMatchObject({ action: 'CREATED', reason: 'NEVER_SYNCED', changedFields: [] });
      expect(items.get(id)!.targetId).toMatch(/^gid:\/\/shopify\/Product\/\d+$/);
    }
    expect(stack.shopify.listProducts()).toHaveLength(4);
  });

  it('skips unchanged items without calling the target', async () => {
    const before = shopifyWrites(stack);
    const total = stack.shopify.counters.total();
    const r = await runSync(stack, stack.user, { syncListIds: ids });
    expect(r).toMatchObject({ status: 'COMPLETED', itemsProcessed: 4, itemsSkipped: 4 });
    expect(shopifyWrites(stack)).toBe(before);
    expect(stack.shopify.counters.total()).toBe(total);
    const items = await listItems(stack, stack.user);
    expect(items.get(ids[0]!)!.lastResult).toMatchObject({ action: 'SKIPPED', reason: 'UNCHANGED' });
    expect(items.get(ids[0]!)!.lastSyncStatus).toBe('SUCCESS');
  });

  it('updates a changed mapped field and names it', async () => {
    stack.netsuite.changeItem('1', { basePrice: 123.45 });
    const r = await runSync(stack, stack.user, { syncListIds: ids });
    expect(r).toMatchObject({ itemsUpdated: 1, itemsSkipped: 3 });
    const items = await listItems(stack, stack.user);
    expect(items.get(ids[0]!)!.lastResult).toMatchObject({ action: 'UPDATED', reason: 'CHANGED_FIELDS', changedFields: ['price'] });
    const target = stack.shopify.getProduct(items.get(ids[0]!)!.targetId!);
    expect(JSON.stringify(target)).toContain('123.45');
  });

  it('skips a moved timestamp with no mapped change (an unmapped field or our own echo)', async () => {
    stack.netsuite.changeItem('2', { externalId: 'something-else' });
    stack.netsuite.changeItem('3', {});
    const before = shopifyWrites(stack);
    const r = await runSync(stack, stack.user, { syncListIds: ids });
    expect(r).toMatchObject({ itemsSkipped: 4, itemsUpdated: 0 });
    expect(shopifyWrites(stack)).toBe(before);
  });

  it('writes FULL-mode items and forced runs always', async () => {
    await stack.server.gql('mutation($id: ID!) { updateSyncListItem(id: $id, input: { syncMode: FULL }) { item { id } userErrors { code } } }', { id: ids[3] }, stack.user.token);
    const r = await runSync(stack, stack.user, { syncListIds: ids });
    expect(r).toMatchObject({ itemsUpdated: 1, itemsSkipped: 3 });
    expect((await listItems(stack, stack.user)).get(ids[3]!)!.lastResult).toMatchObject({ action: 'UPDATED', reason: 'FULL_MODE' });
    const forced = await runSync(stack, stack.user, { syncListIds: ids, force: true });
    expect(forced).toMatchObject({ itemsUpdated: 4, itemsSkipped: 0, status: 'COMPLETED' });
  });

  it('whole-list delta finds a change made after the last run, including one tying the watermark', async () => {
    const user = await stack.newUser();
    const own = await addItems(stack, user, ['5', '6', '7', '8'].map((id) => product('NETSUITE', id)));
    const first = await runSync(stack, user);
    expect(first).toMatchObject({ itemsCreated: 4, itemsFailed: 0 });
    // Two changes in the same second (ties on lastmodifieddate).
    stack.netsuite.changeItem('6', { displayName: 'Renamed six' });
    stack.netsuite.changeItem('7', { displayName: 'Renamed seven' });
    const second = await runSync(stack, user);
    expect(second).toMatchObject({ itemsUpdated: 2, itemsSkipped: 2, itemsProcessed: 4 });
    // A change in the same second as the watermark's (the last change seen) must still be found.
    stack.netsuite.changeItem('5', { displayName: 'Renamed five' });
    const third = await runSync(stack, user);
    expect(third).toMatchObject({ itemsUpdated: 1, itemsSkipped: 3 });
    const items = await listItems(stack, user);
    expect(items.get(own[0]!)!.lastResult).toMatchObject({ action: 'UPDATED', changedFields: ['title'] });
  });

  it('recreates a target that was deleted (TARGET_MISSING) and fails a vanished source (SOURCE_MISSING)', async () => {
    const [extra] = await addItems(stack, stack.user, [product('NETSUITE', '99999')]);
    const r = await runSync(stack, stack.user, { syncListIds: [extra!] });
    expect(r).toMatchObject({ itemsFailed: 1, status: 'FAILED' });
    expect(r.errors[0]!.itemId).toBe(extra);
    expect((await listItems(stack, stack.user)).get(extra!)!.lastResult).toMatchObject({ action: 'FAILED', reason: 'SOURCE_MISSING' });
  });
});
