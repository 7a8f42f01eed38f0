import type { CatalogueOptions } from '../catalogue.js';
import { SimClock } from '../common/clock.js';
import { CallCounters } from '../common/counters.js';
import { FaultInjector, type FaultOptions } from '../common/faults.js';
import { SimHttpServer } from '../common/http.js';
import { LeakyBucket, type BucketOptions, type ThrottleStatus } from './bucket.js';
import { SortedLists, type ShopInfo, type SimContext } from './context.js';
import { shopifyControlRoutes } from './control-routes.js';
import { createGraphqlHandler, type HandlerStats } from './handler.js';
import { normalizeDecimal } from './money.js';
import type { OrderRecord, ProductSnapshot } from './records.js';
import { buildShopifySchema } from './schema.js';
import { seedCatalogue, seedOrders, seedProducts, toStatus, type SeedOrderInput, type SeedProductInput } from './seed.js';
import { ShopifyStore } from './store.js';

export const DEFAULT_SHOPIFY_API_VERSIONS = ['2025-10', '2026-01', '2026-04', '2026-07'];

export interface ShopifySimulatorOptions {
  /** Loopback port; 0 or absent picks a free one. */
  port?: number;
  host?: string;
  /** The only token accepted in X-Shopify-Access-Token (default "shpat_simulator"). */
  accessToken?: string;
  shopDomain?: string;
  shopName?: string;
  /** Supported API versions; others are served as the oldest of these. */
  apiVersions?: string[];
  /** Leaky bucket (default 2000 points, 100/s). */
  bucket?: BucketOptions;
  /** HTTP status of THROTTLED answers: Shopify uses both (default 200). */
  throttledStatus?: 200 | 429;
  /** Largest requested cost of one query (default 1000). */
  maxQueryCost?: number;
  /** Shopify's search index lags edits: `query:` filters miss records edited this recently (default 0). */
  searchLagMs?: number;
  /** Objects one query can page through before Shopify refuses (default 25,000). */
  maxPagedObjects?: number;
  /** Seed from the deterministic catalogue generator. */
  catalogue?: CatalogueOptions;
  /** Location names (default "Main Warehouse", "Retail Store"); the first is the shop's first location. */
  locations?: string[];
  faults?: FaultOptions;
  clock?: SimClock;
}

/** Fields changeProduct can set; the product's updatedAt moves to the clock's now (whole seconds). */
export interface ProductChange {
  title?: string;
  status?: string;
  productType?: string;
  vendor?: string;
  handle?: string;
  sku?: string | null;
  price?: string;
  /** Available quantity at the first location; like Shopify, this alone does not move updatedAt. */
  quantity?: number;
}

export interface ShopifySimulatorStats extends HandlerStats {
  byOperation: Record<string, number>;
}

export interface ShopifySimulator {
  readonly url: string;
  readonly accessToken: string;
  readonly shopDomain: string;
  graphqlUrl(version?: string): string;
  start(): Promise<string>;
  stop(): Promise<void>;
  readonly clock: SimClock;
  /** Calls by GraphQL root field (`nodes`, `products`, `productSet`, ...), throttled ones included. */
  readonly counters: CallCounters;
  stats(): ShopifySimulatorStats;
  resetCounters(): void;
  setFaults(faults: FaultOptions): void;
  setBucket(options: BucketOptions): ThrottleStatus;
  bucket(): ThrottleStatus;
  seedProducts(inputs: SeedProductInput[]): ProductSnapshot[];
  seedCatalogue(options: CatalogueOptions): void;
  seedOrders(inputs: SeedOrderInput[]): OrderRecord[];
  changeProduct(idOrSku: string, change: ProductChange): ProductSnapshot;
  changeOrder(id: string, change: { email?: string | null }): OrderRecord;
  getProduct(idOrSku: string): ProductSnapshot | undefined;
  listProducts(): ProductSnapshot[];
  listOrders(): OrderRecord[];
  locations(): Array<{ id: string; name: string }>;
  /** Empties the store and idempotency keys, clears faults and counters, refills the bucket, reseeds locations (and the catalogue when given). */
  reset(options?: { catalogue?: CatalogueOptions }): void;
}

