import { ConnectorError } from '../errors.js';
import { defaultRetryPolicy, type RetryHooks, type RetryPolicy } from '../http/retry.js';
import { InMemoryCostLimiter, type CostLimiter } from '../limits/cost-bucket.js';
import type {
  CanonicalByType, ChangedPage, ConnectionSettings, Connector, FilterConfig, ItemType, ListPage, NaturalKey,
  ShopifyCredentials, SourceRecord, TestResult, Watermark,
} from '../types.js';
import { defaultChangedSinceOptions, type ChangedSinceOptions } from './changed-since.js';
import { ShopifyClient, type ConnectorMetrics, type ShopifyLogger } from './client.js';
import type { ShopifyContext } from './operations/context.js';
import { createInventory, findInventoryByKey, listInventory, readInventory, updateInventory } from './operations/inventory.js';
import { firstLocation } from './operations/locations.js';
import { changedOrders, listOrders, readOrders } from './operations/orders.js';
import { createProduct, findProductsByKey, updateProduct } from './operations/product-writes.js';
import { changedProducts, listProducts, readProducts } from './operations/products.js';
import { resolveShopifySettings } from './settings.js';

export interface ShopifyConnectorOptions {
  settings: ConnectionSettings;
  credentials: ShopifyCredentials;
  /** Shared by every connection to a shop; default: one in-memory limiter for the whole process. */
  limiter?: CostLimiter;
  retry?: Partial<RetryPolicy>;
  logger?: ShopifyLogger;
  metrics?: ConnectorMetrics;
  /** Per request (default 30 s). */
  timeoutMs?: number;
  changes?: Partial<ChangedSinceOptions>;
  /** Tests make backoff instant and deterministic. */
  retryHooks?: Pick<RetryHooks, 'sleep' | 'random'>;
}

/** One type's operations; the connector dispatches on the item type. */
interface TypeOperations<T extends CanonicalByType[ItemType]> {
  readMany(ids: string[]): Promise<Map<string, SourceRecord<T>>>;
  list(filter: FilterConfig, cursor: string | null, first: number): Promise<ListPage<T>>;
  findByKey(canonical: T, key: NaturalKey): Promise<string[]>;
  create(canonical: T, key: NaturalKey): Promise<string>;
  update(id: string, canonical: T): Promise<void>;
  changedSince(watermark: Watermark | null): AsyncIterable<ChangedPage<T>>;
}

type OperationsByType = { [K in ItemType]: TypeOperations<CanonicalByType[K]> };

const processLimiter = new InMemoryCostLimiter();

function refuse(message: string): Promise<never> {
  return Promise.reject(new ConnectorError('permanent', message));
}

async function* refusePages(message: string): AsyncGenerator<never> {
  throw new ConnectorError('permanent', message);
}

const NO_ORDER_WRITES = 'Synclane does not write orders to Shopify (Shopify is the source of orders)';

function operations(ctx: ShopifyContext): OperationsByType {
  return {
    product: {
      readMany: (ids) => readProducts(ctx, ids),
      list: (filter, cursor, first) => listProducts(ctx, filter, cursor, first),
      findByKey: (canonical, key) => findProductsByKey(ctx, canonical, key),
      create: (canonical, key) => createProduct(ctx, canonical, key),
      update: (id, canonical) => updateProduct(ctx, id, canonical),
      changedSince: (watermark) => changedProducts(ctx, watermark),
    },
    inventory: {
      readMany: (ids) => readInventory(ctx, ids),
      list: (filter, cursor, first) => listInventory(ctx, filter, cursor, first),
      findByKey: (canonical, key) => findInventoryByKey(ctx, canonical, key),
      create: (canonical, key) => createInventory(ctx, canonical, key),
      update: (id, canonical) => updateInventory(ctx, id, canonical),
      // Shopify does not move Product.updatedAt on inventory changes: levels are compared by value.
      changedSince: () => refusePages('Shopify inventory changes do not move a product\'s updatedAt; read levels by id (readMany) and compare them by value'),
    },
    order: {
      readMany: (ids) => readOrders(ctx, ids),
      list: (filter, cursor, first) => listOrders(ctx, filter, cursor, first),
      findByKey: () => refuse(NO_ORDER_WRITES),
      create: () => refuse(NO_ORDER_WRITES),
      update: () => refuse(NO_ORDER_WRITES),
      changedSince: (watermark) => changedOrders(ctx, watermark),
    },
  };
}

/** The Shopify Admin GraphQL connector; settings.baseUrl lets the same code reach the simulator. */
export function createShopifyConnector(options: ShopifyConnectorOptions): Connector {
  const settings = resolveShopifySettings(options.settings);
  if (!options.credentials.accessToken) throw new ConnectorError('auth', 'the Shopify connection has no access token');
  const client = new ShopifyClient({
    settings,
    accessToken: options.credentials.accessToken,
    limiter: options.limiter ?? processLimiter,
    retry: { ...defaultRetryPolicy, ...options.retry },
    timeoutMs: options.timeoutMs ?? 30_000,
    logger: options.logger,
    metrics: options.metrics,
    retryHooks: options.retryHooks,
  });
  let location: Promise<string> | undefined;
  const ctx: ShopifyContext = {
    client,
    settings,
    changes: { ...defaultChangedSinceOptions, ...options.changes },
    logger: options.logger,
    locationId: () => {
      if (settings.locationId) return Promise.resolve(settings.locationId);
      location ??= firstLocation(client).catch((err: unknown) => {
        location = undefined;
        throw err;
      });
      return location;
    },
  };
  const ops = operations(ctx);

  return {
    platform: 'shopify',
    readMany: (type, ids) => ops[type].readMany(ids),
    list: (type, filter, cursor, first) => ops[type].list(filter, cursor, first),
    findByKey: (type, canonical, key) => ops[type].findByKey(canonical, key),
    create: (type, canonical, key) => ops[type].create(canonical, key),
    update: (type, id, canonical) => ops[type].update(id, canonical),
    changedSince: (type, watermark) => ops[type].changedSince(watermark),
    async serverTime() {
      const { serverTime } = await client.request<{ shop: { id: string } }>({ operation: 'serverTime', query: '{ shop { id } }', cost: 1 });
      if (!serverTime) throw new ConnectorError('transient', 'Shopify answered without a Date header');
      return serverTime;
    },
    async test(): Promise<TestResult> {
      try {
        const { data } = await client.request<{ shop: { name: string; myshopifyDomain: string } }>({
          operation: 'test', query: '{ shop { name myshopifyDomain } }', cost: 1,
        });
        return { ok: true, message: `Connected to Shopify shop ${data.shop.name} (${data.shop.myshopifyDomain})` };
      } catch (err) {
        if (err instanceof ConnectorError) return { ok: false, message: err.message };
        throw err;
      }
    },
  };
}
