import { ConnectorError } from './errors.js';
import type { RetryPolicy } from './http/retry.js';
import { createNetSuiteConnector, type NetSuiteConnectorOptions } from './netsuite/index.js';
import { createShopifyConnector, type ShopifyConnectorOptions } from './shopify/connector.js';
import type { Connector, ConnectionSettings, NetSuiteCredentials, Platform, ShopifyCredentials } from './types.js';

/** Thrown when this build has no connector for a platform. */
export class ConnectorUnavailableError extends Error {
  constructor(readonly platform: Platform) {
    super(`no ${platform} connector is available on this server`);
    this.name = 'ConnectorUnavailableError';
  }
}

type PlatformOptions<O> = Omit<O, 'settings' | 'credentials'>;

export interface ConnectorDeps {
  /** Overrides of the retry policy (an interactive test wants few, short retries). */
  retry?: Partial<RetryPolicy>;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Anything else one platform's factory takes (limiter, logger, metrics). */
  netsuite?: PlatformOptions<NetSuiteConnectorOptions>;
  shopify?: PlatformOptions<ShopifyConnectorOptions>;
}

export type ConnectorFactory = (
  platform: Platform,
  settings: ConnectionSettings,
  credentials: ShopifyCredentials | NetSuiteCredentials,
  deps?: ConnectorDeps,
) => Connector;

function isShopifyCredentials(c: ShopifyCredentials | NetSuiteCredentials): c is ShopifyCredentials {
  return 'accessToken' in c;
}

function isNetSuiteCredentials(c: ShopifyCredentials | NetSuiteCredentials): c is NetSuiteCredentials {
  return 'consumerKey' in c && 'consumerSecret' in c && 'tokenId' in c && 'tokenSecret' in c;
}

function common(deps: ConnectorDeps): { retry?: Partial<RetryPolicy>; timeoutMs?: number } {
  return { ...(deps.retry ? { retry: deps.retry } : {}), ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}) };
}

/** The one place a connection becomes a connector for its platform. */
export const createConnector: ConnectorFactory = (platform, settings, credentials, deps = {}) => {
  switch (platform) {
    case 'netsuite':
      if (!isNetSuiteCredentials(credentials)) throw new ConnectorError('permanent', 'a NetSuite connection needs NetSuite credentials');
      return createNetSuiteConnector({ ...deps.netsuite, ...common(deps), settings, credentials });
    case 'shopify':
      if (!isShopifyCredentials(credentials)) throw new ConnectorError('permanent', 'a Shopify connection needs Shopify credentials');
      return createShopifyConnector({ ...deps.shopify, ...common(deps), settings, credentials });
    default:
      throw new ConnectorUnavailableError(platform);
  }
};
