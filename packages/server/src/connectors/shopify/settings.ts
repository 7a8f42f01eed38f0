import { ConnectorError } from '../errors.js';
import type { ConnectionSettings } from '../types.js';
import { toGid } from './ids.js';

/** Inside Shopify's support window (about 12 months per version); settings.apiVersion overrides it. */
export const DEFAULT_SHOPIFY_API_VERSION = '2026-07';

export interface ShopifySettings {
  /** `…/admin/api/{version}/graphql.json` */
  endpoint: string;
  apiVersion: string;
  /** The shop, for the shared cost limiter: every connection to one shop shares its bucket. */
  shopKey: string;
  locationId: string | undefined;
}

function shopHost(domain: string): string {
  const host = domain.trim().replace(/^https?:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
  if (!host) throw new ConnectorError('permanent', 'Shopify shopDomain is empty');
  return host.includes('.') ? host : `${host}.myshopify.com`;
}

/** settings.baseUrl (a simulator, a proxy) overrides `https://{shopDomain}`. */
export function resolveShopifySettings(settings: ConnectionSettings): ShopifySettings {
  const apiVersion = settings.apiVersion ?? DEFAULT_SHOPIFY_API_VERSION;
  if (!/^(\d{4}-\d{2}|unstable)$/.test(apiVersion)) throw new ConnectorError('permanent', `not a Shopify API version: ${JSON.stringify(apiVersion)}`);
  const host = settings.shopDomain ? shopHost(settings.shopDomain) : undefined;
  let base: string;
  if (settings.baseUrl) {
    try {
      base = new URL(settings.baseUrl).toString().replace(/\/+$/, '');
    } catch {
      throw new ConnectorError('permanent', `Shopify baseUrl is not a URL: ${JSON.stringify(settings.baseUrl)}`);
    }
  } else if (host) base = `https://${host}`;
  else throw new ConnectorError('permanent', 'a Shopify connection needs a shopDomain (or a baseUrl)');
  return {
    endpoint: `${base}/admin/api/${apiVersion}/graphql.json`,
    apiVersion,
    shopKey: `shopify:${host ?? new URL(base).host}`,
    locationId: settings.locationId ? toGid('Location', settings.locationId) : undefined,
  };
}
