import type { TestStack, TestUser } from './stack.js';

export interface RunResult {
  syncHistoryId: string;
  status: string;
  itemsProcessed: number;
  itemsCreated: number;
  itemsUpdated: number;
  itemsSkipped: number;
  itemsFailed: number;
  duration: number;
  errors: Array<{ itemId: string; error: string }>;
}

const RUN = `mutation($input: RunDeltaSyncInput) { runDeltaSync(input: $input) {
  result { syncHistoryId status itemsProcessed itemsCreated itemsUpdated itemsSkipped itemsFailed duration errors { itemId error } }
  userErrors { field message code } } }`;

export async function runSync(stack: TestStack, user: TestUser, input: { syncListIds?: string[]; itemType?: string; force?: boolean } = {}): Promise<RunResult> {
  const res = await stack.server.gql<{ runDeltaSync: { result: RunResult | null; userErrors: unknown[] } }>(RUN, { input }, user.token);
  const result = res.data?.runDeltaSync.result;
  if (!result) throw new Error(`runDeltaSync failed: ${JSON.stringify(res)}`);
  return result;
}

export interface ItemState {
  id: string;
  sourceId: string;
  targetId: string | null;
  syncMode: string;
  lastSyncStatus: string | null;
  errorMessage: string | null;
  lastResult: { action: string; reason: string; changedFields: string[]; error: string | null } | null;
}

export async function listItems(stack: TestStack, user: TestUser): Promise<Map<string, ItemState>> {
  const out = new Map<string, ItemState>();
  let after: string | null = null;
  for (;;) {
    const res: { data?: { syncList: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: ItemState }> } } } = await stack.server.gql(
      `query($after: String) { syncList(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
        edges { node { id sourceId targetId syncMode lastSyncStatus errorMessage lastResult { action reason changedFields error } } } } }`,
      { after },
      user.token,
    );
    const conn = res.data!.syncList;
    for (const e of conn.edges) out.set(e.node.id, e.node);
    if (!conn.pageInfo.hasNextPage) return out;
    after = conn.pageInfo.endCursor;
  }
}

export const product = (sourcePlatform: 'NETSUITE' | 'SHOPIFY', sourceId: string, extra: Record<string, unknown> = {}) => ({
  itemType: 'PRODUCT',
  sourcePlatform,
  targetPlatform: sourcePlatform === 'NETSUITE' ? 'SHOPIFY' : 'NETSUITE',
  sourceId,
  ...extra,
});

/** Calls the Shopify simulator received, mutations only. */
export function shopifyWrites(stack: TestStack): number {
  const all = stack.shopify.counters.all();
  return ['productSet', 'productCreate', 'productUpdate', 'productVariantsBulkUpdate', 'inventorySetQuantities'].reduce((n, k) => n + (all[k] ?? 0), 0);
}

export function netsuiteWrites(stack: TestStack): number {
  const all = stack.netsuite.counters.all();
  return Object.entries(all).filter(([k]) => /put|patch|post/i.test(k)).reduce((n, [, v]) => n + v, 0);
}
