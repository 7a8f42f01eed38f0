import { afterAll, beforeAll, expect, it } from 'vitest';
import { addItems, startTestStack, type TestStack } from '../../test/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ netsuiteProducts: 5 });
});
afterAll(() => stack?.stop());

it('syncs three NetSuite products into Shopify', async () => {
  const ids = await addItems(stack, stack.user, ['1', '2', '3'].map((sourceId) => ({ itemType: 'PRODUCT', sourcePlatform: 'NETSUITE', targetPlatform: 'SHOPIFY', sourceId })));
  const res = await stack.server.gql<{ runDeltaSync: { result: Record<string, unknown>; userErrors: unknown[] } }>(
    'mutation { runDeltaSync { result { syncHistoryId status itemsProcessed itemsCreated itemsUpdated itemsSkipped itemsFailed duration errors { itemId error } } userErrors { code } } }',
    {},
    stack.user.token,
  );
  console.log(JSON.stringify(res));
  expect(res.data!.runDeltaSync.result).toMatchObject({ status: 'COMPLETED', itemsProcessed: 3, itemsCreated: 3 });
  expect(stack.shopify.listProducts()).toHaveLength(3);
  const again = await stack.server.gql<{ runDeltaSync: { result: Record<string, unknown> } }>('mutation { runDeltaSync { result { status itemsProcessed itemsSkipped itemsCreated } } }', {}, stack.user.token);
  expect(again.data!.runDeltaSync.result).toMatchObject({ itemsProcessed: 3, itemsSkipped: 3 });
  void ids;
});
