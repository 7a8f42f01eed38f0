import type { CanonicalOrder, ChangedPage, FilterConfig, ListPage, SourceRecord, Watermark } from '../../types.js';
import { readChanges } from '../changed-since.js';
import { toGid } from '../ids.js';
import { followPages } from '../pagination.js';
import { orderFromShopify } from '../mappers/order.js';
import type { PageInfo, ShopifyLineItemNode, ShopifyOrderNode } from '../mappers/wire.js';
import { batchSize, connectionCost, pageSize } from '../query-cost.js';
import { searchFor } from '../search-query.js';
import { batches, type ShopifyContext } from './context.js';

const LINES_INLINE = 10;
const LINES_PER_CALL = 100;
const LINE_FIELDS = 'sku quantity originalUnitPriceSet { shopMoney { amount } }';
/** A line item 1 + originalUnitPriceSet 1 + shopMoney 1. */
const LINE_COST = 3;

// Ten lines inline keep a batch near 27 orders per query; longer orders fetch the rest separately.
const ORDER_FIELDS = `id name email currencyCode createdAt processedAt updatedAt
  customer { firstName lastName } shippingAddress { firstName lastName }
  totalShippingPriceSet { shopMoney { amount currencyCode } }
  lineItems(first: ${LINES_INLINE}) { nodes { ${LINE_FIELDS} } pageInfo { hasNextPage endCursor } }`;
/** The order 1 + customer 1 + shippingAddress 1 + totalShippingPriceSet 2 + lineItems (2 + 10 × 3). */
export const ORDER_NODE_COST = 1 + 1 + 1 + 2 + connectionCost(LINES_INLINE, LINE_COST);

const BY_IDS = `query OrdersByIds($ids: [ID!]!) { nodes(ids: $ids) { ... on Order { ${ORDER_FIELDS} } } }`;
const PAGE = (sortKey: 'ID' | 'UPDATED_AT') => `query Orders($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: ${sortKey}) { nodes { ${ORDER_FIELDS} } pageInfo { hasNextPage endCursor } }
}`;
const MORE_LINES = `query OrderLines($id: ID!, $after: String) {
  order(id: $id) { lineItems(first: ${LINES_PER_CALL}, after: $after) { nodes { ${LINE_FIELDS} } pageInfo { hasNextPage endCursor } } }
}`;

/** Completes the line items of orders with more than fit inline. */
async function withAllLines(ctx: ShopifyContext, node: ShopifyOrderNode): Promise<ShopifyOrderNode> {
  const lines = [...node.lineItems.nodes];
  let pageInfo = node.lineItems.pageInfo;
  const more = followPages(async (after) => {
    const { data } = await ctx.client.request<{ order: { lineItems: { nodes: ShopifyLineItemNode[]; pageInfo: PageInfo } } | null }>({
      operation: 'orders.lines', query: MORE_LINES, variables: { id: node.id, after }, cost: 1 + connectionCost(LINES_PER_CALL, LINE_COST),
    });
    const items = data.order?.lineItems ?? { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
    return { ...items, serverTime: undefined };
  }, pageInfo.endCursor);
  for await (const page of more) {
    lines.push(...page.nodes);
    pageInfo = page.pageInfo;
  }
  return { ...node, lineItems: { nodes: lines, pageInfo } };
}

async function mapAll(ctx: ShopifyContext, nodes: ShopifyOrderNode[]): Promise<SourceRecord<CanonicalOrder>[]> {
  const out: SourceRecord<CanonicalOrder>[] = [];
  for (const node of nodes) out.push(orderFromShopify(node.lineItems.pageInfo.hasNextPage ? await withAllLines(ctx, node) : node));
  return out;
}

export async function readOrders(ctx: ShopifyContext, ids: string[]): Promise<Map<string, SourceRecord<CanonicalOrder>>> {
  const gidOf = new Map(ids.map((id) => [id, toGid('Order', id)]));
  const found = new Map<string, SourceRecord<CanonicalOrder>>();
  for (const batch of batches([...gidOf.values()], batchSize(ORDER_NODE_COST))) {
    const { data } = await ctx.client.request<{ nodes: Array<ShopifyOrderNode | null> }>({
      operation: 'orders.readMany', query: BY_IDS, variables: { ids: batch }, cost: batch.length * ORDER_NODE_COST,
    });
    const nodes = data.nodes.filter((n): n is ShopifyOrderNode => Boolean(n?.id));
    for (const record of await mapAll(ctx, nodes)) found.set(record.id, record);
  }
  const out = new Map<string, SourceRecord<CanonicalOrder>>();
  for (const [id, gid] of gidOf) {
    const record = found.get(gid);
    if (record) out.set(id, record);
  }
  return out;
}

async function fetchOrderPage(ctx: ShopifyContext, args: { query: string | undefined; after: string | null; first: number; sortKey: 'ID' | 'UPDATED_AT' }) {
  const first = pageSize(ORDER_NODE_COST, args.first);
  const result = await ctx.client.request<{ orders: { nodes: ShopifyOrderNode[]; pageInfo: PageInfo } }>({
    operation: 'orders.page', query: PAGE(args.sortKey), variables: { first, after: args.after, query: args.query ?? null },
    cost: connectionCost(first, ORDER_NODE_COST),
  });
  return { nodes: await mapAll(ctx, result.data.orders.nodes), pageInfo: result.data.orders.pageInfo, serverTime: result.serverTime };
}

export async function listOrders(ctx: ShopifyContext, filter: FilterConfig, cursor: string | null, first: number): Promise<ListPage<CanonicalOrder>> {
  const page = await fetchOrderPage(ctx, { query: searchFor('order', filter), after: cursor, first, sortKey: 'ID' });
  return { records: page.nodes, nextCursor: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null };
}

export function changedOrders(ctx: ShopifyContext, watermark: Watermark | null): AsyncIterable<ChangedPage<CanonicalOrder>> {
  return readChanges<CanonicalOrder>(watermark, (query, after) => fetchOrderPage(ctx, { query, after, first: 250, sortKey: 'UPDATED_AT' }), ctx.changes);
}
