import { parseInstant } from '../date-format.js';
import type { TimeBound } from '../../common/time-index.js';
import type { NetSuiteStore, SimItem, VersionedMap } from '../store.js';
import { RecordRows } from './record-rows.js';
import type { Value } from './values.js';

export type Row = Record<string, Value>;

export interface Table {
  columns: readonly string[];
  /** Rows are shared between queries: never mutate them. */
  scan(): Iterable<Row>;
  /** Fast path for `id = n` / `id IN (...)`. */
  get?(id: number): Row | undefined;
  /** Rows whose `column` equals `value`, for indexed columns (joins); undefined when not indexed. */
  lookup?(column: string, value: Value): Row[] | undefined;
  /** The datetime column `range` indexes; the id column breaks its ties. */
  rangeColumn?: string;
  /** Rows whose (rangeColumn, id) lies within the bounds, in `scan` order: WHERE clauses that bound rangeColumn read only these. */
  range?(lower: TimeBound | null, upper: TimeBound | null): Row[];
  /** Column BUILTIN.DF shows when another table references this one. */
  display: string;
  /** Column name -> referenced table, for BUILTIN.DF. */
  refs: Record<string, string>;
}

const num = (id: string | null) => (id === null ? null : Number(id));
const flag = (b: boolean) => (b ? 'T' : 'F');

const ITEM_COLUMNS = ['id', 'itemid', 'fullname', 'displayname', 'baseprice', 'isinactive', 'class', 'externalid', 'itemtype', 'createddate', 'lastmodifieddate', 'totalquantityonhand'];

function itemRow(i: SimItem): Row {
  let total = 0;
  for (const q of Object.values(i.quantities)) total += q;
  return {
    id: Number(i.id),
    itemid: i.itemId,
    fullname: i.itemId,
    displayname: i.displayName,
    baseprice: i.basePrice,
    isinactive: flag(i.isInactive),
    class: num(i.classId),
    externalid: i.externalId,
    itemtype: 'InvtPart',
    createddate: i.createdDate,
    lastmodifieddate: i.lastModifiedDate,
    totalquantityonhand: total,
  };
}

function table<T>(records: VersionedMap<T>, columns: string[], toRow: (r: T) => Row, display: string, refs: Record<string, string> = {}, modified?: (r: T) => Date): Table {
  const rows = new RecordRows(records, toRow, modified);
  return {
    columns,
    display,
    refs,
    scan: () => rows.all(),
    get: (id) => rows.get(String(id)),
    lookup(column, value) {
      if (column !== 'id') return undefined;
      const r = rows.get(String(value));
      return r === undefined ? [] : [r];
    },
    ...(modified ? { rangeColumn: 'lastmodifieddate', range: (lower: TimeBound | null, upper: TimeBound | null) => rows.range(lower, upper) } : {}),
  };
}

/** The SuiteQL tables the simulator answers, read live from the store. */
export function createTables(store: NetSuiteStore, timeZone: string): Map<string, Table> {
  const tables = new Map<string, Table>();
  const modified = (r: { lastModifiedDate: Date }) => r.lastModifiedDate;
  tables.set('item', table(store.items, ITEM_COLUMNS, itemRow, 'itemid', { class: 'classification' }, modified));
  const locationRows = (i: SimItem): Row[] =>
    [...store.locations.keys()].map((l) => {
      const q = i.quantities[l] ?? 0;
      return { item: Number(i.id), location: Number(l), quantityonhand: q, quantityavailable: q };
    });
  tables.set('inventoryitemlocations', {
    columns: ['item', 'location', 'quantityonhand', 'quantityavailable'],
    display: 'item',
    refs: { item: 'item', location: 'location' },
    *scan() {
      for (const i of store.items.values()) yield* locationRows(i);
    },
    lookup(column, value) {
      if (column !== 'item') return undefined;
      const item = store.items.get(String(value));
      return item ? locationRows(item) : [];
    },
  });
  const named = (r: { id: string; name: string; isInactive: boolean }): Row => ({ id: Number(r.id), name: r.name, isinactive: flag(r.isInactive) });
  tables.set('location', table(store.locations, ['id', 'name', 'isinactive'], named, 'name'));
  tables.set('classification', table(store.classes, ['id', 'name', 'isinactive'], named, 'name'));
  tables.set('customer', table(
    store.customers,
    ['id', 'entityid', 'email', 'firstname', 'lastname', 'companyname', 'isperson', 'externalid', 'datecreated', 'lastmodifieddate'],
    (c) => ({ id: Number(c.id), entityid: c.entityId, email: c.email, firstname: c.firstName, lastname: c.lastName, companyname: c.companyName, isperson: flag(c.isPerson), externalid: c.externalId, datecreated: c.createdDate, lastmodifieddate: c.lastModifiedDate }),
    'entityid',
    {},
    modified,
  ));
  tables.set('transaction', table(
    store.salesOrders,
    ['id', 'type', 'tranid', 'entity', 'externalid', 'otherrefnum', 'memo', 'trandate', 'createddate', 'lastmodifieddate'],
    (o) => ({ id: Number(o.id), type: 'SalesOrd', tranid: o.tranId, entity: Number(o.entity), externalid: o.externalId, otherrefnum: o.otherRefNum, memo: o.memo, trandate: parseInstant(o.tranDate, 'YYYY-MM-DD', timeZone), createddate: o.createdDate, lastmodifieddate: o.lastModifiedDate }),
    'tranid',
    { entity: 'customer' },
    modified,
  ));
  tables.set('transactionline', {
    columns: ['transaction', 'linesequencenumber', 'item', 'quantity', 'rate'],
    display: 'linesequencenumber',
    refs: { transaction: 'transaction', item: 'item' },
    *scan() {
      for (const o of store.salesOrders.values()) {
        for (const l of o.lines) yield { transaction: Number(o.id), linesequencenumber: l.line, item: Number(l.item), quantity: l.quantity, rate: l.rate };
      }
    },
  });
  return tables;
}
