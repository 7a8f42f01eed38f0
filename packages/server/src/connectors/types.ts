// The one seam between the sync engine and the platforms (DESIGN §6). The engine sees
// only canonical items; each connector maps its platform's wire format at its edge.

export type Platform = 'shopify' | 'netsuite';
export type ItemType = 'product' | 'inventory' | 'order';

/** Canonical status set shared by patterns and connectors; each platform maps it. */
export type CanonicalStatus = 'active' | 'draft' | 'archived';

export interface CanonicalProduct {
  kind: 'product';
  sku: string;
  title: string;
  /** Decimal string normalised to two places ("12.50"), never a float. */
  price: string;
  status: CanonicalStatus;
  /** Shopify productType / NetSuite class name; null when unset. */
  category: string | null;
}

export interface CanonicalInventoryLevel {
  kind: 'inventory';
  sku: string;
  /** Quantity on hand (NetSuite) / available (Shopify) at the connection's location. */
  quantity: number;
}

export interface CanonicalOrderLine {
  sku: string;
  quantity: number;
  /** Unit price, decimal string. */
  price: string;
}

export interface CanonicalOrder {
  kind: 'order';
  /** The source's order name or number ("#1001"). */
  orderNumber: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  currency: string;
  lines: CanonicalOrderLine[];
  /** Shipping charge as a decimal string; null when none. */
  shipping: string | null;
  placedAt: Date;
}

export type CanonicalItem = CanonicalProduct | CanonicalInventoryLevel | CanonicalOrder;

export interface CanonicalByType {
  product: CanonicalProduct;
  inventory: CanonicalInventoryLevel;
  order: CanonicalOrder;
}

/** A record read from a source, already mapped. */
export interface SourceRecord<T extends CanonicalItem = CanonicalItem> {
  /** The platform's canonical id (Shopify GID, NetSuite internal id). */
  id: string;
  /** The source's lastModified as a UTC instant. Used to find candidates, never to decide a write. */
  updatedAt: Date;
  data: T;
  /**
   * Set when the record cannot be synced as it is (e.g. a Shopify product with several
   * variants): the engine fails the item with this reason and never writes `data`.
   */
  unsyncable?: string;
}

/** The deterministic keys that make a create idempotent (DESIGN §10). */
export interface NaturalKey {
  /** Sync-list id: NetSuite `eid:synclane-<id>`, Shopify customId / derived handle. */
  syncListId: string;
  /** The item's source id (used to derive a Shopify handle). */
  sourceId: string;
  sku?: string;
}

/** Compound cursor for changed-since reads: ties on `at` are broken by `id`. */
export interface Watermark {
  at: Date;
  id: string;
}

export interface ChangedPage<T extends CanonicalItem = CanonicalItem> {
  records: SourceRecord<T>[];
  /** Highest (updatedAt, id) seen so far; persist only once the whole read completed. */
  watermark: Watermark | null;
}

export interface FilterConfig {
  status?: CanonicalStatus[];
  priceMin?: number;
  priceMax?: number;
  category?: string;
  updatedAfter?: string;
  search?: string;
}

export interface ListPage<T extends CanonicalItem = CanonicalItem> {
  records: SourceRecord<T>[];
  nextCursor: string | null;
}

export interface TestResult {
  ok: boolean;
  message: string;
}

export interface Connector {
  readonly platform: Platform;
  /** Reads many records by id in as few requests as the platform allows; missing ids are absent. */
  readMany<K extends ItemType>(type: K, ids: string[]): Promise<Map<string, SourceRecord<CanonicalByType[K]>>>;
  /** One page of records matching a filter (product preview, saved patterns). */
  list<K extends ItemType>(type: K, filter: FilterConfig, cursor: string | null, first: number): Promise<ListPage<CanonicalByType[K]>>;
  /** Ids of target records that already carry this natural key (SKU, handle, external id). */
  findByKey<K extends ItemType>(type: K, canonical: CanonicalByType[K], key: NaturalKey): Promise<string[]>;
  /** Idempotent create (upsert by natural key): the same call twice leaves one record. Returns the target id. */
  create<K extends ItemType>(type: K, canonical: CanonicalByType[K], key: NaturalKey): Promise<string>;
  /** Updates the record; throws ConnectorError kind `not_found` when the target is gone. */
  update<K extends ItemType>(type: K, id: string, canonical: CanonicalByType[K]): Promise<void>;
  /** Records changed since the watermark (>= with an overlap window, de-duplicated), page by page. */
  changedSince<K extends ItemType>(type: K, watermark: Watermark | null): AsyncIterable<ChangedPage<CanonicalByType[K]>>;
  /** The source's own clock (watermarks never come from the local clock). */
  serverTime(): Promise<Date>;
  /** Cheapest authenticated call; auth failures answer ok: false with the platform's message. */
  test(): Promise<TestResult>;
}

export interface ConnectionSettings {
  shopDomain?: string;
  accountId?: string;
  apiVersion?: string;
  baseUrl?: string;
  locationId?: string;
  shippingItemId?: string;
  timeZone?: string;
}

export interface ShopifyCredentials {
  accessToken: string;
}

export interface NetSuiteCredentials {
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}
