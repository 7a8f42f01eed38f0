import { ConnectorError } from '../../errors.js';
import type { CanonicalProduct, NaturalKey } from '../../types.js';
import { idFromLocation } from '../client.js';
import { productFromRow, productToItemBody, type ItemBody } from '../mappers/product.js';
import { synclaneExternalId } from '../mappers/order.js';
import { suiteqlPages } from '../pagination.js';
import { sqlString } from '../suiteql-text.js';
import { requireInternalId, type NetSuiteContext } from './context.js';
import { INVENTORY_ITEMS, type ItemView } from './items.js';

export const productView: ItemView<CanonicalProduct> = {
  columns: 'item.itemid AS itemid, item.displayname AS displayname, item.baseprice AS baseprice, item.isinactive AS isinactive, BUILTIN.DF(item.class) AS classname',
  from: 'item',
  map: productFromRow,
};

async function itemBody(ctx: NetSuiteContext, product: CanonicalProduct): Promise<ItemBody> {
  if (product.category === null) return productToItemBody(product, null);
  const classId = (await ctx.classIds()).get(product.category);
  if (!classId) throw new ConnectorError('permanent', `netsuite: no active class named "${product.category}" for SKU ${product.sku}`);
  return productToItemBody(product, classId);
}

interface KeyMatch {
  id: string;
  externalId: string | undefined;
}

async function itemsWithKey(ctx: NetSuiteContext, sku: string, externalId: string): Promise<KeyMatch[]> {
  const q = `SELECT item.id AS id, item.externalid AS externalid FROM item WHERE ${INVENTORY_ITEMS} AND (item.externalid = ${sqlString(externalId)} OR item.itemid = ${sqlString(sku)}) ORDER BY item.id`;
  const out: KeyMatch[] = [];
  for await (const rows of suiteqlPages(ctx.client, q)) for (const r of rows) out.push({ id: r.id, externalId: r.externalid });
  return out;
}

/** Items already carrying this product's natural key: our external id, or its SKU. */
export async function findProductIds(ctx: NetSuiteContext, product: CanonicalProduct, key: NaturalKey): Promise<string[]> {
  return (await itemsWithKey(ctx, key.sku ?? product.sku, synclaneExternalId(key.syncListId))).map((m) => m.id);
}

/**
 * Idempotent create (DESIGN §10): an item we created before (our external id) is upserted again;
 * otherwise a single existing item with the SKU is adopted, several fail the item; else
 * `PUT inventoryItem/eid:synclane-<syncListId>` creates it, and a repeat of that PUT updates it.
 */
export async function createProduct(ctx: NetSuiteContext, product: CanonicalProduct, key: NaturalKey): Promise<string> {
  const externalId = synclaneExternalId(key.syncListId);
  const sku = key.sku ?? product.sku;
  const body = await itemBody(ctx, product);
  const matches = await itemsWithKey(ctx, sku, externalId);
  if (!matches.some((m) => m.externalId === externalId)) {
    if (matches.length > 1) throw new ConnectorError('permanent', `netsuite: ${matches.length} items already have SKU ${sku} (ids ${matches.map((m) => m.id).join(', ')}); cannot tell which to adopt`);
    if (matches.length === 1) {
      await updateProduct(ctx, matches[0].id, product);
      return matches[0].id;
    }
  }
  const res = await ctx.client.request('PUT', `record/v1/inventoryItem/eid:${externalId}`, { body });
  const id = idFromLocation(res.headers) ?? (await itemsWithKey(ctx, sku, externalId)).find((m) => m.externalId === externalId)?.id;
  if (!id) throw new ConnectorError('transient', `netsuite: upserted item ${externalId} but could not read its id back`);
  return id;
}

/** PATCH; a 404 surfaces as ConnectorError kind `not_found` (the target is gone). */
export async function updateProduct(ctx: NetSuiteContext, id: string, product: CanonicalProduct): Promise<void> {
  await ctx.client.request('PATCH', `record/v1/inventoryItem/${requireInternalId(id, 'item')}`, { body: await itemBody(ctx, product) });
}
