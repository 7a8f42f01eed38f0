import { createHash } from 'node:crypto';
import { ConnectorError } from '../../errors.js';
import type { CanonicalOrder } from '../../types.js';
import { toWallTime } from '../account-time.js';
import { moneyToNumber, normalizeMoney } from './money.js';

/** NetSuite external ids allow letters, digits, "_" and "-": the deterministic key of every create. */
export function synclaneExternalId(syncListId: string): string {
  const id = `synclane-${syncListId}`;
  if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new ConnectorError('permanent', `netsuite: sync list id "${syncListId}" cannot form an external id`);
  return id;
}

/** One customer per e-mail address, whichever order creates it first. */
export function customerExternalId(email: string): string {
  return `synclane-cust-${createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32)}`;
}

export interface CustomerBody {
  email: string;
  firstName: string;
  lastName: string;
  isPerson: true;
}

export function customerBody(order: CanonicalOrder): CustomerBody {
  if (!order.email) throw new ConnectorError('permanent', `netsuite: order ${order.orderNumber} has no e-mail, so no customer can be found or created`);
  const fallback = order.email.split('@')[0] || 'Customer';
  return { email: order.email.trim(), firstName: order.firstName?.trim() || fallback, lastName: order.lastName?.trim() || '-', isPerson: true };
}

export interface SalesOrderLineBody {
  item: { id: string };
  quantity: number;
  rate: number;
  description?: string;
}

export interface SalesOrderBody {
  entity: { id: string };
  tranDate: string;
  otherRefNum: string;
  memo: string;
  item: { items: SalesOrderLineBody[] };
}

export interface SalesOrderRefs {
  customerId: string;
  /** NetSuite item id by SKU (itemId), for the order's SKUs. */
  itemIdsBySku: ReadonlyMap<string, string>;
  shippingItemId: string | null;
  timeZone: string;
}

/** A canonical order as a NetSuite sales order; an unknown SKU fails the whole order. */
export function salesOrderBody(order: CanonicalOrder, refs: SalesOrderRefs): SalesOrderBody {
  const unknown = [...new Set(order.lines.map((l) => l.sku).filter((sku) => !refs.itemIdsBySku.has(sku)))];
  if (unknown.length > 0) throw new ConnectorError('permanent', `netsuite: order ${order.orderNumber} has SKUs with no NetSuite item: ${unknown.join(', ')}`);
  if (order.lines.length === 0) throw new ConnectorError('permanent', `netsuite: order ${order.orderNumber} has no lines`);
  const lines: SalesOrderLineBody[] = order.lines.map((l) => ({ item: { id: refs.itemIdsBySku.get(l.sku) as string }, quantity: l.quantity, rate: moneyToNumber(l.price) }));
  const shipping = order.shipping === null ? '0.00' : normalizeMoney(order.shipping);
  if (shipping !== '0.00') {
    if (!refs.shippingItemId) throw new ConnectorError('permanent', `netsuite: order ${order.orderNumber} has shipping but settings.shippingItemId is not configured`);
    lines.push({ item: { id: refs.shippingItemId }, quantity: 1, rate: Number(shipping), description: 'Shipping' });
  }
  return {
    entity: { id: refs.customerId },
    tranDate: toWallTime(order.placedAt, refs.timeZone).slice(0, 10),
    otherRefNum: order.orderNumber,
    memo: `Synclane order ${order.orderNumber}`,
    item: { items: lines },
  };
}
