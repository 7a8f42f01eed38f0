import { randomUUID } from 'node:crypto';
import { ConnectorError } from '../../errors.js';
import type { CanonicalInventoryLevel, FilterConfig, ListPage, NaturalKey, SourceRecord } from '../../types.js';
import { toGid } from '../ids.js';
import { inventoryFromShopify, variantProblem } from '../mappers/product.js';
import type { PageInfo, ShopifyInventoryProductNode, ShopifyUserError } from '../mappers/wire.js';
import { batchSize, connectionCost, MUTATION_COST, pageSize } from '../query-cost.js';
import { searchFor } from '../search-query.js';
import { batches, type ShopifyContext } from './context.js';
import { productsWithSku } from './product-writes.js';
import { throwOnUserErrors } from './user-errors.js';

// An inventory item's target id is the Shopify product GID; its variant's inventory item is found from it.
const INVENTORY_FIELDS = `id updatedAt variants(first: 2) { nodes { id sku inventoryItem { id
  inventoryLevel(locationId: $locationId) { quantities(names: ["available"]) { name quantity } } } } }`;
/** The product 1 + variants (2 + 2 × (variant 1 + inventoryItem 1 + inventoryLevel 1 + one quantity 1)). */
export const INVENTORY_NODE_COST = 1 + connectionCost(2, 4);

const BY_IDS = `query InventoryByIds($ids: [ID!]!, $locationId: ID!) { nodes(ids: $ids) { ... on Product { ${INVENTORY_FIELDS} } } }`;
const PAGE = `query InventoryPage($first: Int!, $after: String, $query: String, $locationId: ID!) {
  products(first: $first, after: $after, query: $query, sortKey: ID) { nodes { ${INVENTORY_FIELDS} } pageInfo { hasNextPage endCursor } }
}`;
const ONE = `query InventoryOf($id: ID!, $locationId: ID!) { product(id: $id) { ${INVENTORY_FIELDS} } }`;

const SET = `mutation SetAvailable($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) { userErrors { field message code } }
}`;

/** A level that changed between our read and our write is read again, this often. */
const STALE_ATTEMPTS = 3;

export async function readInventory(ctx: ShopifyContext, ids: string[]): Promise<Map<string, SourceRecord<CanonicalInventoryLevel>>> {
  const locationId = await ctx.locationId();
  const gidOf = new Map(ids.map((id) => [id, toGid('Product', id)]));
  const found = new Map<string, SourceRecord<CanonicalInventoryLevel>>();
  for (const batch of batches([...gidOf.values()], batchSize(INVENTORY_NODE_COST))) {
    const { data } = await ctx.client.request<{ nodes: Array<ShopifyInventoryProductNode | null> }>({
      operation: 'inventory.readMany', query: BY_IDS, variables: { ids: batch, locationId }, cost: batch.length * INVENTORY_NODE_COST,
    });
    for (const node of data.nodes) if (node?.id) found.set(node.id, inventoryFromShopify(node));
  }
  const out = new Map<string, SourceRecord<CanonicalInventoryLevel>>();
  for (const [id, gid] of gidOf) {
    const record = found.get(gid);
    if (record) out.set(id, record);
  }
  return out;
}

export async function listInventory(ctx: ShopifyContext, filter: FilterConfig, cursor: string | null, first: number): Promise<ListPage<CanonicalInventoryLevel>> {
  const locationId = await ctx.locationId();
  const size = pageSize(INVENTORY_NODE_COST, first);
  const { data } = await ctx.client.request<{ products: { nodes: ShopifyInventoryProductNode[]; pageInfo: PageInfo } }>({
    operation: 'inventory.page', query: PAGE, cost: connectionCost(size, INVENTORY_NODE_COST),
    variables: { first: size, after: cursor, query: searchFor('inventory', filter) ?? null, locationId },
  });
  const { nodes, pageInfo } = data.products;
  return { records: nodes.map(inventoryFromShopify), nextCursor: pageInfo.hasNextPage ? pageInfo.endCursor : null };
}

/**
 * Sets the available quantity at the connection's location with compare-and-swap
 * (`changeFromQuantity` = what we just read) and an idempotency key, so a retried call
 * never applies twice and a concurrent change is not overwritten blindly.
 */
export async function updateInventory(ctx: ShopifyContext, id: string, level: CanonicalInventoryLevel): Promise<void> {
  const productId = toGid('Product', id);
  const locationId = await ctx.locationId();
  for (let attempt = 1; attempt <= STALE_ATTEMPTS; attempt++) {
    const { data } = await ctx.client.request<{ product: ShopifyInventoryProductNode | null }>({
      operation: 'inventory.read', query: ONE, variables: { id: productId, locationId }, cost: INVENTORY_NODE_COST,
    });
    if (!data.product) throw new ConnectorError('not_found', `Shopify product ${productId} does not exist`);
    const variants = data.product.variants.nodes;
    const problem = variants.length !== 1 ? variantProblem(productId, variants) : undefined;
    if (problem) throw new ConnectorError('permanent', problem);
    const item = variants[0]?.inventoryItem;
    const current = item?.inventoryLevel?.quantities.find((q) => q.name === 'available')?.quantity;
    if (!item || current === undefined) {
      throw new ConnectorError('permanent', `Shopify product ${productId} is not stocked at location ${locationId}`);
    }
    if (current === level.quantity) return;
    const result = await ctx.client.request<{ inventorySetQuantities: { userErrors: ShopifyUserError[] } }>({
      operation: 'inventory.set', query: SET, cost: MUTATION_COST,
      variables: {
        key: randomUUID(),
        input: {
          name: 'available', reason: 'correction',
          quantities: [{ inventoryItemId: item.id, locationId, quantity: level.quantity, changeFromQuantity: current }],
        },
      },
    });
    const errors = result.data.inventorySetQuantities.userErrors;
    if (errors.some((e) => e.code === 'CHANGE_FROM_QUANTITY_STALE')) continue;
    throwOnUserErrors('inventorySetQuantities', errors);
    return;
  }
  throw new ConnectorError('transient', `the Shopify inventory of ${productId} kept changing while we set it`);
}

/** Inventory levels are not created: the product with the SKU (exactly one) receives the level. */
export async function createInventory(ctx: ShopifyContext, level: CanonicalInventoryLevel, key: NaturalKey): Promise<string> {
  const sku = key.sku ?? level.sku;
  const ids = await productsWithSku(ctx, sku);
  if (ids.length > 1) throw new ConnectorError('permanent', `several Shopify products have SKU ${sku} (${ids.join(', ')}): resolve the duplicates or link one by hand`);
  const id = ids[0];
  if (!id) throw new ConnectorError('permanent', `no Shopify product has SKU ${sku} to hold its inventory: sync the product first`);
  await updateInventory(ctx, id, level);
  return id;
}

export async function findInventoryByKey(ctx: ShopifyContext, level: CanonicalInventoryLevel, key: NaturalKey): Promise<string[]> {
  return productsWithSku(ctx, key.sku ?? level.sku);
}
