import type { NetSuiteStore, SimCustomer, SimItem, SimSalesOrder } from './store.js';

/** REST datetimes are ISO-8601 UTC with second precision. */
export const restDateTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

const link = (href: string) => [{ rel: 'self', href }];

function ref(base: string, type: string, id: string | null, refName: string | undefined) {
  if (id === null) return undefined;
  return { links: link(`${base}/${type}/${id}`), id, ...(refName !== undefined ? { refName } : {}) };
}

/** `base` is `<origin>/services/rest/record/v1`. Sublists are links unless expanded (`expandSubResources=true`). */
export function itemView(store: NetSuiteStore, item: SimItem, base: string, expand: boolean): Record<string, unknown> {
  const self = `${base}/inventoryItem/${item.id}`;
  const locations = [...store.locations.values()].map((l) => ({
    links: [],
    location: ref(base, 'location', l.id, l.name),
    quantityOnHand: item.quantities[l.id] ?? 0,
    quantityAvailable: item.quantities[l.id] ?? 0,
  }));
  return {
    links: link(self),
    id: item.id,
    itemId: item.itemId,
    itemType: { id: 'InvtPart', refName: 'Inventory Item' },
    ...(item.displayName !== null ? { displayName: item.displayName } : {}),
    ...(item.basePrice !== null ? { basePrice: item.basePrice } : {}),
    isInactive: item.isInactive,
    ...(item.externalId !== null ? { externalId: item.externalId } : {}),
    ...(item.classId !== null ? { class: ref(base, 'classification', item.classId, store.classes.get(item.classId)?.name) } : {}),
    createdDate: restDateTime(item.createdDate),
    lastModifiedDate: restDateTime(item.lastModifiedDate),
    locations: expand ? { links: link(`${self}/locations`), items: locations, totalResults: locations.length } : { links: link(`${self}/locations`) },
  };
}

export function customerView(c: SimCustomer, base: string): Record<string, unknown> {
  const optional = { externalId: c.externalId, email: c.email, firstName: c.firstName, lastName: c.lastName, companyName: c.companyName };
  return {
    links: link(`${base}/customer/${c.id}`),
    id: c.id,
    entityId: c.entityId,
    isPerson: c.isPerson,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== null)),
    dateCreated: restDateTime(c.createdDate),
    lastModifiedDate: restDateTime(c.lastModifiedDate),
  };
}

export function salesOrderView(store: NetSuiteStore, o: SimSalesOrder, base: string, expand: boolean): Record<string, unknown> {
  const self = `${base}/salesOrder/${o.id}`;
  const lines = o.lines.map((l) => ({
    links: [],
    line: l.line,
    item: ref(base, 'inventoryItem', l.item, store.items.get(l.item)?.itemId),
    quantity: l.quantity,
    ...(l.rate !== null ? { rate: l.rate, amount: Math.round(l.rate * l.quantity * 100) / 100 } : {}),
    ...(l.description !== null ? { description: l.description } : {}),
  }));
  return {
    links: link(self),
    id: o.id,
    tranId: o.tranId,
    entity: ref(base, 'customer', o.entity, store.customers.get(o.entity)?.entityId),
    tranDate: o.tranDate,
    ...(o.externalId !== null ? { externalId: o.externalId } : {}),
    ...(o.otherRefNum !== null ? { otherRefNum: o.otherRefNum } : {}),
    ...(o.memo !== null ? { memo: o.memo } : {}),
    createdDate: restDateTime(o.createdDate),
    lastModifiedDate: restDateTime(o.lastModifiedDate),
    item: expand ? { links: link(`${self}/item`), items: lines, totalResults: lines.length } : { links: link(`${self}/item`) },
  };
}
