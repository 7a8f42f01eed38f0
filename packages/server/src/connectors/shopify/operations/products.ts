import type { CanonicalProduct, ChangedPage, FilterConfig, ListPage, SourceRecord, Watermark } from '../../types.js';
import { readChanges } from '../changed-since.js';
import { toGid } from '../ids.js';
import { productFromShopify } from '../mappers/product.js';
import type { PageInfo, ShopifyProductNode } from '../mappers/wire.js';
import { batchSize, connectionCost, pageSize } from '../query-cost.js';
import { searchFor } from '../search-query.js';
import { batches, type ShopifyContext } from './context.js';

// `variants(first: 2)`: one variant is all we sync, a second one tells us to refuse the product.
export const PRODUCT_FIELDS = 'id title handle status productType updatedAt variants(first: 2) { nodes { id sku price } }';
/** The product 1 + variants connection (2 + 2 × variant 1). */
export const PRODUCT_NODE_COST = 1 + connectionCost(2, 1);

const BY_IDS = `query ProductsByIds($ids: [ID!]!) { nodes(ids: $ids) { ... on Product { ${PRODUCT_FIELDS} } } }`;

const PAGE = (sortKey: 'ID' | 'UPDATED_AT') => `query Products($first: Int!, $after: String, $query: String) {
  products(first: $first, after: $after, query: $query, sortKey: ${sortKey}) { nodes { ${PRODUCT_FIELDS} } pageInfo { hasNextPage endCursor } }
}`;

interface ProductsPage {
  products: { nodes: ShopifyProductNode[]; pageInfo: PageInfo };
}

/** Products by id, `nodes(ids:)` batched so each query stays within 1000 points (200 per call). Keys are the ids as given. */
export async function readProducts(ctx: ShopifyContext, ids: string[]): Promise<Map<string, SourceRecord<CanonicalProduct>>> {
  const gidOf = new Map(ids.map((id) => [id, toGid('Product', id)]));
  const found = new Map<string, SourceRecord<CanonicalProduct>>();
  for (const batch of batches([...gidOf.values()], batchSize(PRODUCT_NODE_COST))) {
    const { data } = await ctx.client.request<{ nodes: Array<ShopifyProductNode | null> }>({
      operation: 'products.readMany', query: BY_IDS, variables: { ids: batch }, cost: batch.length * PRODUCT_NODE_COST,
    });
    for (const node of data.nodes) if (node?.id) found.set(node.id, productFromShopify(node));
  }
  const out = new Map<string, SourceRecord<CanonicalProduct>>();
  for (const [id, gid] of gidOf) {
    const record = found.get(gid);
    if (record) out.set(id, record);
  }
  return out;
}

export async function fetchProductPage(ctx: ShopifyContext, args: { query: string | undefined; after: string | null; first: number; sortKey: 'ID' | 'UPDATED_AT' }) {
  const first = pageSize(PRODUCT_NODE_COST, args.first);
  const result = await ctx.client.request<ProductsPage>({
    operation: 'products.page', query: PAGE(args.sortKey), variables: { first, after: args.after, query: args.query ?? null },
    cost: connectionCost(first, PRODUCT_NODE_COST),
  });
  return { nodes: result.data.products.nodes, pageInfo: result.data.products.pageInfo, serverTime: result.serverTime };
}

/** One page of products matching a filter (preview, saved patterns); the cursor is Shopify's own. */
export async function listProducts(ctx: ShopifyContext, filter: FilterConfig, cursor: string | null, first: number): Promise<ListPage<CanonicalProduct>> {
  const page = await fetchProductPage(ctx, { query: searchFor('product', filter), after: cursor, first, sortKey: 'ID' });
  return { records: page.nodes.map(productFromShopify), nextCursor: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null };
}

export function changedProducts(ctx: ShopifyContext, watermark: Watermark | null): AsyncIterable<ChangedPage<CanonicalProduct>> {
  return readChanges<CanonicalProduct>(watermark, async (query, after) => {
    const page = await fetchProductPage(ctx, { query, after, first: 250, sortKey: 'UPDATED_AT' });
    return { nodes: page.nodes.map(productFromShopify), pageInfo: page.pageInfo, serverTime: page.serverTime };
  }, ctx.changes);
}
