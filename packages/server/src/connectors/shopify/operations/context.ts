import type { ChangedSinceOptions } from '../changed-since.js';
import type { ShopifyClient, ShopifyLogger } from '../client.js';
import type { ShopifySettings } from '../settings.js';

/** What every per-type operation works with. */
export interface ShopifyContext {
  client: ShopifyClient;
  settings: ShopifySettings;
  changes: ChangedSinceOptions;
  logger: ShopifyLogger | undefined;
  /** The connection's Shopify location: settings.locationId, else the shop's first location (looked up once). */
  locationId(): Promise<string>;
}

/** Splits ids into batches of at most `size`, dropping repeats. */
export function batches<T>(items: T[], size: number): T[][] {
  const unique = [...new Set(items)];
  const out: T[][] = [];
  for (let i = 0; i < unique.length; i += size) out.push(unique.slice(i, i + size));
  return out;
}
