import { formatInstant } from './date-format.js';
import { writeCustomer, writeItem, writeSalesOrder, checkExternalId } from './record-writes.js';
import { customerView, itemView, salesOrderView } from './record-views.js';
import { NetSuiteError, notFound, type SimResponse } from './responses.js';
import { stampNow, type SimState } from './state.js';
import type { RecordType } from './store.js';

const TYPES: Record<string, RecordType> = { inventoryitem: 'inventoryItem', customer: 'customer', salesorder: 'salesOrder' };

export interface RecordRequest {
  method: string;
  url: URL;
  /** Path segments after /services/rest/record/v1/. */
  segments: string[];
  body: unknown;
}

/** The counter name of a record call, e.g. `record.put`. */
export function recordOperation(method: string, segments: string[]): string {
  if (method === 'GET') return segments.length > 1 ? 'record.get' : 'record.list';
  return `record.${method.toLowerCase()}`;
}

export function handleRecord(state: SimState, req: RecordRequest): SimResponse {
  const type = TYPES[(req.segments[0] ?? '').toLowerCase()];
  if (!type || req.segments.length > 2) throw new NetSuiteError(404, 'INVALID_RCRD_TYPE', `Record type '${req.segments[0] ?? ''}' does not exist.`);
  const base = `${req.url.origin}/services/rest/record/v1`;
  const key = req.segments[1] ? decodeURIComponent(req.segments[1]) : undefined;
  const records = state.store.recordsOf(type);
  const externalId = key?.startsWith('eid:') ? key.slice(4) : undefined;
  const existingId = externalId !== undefined ? state.store.byExternalId(type, externalId)?.id : key !== undefined && records.has(key) ? key : undefined;
  const location = (id: string) => ({ Location: `${base}/${type}/${id}` });

  switch (req.method) {
    case 'GET': {
      if (key === undefined) return list(state, type, req.url, base);
      if (existingId === undefined) throw notFound();
      return { status: 200, body: view(state, type, existingId, base, req.url.searchParams.get('expandSubResources') === 'true') };
    }
    case 'POST': {
      if (key !== undefined) throw new NetSuiteError(405, 'INVALID_REQUEST', 'POST is not allowed on a record instance; use PATCH.');
      const id = state.store.allocateId(idKind(type));
      write(state, type, null, req.body, id, req.url);
      return { status: 204, headers: location(id) };
    }
    case 'PATCH': {
      if (existingId === undefined) throw notFound();
      write(state, type, existingId, req.body, existingId, req.url);
      return { status: 204 };
    }
    case 'PUT': {
      // PUT only upserts by external id: the tool for idempotent creates.
      if (externalId === undefined) throw new NetSuiteError(405, 'INVALID_REQUEST', 'PUT is only supported with an external id (eid:...).');
      checkExternalId(externalId);
      const body = typeof req.body === 'object' && req.body !== null ? { ...(req.body as object), externalId } : req.body;
      const id = existingId ?? state.store.allocateId(idKind(type));
      write(state, type, existingId ?? null, body, id, req.url, true);
      return { status: 204, headers: location(id) };
    }
    case 'DELETE': {
      if (existingId === undefined) throw notFound();
      records.delete(existingId);
      return { status: 204 };
    }
    default:
      throw new NetSuiteError(405, 'INVALID_REQUEST', `Method ${req.method} is not allowed.`);
  }
}

const idKind = (type: RecordType) => (type === 'inventoryItem' ? 'item' : type === 'customer' ? 'customer' : 'transaction');

function write(state: SimState, type: RecordType, existingId: string | null, body: unknown, id: string, url: URL, upsert = false): void {
  const now = stampNow(state);
  const { store } = state;
  if (type === 'inventoryItem') writeItem(store, existingId ? (store.items.get(existingId) ?? null) : null, body, now, id);
  else if (type === 'customer') writeCustomer(store, existingId ? (store.customers.get(existingId) ?? null) : null, body, now, id);
  else {
    const today = formatInstant(now, state.options.timeZone, 'YYYY-MM-DD');
    const replace = upsert || (url.searchParams.get('replace') ?? '').split(',').includes('item');
    writeSalesOrder(store, existingId ? (store.salesOrders.get(existingId) ?? null) : null, body, now, id, today, replace);
  }
}

function view(state: SimState, type: RecordType, id: string, base: string, expand: boolean): unknown {
  const { store } = state;
  if (type === 'inventoryItem') return itemView(store, store.items.get(id)!, base, expand);
  if (type === 'customer') return customerView(store.customers.get(id)!, base);
  return salesOrderView(store, store.salesOrders.get(id)!, base, expand);
}

function list(state: SimState, type: RecordType, url: URL, base: string): SimResponse {
  const limit = Math.min(1000, Number(url.searchParams.get('limit') ?? 1000));
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const ids = [...state.store.recordsOf(type).keys()];
  const page = ids.slice(offset, offset + limit);
  return {
    status: 200,
    body: {
      links: [{ rel: 'self', href: url.href }],
      count: page.length,
      hasMore: offset + page.length < ids.length,
      items: page.map((id) => ({ links: [{ rel: 'self', href: `${base}/${type}/${id}` }], id })),
      offset,
      totalResults: ids.length,
    },
  };
}
