import { NetSuiteError } from './responses.js';
import type { NetSuiteStore, SimCustomer, SimItem, SimSalesOrder, SimSalesOrderLine } from './store.js';

type Body = Record<string, unknown>;
type Kind = 'string' | 'number' | 'boolean' | 'ref' | 'sublist';

const ITEM_FIELDS: Record<string, Kind> = { itemId: 'string', displayName: 'string', basePrice: 'number', isInactive: 'boolean', class: 'ref', externalId: 'string' };
const CUSTOMER_FIELDS: Record<string, Kind> = { externalId: 'string', entityId: 'string', email: 'string', firstName: 'string', lastName: 'string', companyName: 'string', isPerson: 'boolean', phone: 'string', subsidiary: 'ref' };
const ORDER_FIELDS: Record<string, Kind> = { externalId: 'string', entity: 'ref', tranDate: 'string', otherRefNum: 'string', memo: 'string', currency: 'ref', location: 'ref', subsidiary: 'ref', item: 'sublist' };
const LINE_FIELDS: Record<string, Kind> = { item: 'ref', quantity: 'number', rate: 'number', amount: 'number', description: 'string' };

const invalid = (detail: string, path?: string) => new NetSuiteError(400, 'INVALID_CONTENT', detail, path);
const required = (label: string, path: string) => new NetSuiteError(400, 'USER_ERROR', `Please enter value(s) for: ${label}`, path);
const badRef = (label: string, id: string, path: string) => new NetSuiteError(400, 'INVALID_KEY_OR_REF', `Invalid ${label} reference key ${id}.`, path);

