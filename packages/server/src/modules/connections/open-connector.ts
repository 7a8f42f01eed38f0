import { ConnectorError } from '../../connectors/errors.js';
import { ConnectorUnavailableError, type ConnectorDeps, type ConnectorFactory } from '../../connectors/factory.js';
import type { ConnectionSettings, Connector, Platform } from '../../connectors/types.js';
import type { CredentialCipher } from '../../crypto/credentials.js';
import type { Connection } from '../../generated/prisma/client.js';
import { fail, ok, type Result } from '../shared/result.js';
import { CONNECTION_UNUSABLE, NOT_AVAILABLE, OUTBOUND_NOT_ALLOWED } from './connections.errors.js';
import type { PlatformCredentials } from './connections.validation.js';
import { netSuiteHost } from './connections.validation.js';
import { checkBaseUrl, checkShopDomain, matchAllowedHost, type AllowedHost } from './outbound.js';
import { openCredentials, readSettings } from './stored-connection.js';

export interface OpenConnectorDeps {
  cipher: CredentialCipher;
  allowed: readonly AllowedHost[];
  factory: ConnectorFactory;
  connectorDeps?: ConnectorDeps;
}

export interface OpenedConnector {
  connector: Connector;
  /** The decrypted credentials, only so that callers can cut them out of messages. */
  credentials: PlatformCredentials;
}

/**
 * The host a stored connection will fetch must still be allowed now: the allowed hosts
 * may have changed since the connection was saved.
 */
export function storedHostAllowed(platform: Platform, settings: ConnectionSettings, allowed: readonly AllowedHost[]): boolean {
  if (settings.baseUrl) return checkBaseUrl(settings.baseUrl, allowed).ok;
  if (platform === 'shopify') return settings.shopDomain !== undefined && checkShopDomain(settings.shopDomain, allowed, true).ok;
  return settings.accountId !== undefined && matchAllowedHost(allowed, netSuiteHost(settings.accountId), 443) !== null;
}

/** A stored connection as a connector: outbound check, decryption, then the platform's factory. */
export function openConnector(deps: OpenConnectorDeps, row: Connection): Result<OpenedConnector> {
  const settings = readSettings(row.config);
  if (!storedHostAllowed(row.platform, settings, deps.allowed)) {
    return fail(OUTBOUND_NOT_ALLOWED, "this connection's address is not an allowed host; update its settings", ['id']);
  }
  const credentials = openCredentials(deps.cipher, row.platform, row.credentials);
  if (!credentials) return fail(CONNECTION_UNUSABLE, 'the stored credentials cannot be read; enter them again', ['id']);
  try {
    return ok({ connector: deps.factory(row.platform, settings, credentials, deps.connectorDeps), credentials });
  } catch (err) {
    if (err instanceof ConnectorUnavailableError) return fail(NOT_AVAILABLE, err.message, ['id']);
    if (err instanceof ConnectorError) return fail(CONNECTION_UNUSABLE, err.message, ['id']);
    throw err;
  }
}
