import type { ConnectionSettings, NetSuiteCredentials, Platform, ShopifyCredentials } from '../../connectors/types.js';
import type { CredentialCipher } from '../../crypto/credentials.js';
import type { PlatformCredentials } from './connections.validation.js';

export const PLATFORM_LABEL: Record<Platform, string> = { shopify: 'Shopify', netsuite: 'NetSuite' };

/** Credential field names per platform, in the order the API lists them. */
export const CREDENTIAL_FIELDS: { shopify: ReadonlyArray<keyof ShopifyCredentials>; netsuite: ReadonlyArray<keyof NetSuiteCredentials> } = {
  shopify: ['accessToken'],
  netsuite: ['consumerKey', 'consumerSecret', 'tokenId', 'tokenSecret'],
};

const SETTING_KEYS = ['shopDomain', 'accountId', 'apiVersion', 'baseUrl', 'locationId', 'shippingItemId', 'timeZone'] as const;

/** Reads the `config` jsonb back into settings, keeping only known string keys. */
export function readSettings(stored: unknown): ConnectionSettings {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return {};
  const source = stored as Record<string, unknown>;
  const out: ConnectionSettings = {};
  for (const key of SETTING_KEYS) {
    const value = source[key];
    if (typeof value === 'string' && value.length > 0) out[key] = value;
  }
  return out;
}

/** The stored credentials of a connection, or null when they cannot be decrypted or are incomplete. */
export function openCredentials(cipher: CredentialCipher, platform: Platform, stored: string): PlatformCredentials | null {
  let value: unknown;
  try {
    value = cipher.decrypt<unknown>(stored);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const record = value as Record<string, unknown>;
  const fields: readonly string[] = CREDENTIAL_FIELDS[platform];
  if (!fields.every((f) => typeof record[f] === 'string' && record[f] !== '')) return null;
  return Object.fromEntries(fields.map((f) => [f, record[f] as string])) as unknown as PlatformCredentials;
}

/** Names of the credential fields that hold a value; the values themselves never leave the service. */
export function credentialFieldsSet(cipher: CredentialCipher, platform: Platform, stored: string): string[] {
  let value: unknown;
  try {
    value = cipher.decrypt<unknown>(stored);
  } catch {
    return [];
  }
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  return CREDENTIAL_FIELDS[platform].filter((f) => typeof record[f] === 'string' && record[f] !== '');
}
