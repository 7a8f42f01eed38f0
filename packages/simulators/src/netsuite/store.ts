/** The simulator's records, kept in Maps so 100,000 items stay fast. Ids are NetSuite-style numeric strings. */
export interface SimItem {
  id: string;
  itemId: string;
  displayName: string | null;
  basePrice: number | null;
  isInactive: boolean;
  classId: string | null;
  externalId: string | null;
  createdDate: Date;
  lastModifiedDate: Date;
  /** Quantity on hand by location id. */
  quantities: Record<string, number>;
}

export interface SimCustomer {
  id: string;
  externalId: string | null;
  entityId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  isPerson: boolean;
  createdDate: Date;
  lastModifiedDate: Date;
}

export interface SimSalesOrderLine {
  line: number;
  /** Internal id of the item. */
  item: string;
  quantity: number;
  rate: number | null;
  description: string | null;
}

export interface SimSalesOrder {
  id: string;
  externalId: string | null;
  tranId: string;
  /** Internal id of the customer. */
  entity: string;
  /** Calendar date, YYYY-MM-DD. */
  tranDate: string;
  otherRefNum: string | null;
  memo: string | null;
  lines: SimSalesOrderLine[];
  createdDate: Date;
  lastModifiedDate: Date;
}

export interface SimNamed {
  id: string;
  name: string;
  isInactive: boolean;
}

export type RecordType = 'inventoryItem' | 'customer' | 'salesOrder';

/** Told of each changed key (null: all cleared), after the change. */
export type ChangeListener = (key: string | null) => void;

/** A Map that counts its writes and names the keys, so SuiteQL keeps table rows and indexes until a record changes. */
export class VersionedMap<V> extends Map<string, V> {
  private readonly listeners: ChangeListener[] = [];

  constructor(private readonly onChange: () => void) {
    super();
  }

  watch(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  override set(key: string, value: V): this {
    this.onChange();
    super.set(key, value);
    // (Map's constructor would call set before `listeners` exists, but super() is given no entries.)
    for (const l of this.listeners) l(key);
    return this;
  }

  override delete(key: string): boolean {
    this.onChange();
    const deleted = super.delete(key);
    for (const l of this.listeners) l(key);
    return deleted;
  }

  override clear(): void {
    this.onChange();
    super.clear();
    for (const l of this.listeners) l(null);
  }
}

export class NetSuiteStore {
  /** Bumped on every write; records changed in place must be set again. */
  version = 0;
  private readonly bump = () => {
    this.version += 1;
  };
  readonly items = new VersionedMap<SimItem>(this.bump);
  readonly customers = new VersionedMap<SimCustomer>(this.bump);
  readonly salesOrders = new VersionedMap<SimSalesOrder>(this.bump);
  readonly classes = new VersionedMap<SimNamed>(this.bump);
  readonly locations = new VersionedMap<SimNamed>(this.bump);
  private nextId = { item: 1, customer: 1, transaction: 1, classification: 1 };

  constructor(locations: Array<{ id: string; name: string }>) {
    for (const l of locations) this.locations.set(l.id, { id: l.id, name: l.name, isInactive: false });
  }

  allocateId(kind: 'item' | 'customer' | 'transaction'): string {
    const id = this.nextId[kind];
    this.nextId[kind] += 1;
    return String(id);
  }

  /** The class with this name, created on first use (seeding only). */
  classNamed(name: string): SimNamed {
    for (const c of this.classes.values()) if (c.name === name) return c;
    const created = { id: String(this.nextId.classification++), name, isInactive: false };
    this.classes.set(created.id, created);
    return created;
  }

  // externalId -> id per type; an entry is trusted only while the record still carries that id.
  private readonly externalIndex = new Map<RecordType, Map<string, string>>();

  indexExternalId(type: RecordType, record: { id: string; externalId: string | null }): void {
    if (!record.externalId) return;
    let index = this.externalIndex.get(type);
    if (!index) this.externalIndex.set(type, (index = new Map()));
    index.set(record.externalId, record.id);
  }

  byExternalId(type: RecordType, externalId: string): { id: string } | undefined {
    const id = this.externalIndex.get(type)?.get(externalId);
    const record = id === undefined ? undefined : this.recordsOf(type).get(id);
    return record && record.externalId === externalId ? record : undefined;
  }

  recordsOf(type: RecordType): Map<string, { id: string; externalId: string | null }> {
    if (type === 'inventoryItem') return this.items;
    if (type === 'customer') return this.customers;
    return this.salesOrders;
  }
}
