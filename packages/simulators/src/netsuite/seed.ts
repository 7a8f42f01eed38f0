import type { CatalogueProduct } from '../catalogue.js';
import { NetSuiteError } from './responses.js';
import { stampNow, type SimState } from './state.js';
import type { SimCustomer, SimItem } from './store.js';

/** An item as tests describe it; `category` names a class (created when new). */
export interface SeedItem {
  itemId: string;
  displayName?: string | null;
  basePrice?: number | null;
  isInactive?: boolean;
  category?: string | null;
  externalId?: string | null;
  quantities?: Record<string, number>;
  lastModifiedDate?: Date;
}

export type ItemPatch = Partial<Omit<SeedItem, 'lastModifiedDate'>>;

function fromCatalogue(p: CatalogueProduct, locationIds: string[]): SeedItem {
  const quantities: Record<string, number> = {};
  locationIds.forEach((id, i) => {
    // The first location holds the catalogue quantity; the others get a deterministic share.
    quantities[id] = i === 0 ? p.quantity : (p.index * (7 + i)) % 50;
  });
  return { itemId: p.sku, displayName: p.title, basePrice: Number(p.price), isInactive: p.status !== 'active', category: p.category, quantities };
}

export function seedItems(state: SimState, input: Array<SeedItem | CatalogueProduct>, modifiedAt?: Date): SimItem[] {
  const { store } = state;
  const now = modifiedAt ?? stampNow(state);
  const locationIds = [...store.locations.keys()];
  return input.map((raw) => {
    const s = 'sku' in raw ? fromCatalogue(raw, locationIds) : raw;
    const id = store.allocateId('item');
    const item: SimItem = {
      id,
      itemId: s.itemId,
      displayName: s.displayName ?? null,
      basePrice: s.basePrice ?? null,
      isInactive: s.isInactive ?? false,
      classId: s.category ? store.classNamed(s.category).id : null,
      externalId: s.externalId ?? null,
      createdDate: s.lastModifiedDate ?? now,
      lastModifiedDate: s.lastModifiedDate ?? now,
      quantities: { ...s.quantities },
    };
    store.items.set(id, item);
    store.indexExternalId('inventoryItem', item);
    return item;
  });
}

/** By internal id first, then by itemId (SKU). */
export function findItem(state: SimState, idOrItemId: string): SimItem | undefined {
  const byId = state.store.items.get(idOrItemId);
  if (byId) return byId;
  for (const item of state.store.items.values()) if (item.itemId === idOrItemId) return item;
  return undefined;
}

/** Changes an item as a user would in the UI: the save stamps lastModifiedDate with the simulated now. */
export function changeItem(state: SimState, idOrItemId: string, patch: ItemPatch): SimItem {
  const item = findItem(state, idOrItemId);
  if (!item) throw new NetSuiteError(404, 'NONEXISTENT_ID', `No item ${idOrItemId}.`);
  if (patch.itemId !== undefined) item.itemId = patch.itemId;
  if (patch.displayName !== undefined) item.displayName = patch.displayName;
  if (patch.basePrice !== undefined) item.basePrice = patch.basePrice;
  if (patch.isInactive !== undefined) item.isInactive = patch.isInactive;
  if (patch.category !== undefined) item.classId = patch.category === null ? null : state.store.classNamed(patch.category).id;
  if (patch.externalId !== undefined) item.externalId = patch.externalId;
  if (patch.quantities) item.quantities = { ...item.quantities, ...patch.quantities };
  item.lastModifiedDate = stampNow(state);
  state.store.items.set(item.id, item);
  state.store.indexExternalId('inventoryItem', item);
  return item;
}

export interface SeedCustomer {
  email: string;
  firstName?: string;
  lastName?: string;
  companyName?: string;
  externalId?: string;
}

export function seedCustomers(state: SimState, input: SeedCustomer[]): SimCustomer[] {
  const now = stampNow(state);
  return input.map((c) => {
    const id = state.store.allocateId('customer');
    const customer: SimCustomer = {
      id,
      externalId: c.externalId ?? null,
      entityId: (c.companyName ?? `${c.firstName ?? ''} ${c.lastName ?? ''}`.trim()) || c.email,
      email: c.email,
      firstName: c.firstName ?? null,
      lastName: c.lastName ?? null,
      companyName: c.companyName ?? null,
      isPerson: !c.companyName,
      createdDate: now,
      lastModifiedDate: now,
    };
    state.store.customers.set(id, customer);
    state.store.indexExternalId('customer', customer);
    return customer;
  });
}