export function createShopifySimulator(options: ShopifySimulatorOptions = {}): ShopifySimulator {
  const clock = options.clock ?? new SimClock();
  const store = new ShopifyStore(clock);
  const counters = new CallCounters();
  const faults = new FaultInjector();
  const bucketOptions = { size: 2000, restoreRate: 100, ...options.bucket };
  const bucket = new LeakyBucket(bucketOptions);
  const lists = new SortedLists();
  const idempotency: SimContext['idempotency'] = new Map();
  const stats: HandlerStats = { requests: 0, throttled: 0, unauthorized: 0, faults: 0 };
  const accessToken = options.accessToken ?? 'shpat_simulator';
  const shopDomain = options.shopDomain ?? 'synclane-sim.myshopify.com';
  const shop: ShopInfo = {
    id: 'gid://shopify/Shop/1001', name: options.shopName ?? 'Synclane Simulator', myshopifyDomain: shopDomain,
    currencyCode: 'USD', ianaTimezone: 'UTC',
  };
  const settings = {
    accessToken, apiVersions: options.apiVersions ?? DEFAULT_SHOPIFY_API_VERSIONS, throttledStatus: options.throttledStatus ?? 200,
    maxQueryCost: options.maxQueryCost ?? 1000, searchLagMs: options.searchLagMs ?? 0, maxPagedObjects: options.maxPagedObjects ?? 25_000, shop,
  };

  const seedBase = (catalogue: CatalogueOptions | undefined) => {
    for (const name of options.locations ?? ['Main Warehouse', 'Retail Store']) store.addLocation(name);
    if (catalogue) seedCatalogue(store, catalogue);
  };
  seedBase(options.catalogue);
  if (options.faults) faults.set(options.faults);

  const requireProduct = (idOrSku: string) => {
    const product = store.findProduct(idOrSku);
    if (!product) throw new Error(`no product ${idOrSku}`);
    return product;
  };

  const handler = createGraphqlHandler({ schema: buildShopifySchema(), store, bucket, faults, counters, clock, lists, idempotency, stats, settings: () => settings });

  const sim: ShopifySimulator = {
    get url() { return server.url; },
    accessToken,
    shopDomain,
    graphqlUrl: (version = '2026-07') => `${server.url}/admin/api/${version}/graphql.json`,
    start: () => server.start(),
    stop: () => server.stop(),
    clock,
    counters,
    stats: () => ({ ...stats, byOperation: counters.all() }),
    resetCounters: () => {
      counters.reset();
      Object.assign(stats, { requests: 0, throttled: 0, unauthorized: 0, faults: 0 });
    },
    setFaults: (f) => faults.set(f),
    setBucket: (b) => {
      bucket.configure(b);
      return bucket.status();
    },
    bucket: () => bucket.status(),
    seedProducts: (inputs) => seedProducts(store, inputs).map((p) => store.snapshot(p)),
    seedCatalogue: (catalogue) => seedCatalogue(store, catalogue),
    seedOrders: (inputs) => seedOrders(store, inputs),
    changeProduct: (idOrSku, change) => {
      const product = requireProduct(idOrSku);
      const variant = store.variants.get(product.variantIds[0] ?? '');
      if (change.quantity !== undefined && variant) {
        const first = store.locations.keys().next().value;
        if (first) store.setAvailable(variant.inventoryItemId, first, change.quantity);
      }
      const { quantity: _quantity, sku, price, status, ...rest } = change;
      const touches = Object.keys(change).some((k) => k !== 'quantity');
      if (variant && sku !== undefined) variant.sku = sku;
      if (variant && price !== undefined) variant.price = normalizeDecimal(price) ?? price;
      if (variant && (sku !== undefined || price !== undefined)) variant.updatedAt = store.now();
      if (touches) store.updateProduct(product, { ...rest, ...(status !== undefined ? { status: toStatus(status) } : {}) });
      return store.snapshot(product);
    },
    changeOrder: (id, change) => {
      const order = store.orders.get(id);
      if (!order) throw new Error(`no order ${id}`);
      if (change.email !== undefined) order.email = change.email;
      order.updatedAt = store.now();
      store.version += 1;
      return order;
    },
    getProduct: (idOrSku) => {
      const product = store.findProduct(idOrSku);
      return product ? store.snapshot(product) : undefined;
    },
    listProducts: () => [...store.products.values()].map((p) => store.snapshot(p)),
    listOrders: () => [...store.orders.values()],
    locations: () => [...store.locations.values()].map((l) => ({ id: l.id, name: l.name })),
    reset: (resetOptions) => {
      store.reset();
      lists.clear();
      idempotency.clear();
      faults.clear();
      sim.resetCounters();
      bucket.configure(bucketOptions);
      seedBase(resetOptions?.catalogue);
    },
  };
  const server = new SimHttpServer(handler, shopifyControlRoutes(sim), options.port ?? 0, options.host ?? '127.0.0.1');
  return sim;
}
