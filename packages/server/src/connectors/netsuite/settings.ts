import { ConnectorError } from '../errors.js';
import type { ConnectionSettings } from '../types.js';

export interface NetSuiteSettings {
  /** As NetSuite writes it (upper case, e.g. 123456_SB1): the TBA realm and the limiter key. */
  accountId: string;
  /** Origin the REST paths hang off, without a trailing slash. */
  baseUrl: string;
  /** The account's time zone: SuiteQL reads and writes datetimes as wall time there. */
  timeZone: string;
  locationId: string | null;
  shippingItemId: string | null;
}

/** NetSuite's default zone for new accounts; set settings.timeZone to the integration user's zone. */
export const DEFAULT_ACCOUNT_TIME_ZONE = 'America/Los_Angeles';

/** `123456_SB1` is served at `123456-sb1.suitetalk.api.netsuite.com`. */
export function defaultBaseUrl(accountId: string): string {
  return `https://${accountId.toLowerCase().replace(/_/g, '-')}.suitetalk.api.netsuite.com`;
}

export function resolveSettings(settings: ConnectionSettings): NetSuiteSettings {
  const accountId = settings.accountId?.trim().toUpperCase();
  if (!accountId || !/^[A-Z0-9_]+$/.test(accountId)) throw new ConnectorError('permanent', 'netsuite: settings.accountId is missing or malformed');
  const timeZone = settings.timeZone ?? DEFAULT_ACCOUNT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new ConnectorError('permanent', `netsuite: settings.timeZone "${timeZone}" is not an IANA time zone`);
  }
  return {
    accountId,
    baseUrl: (settings.baseUrl ?? defaultBaseUrl(accountId)).replace(/\/+$/, ''),
    timeZone,
    locationId: settings.locationId ?? null,
    shippingItemId: settings.shippingItemId ?? null,
  };
}
