import { ConnectorError } from '../errors.js';
import { defaultRetryPolicy, type RetryPolicy } from '../http/retry.js';
import { processConcurrencyLimiter, type ConcurrencyLimiter } from '../limits/concurrency.js';
import type { CanonicalByType, CanonicalItem, CanonicalOrder, CanonicalProduct, ConnectionSettings, Connector, ItemType, NetSuiteCredentials } from '../types.js';
import { createTbaAuth } from './auth/tba.js';
import type { NetSuiteAuth } from './auth/types.js';
import { NetSuiteClient, type NetSuiteLogger, type NetSuiteMetrics } from './client.js';
import { classDirectory, type NetSuiteContext } from './operations/context.js';
import { inventoryView } from './operations/inventory.js';
import { changedItems, listItems, readItems, type ItemView } from './operations/items.js';
import { createOrder, findOrderIds, updateOrder } from './operations/orders.js';
import { createProduct, findProductIds, productView, updateProduct } from './operations/products.js';
import { resolveSettings } from './settings.js';

export interface NetSuiteConnectorOptions {
  settings: ConnectionSettings;
  credentials: NetSuiteCredentials;
  /** Shared per account id; defaults to the process-wide in-memory limiter. */
  limiter?: ConcurrencyLimiter;
  /** The account's concurrency limit (5 on shared and developer accounts). */
  concurrencyLimit?: number;
  retry?: Partial<RetryPolicy>;
  logger?: NetSuiteLogger;
  metrics?: NetSuiteMetrics;
  /** Per-request timeout (AbortSignal.timeout). */
  timeoutMs?: number;
  /** Changed-since reads start this far before the watermark; never less than an hour (DST). */
  overlapMs?: number;
  /** The watermark never passes NetSuite's serverTime minus this (default 10 s). */
  settleMs?: number;
  /** Replaces TBA, e.g. with OAuth 2.0 client credentials later. */
  auth?: NetSuiteAuth;
}

const HOUR = 3_600_000;

const unsupported = (what: string) => new ConnectorError('permanent', `netsuite: ${what} is not supported (NetSuite is the source of products and inventory and the target of products and orders)`);

function expectKind<K extends ItemType>(type: K, canonical: CanonicalItem): void {
  if (canonical.kind !== type) throw new ConnectorError('permanent', `netsuite: a ${canonical.kind} was given for item type ${type}`);
}

export function createNetSuiteConnector(options: NetSuiteConnectorOptions): Connector {
  const settings = resolveSettings(options.settings);
  const client = new NetSuiteClient({
    settings,
    auth: options.auth ?? createTbaAuth({ accountId: settings.accountId, credentials: options.credentials }),
    limiter: options.limiter ?? processConcurrencyLimiter,
    concurrencyLimit: options.concurrencyLimit ?? 5,
    retry: { ...defaultRetryPolicy, ...options.retry },
    timeoutMs: options.timeoutMs ?? 120_000,
    logger: options.logger,
    metrics: options.metrics,
  });
  const ctx: NetSuiteContext = { client, settings, classIds: classDirectory(client), overlapMs: Math.max(HOUR, options.overlapMs ?? HOUR), settleMs: Math.max(0, options.settleMs ?? 10_000) };

  // Reads go through the item table for products and inventory alike; orders are write-only here.
  function viewFor<K extends ItemType>(type: K): ItemView<CanonicalByType[K]> {
    if (type === 'product') return productView as unknown as ItemView<CanonicalByType[K]>;
    if (type === 'inventory') return inventoryView(ctx) as unknown as ItemView<CanonicalByType[K]>;
    throw unsupported(`reading ${type}s`);
  }

  return {
    platform: 'netsuite',
    readMany: async (type, ids) => readItems(ctx, viewFor(type), ids),
    list: async (type, filter, cursor, first) => listItems(ctx, viewFor(type), filter, cursor, first),
    changedSince: (type, watermark) =>
      (async function* () {
        yield* changedItems(ctx, viewFor(type), watermark);
      })(),
    async findByKey(type, canonical, key) {
      expectKind(type, canonical);
      if (type === 'product') return findProductIds(ctx, canonical as CanonicalProduct, key);
      if (type === 'order') return findOrderIds(ctx, key);
      throw unsupported('writing inventory to NetSuite');
    },
    async create(type, canonical, key) {
      expectKind(type, canonical);
      if (type === 'product') return createProduct(ctx, canonical as CanonicalProduct, key);
      if (type === 'order') return createOrder(ctx, canonical as CanonicalOrder, key);
      throw unsupported('writing inventory to NetSuite');
    },
    async update(type, id, canonical) {
      expectKind(type, canonical);
      if (type === 'product') return updateProduct(ctx, id, canonical as CanonicalProduct);
      if (type === 'order') return updateOrder(ctx, id, canonical as CanonicalOrder);
      throw unsupported('writing inventory to NetSuite');
    },
    serverTime: () => client.serverTime(),
    async test() {
      try {
        const at = await client.serverTime();
        return { ok: true, message: `NetSuite account ${settings.accountId} answered; server time ${at.toISOString()}` };
      } catch (err) {
        return { ok: false, message: err instanceof Error ? err.message : String(err) };
      }
    },
  };
}