/** Checks field names and JSON types the way REST record validation does; null clears a field. */
function checked(body: unknown, fields: Record<string, Kind>, prefix = ''): Body {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('The request body must be a JSON object.');
  const out = body as Body;
  for (const [key, value] of Object.entries(out)) {
    const kind = fields[key];
    const path = `${prefix}${key}`;
    if (!kind) throw new NetSuiteError(400, 'NONEXISTENT_FIELD', `Invalid field name '${key}'. Provide a valid field name.`, path);
    if (value === null) continue;
    const ok =
      kind === 'ref' ? typeof value === 'object' && typeof (value as Body).id === 'string'
      : kind === 'sublist' ? typeof value === 'object' && Array.isArray((value as Body).items)
      : typeof value === kind;
    if (!ok) throw invalid(`Invalid value for the field '${key}': expected ${kind === 'ref' ? 'an object with a string id' : kind}.`, path);
  }
  return out;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const refId = (v: unknown) => (v && typeof v === 'object' ? String((v as Body).id) : null);

export function checkExternalId(externalId: string): void {
  if (!/^[A-Za-z0-9_-]+$/.test(externalId)) throw invalid(`Invalid external ID ${externalId}: use letters, digits, "_" and "-" only.`, 'externalId');
}

function claimExternalId(store: NetSuiteStore, type: 'inventoryItem' | 'customer' | 'salesOrder', id: string, externalId: unknown): void {
  if (typeof externalId !== 'string') return;
  checkExternalId(externalId);
  const holder = store.byExternalId(type, externalId);
  if (holder && holder.id !== id) throw new NetSuiteError(400, 'USER_ERROR', `A record with the external ID ${externalId} already exists.`, 'externalId');
}

/** Creates (existing = null) or updates an inventory item from a REST body. Every save stamps lastModifiedDate. */
export function writeItem(store: NetSuiteStore, existing: SimItem | null, body: unknown, now: Date, id: string): SimItem {
  const b = checked(body, ITEM_FIELDS);
  if (!existing && !str(b.itemId)) throw required('Item Name/Number', 'itemId');
  if ('itemId' in b && !str(b.itemId)) throw required('Item Name/Number', 'itemId');
  const classId = refId(b.class);
  if (classId !== null && !store.classes.has(classId)) throw badRef('class', classId, 'class');
  claimExternalId(store, 'inventoryItem', id, b.externalId);
  const base: SimItem = existing ?? { id, itemId: '', displayName: null, basePrice: null, isInactive: false, classId: null, externalId: null, createdDate: now, lastModifiedDate: now, quantities: {} };
  const item: SimItem = {
    ...base,
    ...('itemId' in b ? { itemId: b.itemId as string } : {}),
    ...('displayName' in b ? { displayName: str(b.displayName) } : {}),
    ...('basePrice' in b ? { basePrice: typeof b.basePrice === 'number' ? b.basePrice : null } : {}),
    ...('isInactive' in b ? { isInactive: b.isInactive === true } : {}),
    ...('class' in b ? { classId } : {}),
    ...('externalId' in b ? { externalId: str(b.externalId) } : {}),
    lastModifiedDate: now,
  };
  store.items.set(id, item);
  store.indexExternalId('inventoryItem', item);
  return item;
}

export function writeCustomer(store: NetSuiteStore, existing: SimCustomer | null, body: unknown, now: Date, id: string): SimCustomer {
  const b = checked(body, CUSTOMER_FIELDS);
  claimExternalId(store, 'customer', id, b.externalId);
  const base: SimCustomer = existing ?? { id, externalId: null, entityId: '', email: null, firstName: null, lastName: null, companyName: null, isPerson: true, createdDate: now, lastModifiedDate: now };
  const c: SimCustomer = { ...base, lastModifiedDate: now };
  for (const key of ['externalId', 'email', 'firstName', 'lastName', 'companyName'] as const) if (key in b) c[key] = str(b[key]);
  if ('isPerson' in b) c.isPerson = b.isPerson === true;
  if (str(b.entityId)) c.entityId = b.entityId as string;
  if (!c.companyName && !(c.firstName && c.lastName)) throw required(c.isPerson ? 'First Name, Last Name' : 'Company Name', c.isPerson ? 'firstName' : 'companyName');
  if (!c.entityId) c.entityId = c.companyName ?? `${c.firstName} ${c.lastName}`;
  store.customers.set(id, c);
  store.indexExternalId('customer', c);
  return c;
}

function readLines(store: NetSuiteStore, sublist: unknown, firstLine: number): SimSalesOrderLine[] {
  const items = (sublist as { items: unknown[] }).items;
  return items.map((raw, index) => {
    const path = `item.items[${index}]`;
    const l = checked(raw, LINE_FIELDS, `${path}.`);
    const itemId = refId(l.item);
    if (itemId === null) throw required('Item', `${path}.item`);
    if (!store.items.has(itemId)) throw badRef('item', itemId, `${path}.item`);
    const quantity = typeof l.quantity === 'number' ? l.quantity : 1;
    return { line: firstLine + index, item: itemId, quantity, rate: typeof l.rate === 'number' ? l.rate : null, description: str(l.description) };
  });
}

/** `replaceLines` is the `replace=item` query parameter; without it new lines are appended. */
export function writeSalesOrder(store: NetSuiteStore, existing: SimSalesOrder | null, body: unknown, now: Date, id: string, today: string, replaceLines: boolean): SimSalesOrder {
  const b = checked(body, ORDER_FIELDS);
  const entity = refId(b.entity);
  if (!existing && entity === null) throw required('Customer', 'entity');
  if (entity !== null && !store.customers.has(entity)) throw badRef('entity', entity, 'entity');
  if (typeof b.tranDate === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(b.tranDate)) throw invalid(`Invalid date value ${b.tranDate}; use YYYY-MM-DD.`, 'tranDate');
  claimExternalId(store, 'salesOrder', id, b.externalId);
  const base: SimSalesOrder = existing ?? { id, externalId: null, tranId: `SO${id}`, entity: entity ?? '', tranDate: today, otherRefNum: null, memo: null, lines: [], createdDate: now, lastModifiedDate: now };
  const o: SimSalesOrder = { ...base, lastModifiedDate: now };
  if (entity !== null) o.entity = entity;
  for (const key of ['externalId', 'otherRefNum', 'memo'] as const) if (key in b) o[key] = str(b[key]);
  if (typeof b.tranDate === 'string') o.tranDate = b.tranDate;
  if (b.item) {
    const keep = replaceLines || !existing ? [] : o.lines;
    o.lines = [...keep, ...readLines(store, b.item, keep.length + 1)];
  }
  if (o.lines.length === 0) throw new NetSuiteError(400, 'USER_ERROR', 'You must enter at least one line item for this transaction.', 'item');
  store.salesOrders.set(id, o);
  store.indexExternalId('salesOrder', o);
  return o;
}
