import { ConnectorError } from '../../errors.js';
import type { CanonicalOrder, NaturalKey } from '../../types.js';
import { idFromLocation } from '../client.js';
import { customerBody, customerExternalId, salesOrderBody, synclaneExternalId, type SalesOrderBody } from '../mappers/order.js';
import { suiteqlPages } from '../pagination.js';
import { chunk, sqlString } from '../suiteql-text.js';
import { requireInternalId, type NetSuiteContext } from './context.js';
import { INVENTORY_ITEMS } from './items.js';

/** NetSuite item ids for SKUs (itemId); a SKU two items share is refused rather than guessed. */
async function itemIdsBySku(ctx: NetSuiteContext, skus: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string[]>();
  for (const batch of chunk([...new Set(skus)], 500)) {
    const q = `SELECT item.id AS id, item.itemid AS itemid FROM item WHERE ${INVENTORY_ITEMS} AND item.itemid IN (${batch.map(sqlString).join(', ')}) ORDER BY item.id`;
    for await (const rows of suiteqlPages(ctx.client, q)) for (const r of rows) found.set(r.itemid, [...(found.get(r.itemid) ?? []), r.id]);
  }
  const out = new Map<string, string>();
  for (const [sku, ids] of found) {
    if (ids.length > 1) throw new ConnectorError('permanent', `netsuite: SKU ${sku} matches ${ids.length} items (ids ${ids.join(', ')})`);
    out.set(sku, ids[0]);
  }
  return out;
}

/** The customer with the order's e-mail, else one created by `PUT customer/eid:` keyed on that e-mail (idempotent). */
async function customerFor(ctx: NetSuiteContext, order: CanonicalOrder): Promise<string> {
  const body = customerBody(order);
  const q = `SELECT customer.id AS id FROM customer WHERE LOWER(customer.email) = ${sqlString(body.email.toLowerCase())} ORDER BY customer.id`;
  const page = await ctx.client.suiteql(q, 1, 0);
  if (page.items[0]) return page.items[0].id;
  const externalId = customerExternalId(body.email);
  const res = await ctx.client.request('PUT', `record/v1/customer/eid:${externalId}`, { body });
  const id = idFromLocation(res.headers);
  if (id) return id;
  const again = await ctx.client.suiteql(`SELECT customer.id AS id FROM customer WHERE customer.externalid = ${sqlString(externalId)}`, 1, 0);
  if (!again.items[0]) throw new ConnectorError('transient', `netsuite: upserted customer ${externalId} but could not read its id back`);
  return again.items[0].id;
}

async function orderBody(ctx: NetSuiteContext, order: CanonicalOrder): Promise<SalesOrderBody> {
  const refs = { itemIdsBySku: await itemIdsBySku(ctx, order.lines.map((l) => l.sku)), shippingItemId: ctx.settings.shippingItemId, timeZone: ctx.settings.timeZone };
  // Validate lines before touching customers, so a bad order leaves nothing behind.
  salesOrderBody(order, { ...refs, customerId: '0' });
  return salesOrderBody(order, { ...refs, customerId: await customerFor(ctx, order) });
}

export async function findOrderIds(ctx: NetSuiteContext, key: NaturalKey): Promise<string[]> {
  const q = `SELECT transaction.id AS id FROM transaction WHERE transaction.type = 'SalesOrd' AND transaction.externalid = ${sqlString(synclaneExternalId(key.syncListId))} ORDER BY transaction.id`;
  const ids: string[] = [];
  for await (const rows of suiteqlPages(ctx.client, q)) ids.push(...rows.map((r) => r.id));
  return ids;
}

/** `PUT salesOrder/eid:synclane-<syncListId>`: sent twice, it still leaves one order. */
export async function createOrder(ctx: NetSuiteContext, order: CanonicalOrder, key: NaturalKey): Promise<string> {
  const externalId = synclaneExternalId(key.syncListId);
  const res = await ctx.client.request('PUT', `record/v1/salesOrder/eid:${externalId}`, { body: await orderBody(ctx, order) });
  const id = idFromLocation(res.headers) ?? (await findOrderIds(ctx, key))[0];
  if (!id) throw new ConnectorError('transient', `netsuite: upserted sales order ${externalId} but could not read its id back`);
  return id;
}

/** PATCH with `replace=item`, so the lines are the order's lines, not appended to the old ones. */
export async function updateOrder(ctx: NetSuiteContext, id: string, order: CanonicalOrder): Promise<void> {
  await ctx.client.request('PATCH', `record/v1/salesOrder/${requireInternalId(id, 'sales order')}`, { query: { replace: 'item' }, body: await orderBody(ctx, order) });
}
