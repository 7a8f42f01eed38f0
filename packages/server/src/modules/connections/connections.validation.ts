import { z } from 'zod';
import type { ConnectionSettings, NetSuiteCredentials, Platform, ShopifyCredentials } from '../../connectors/types.js';
import { LIMITS } from '../shared/limits.js';
import { INVALID, type Result, type ServiceError } from '../shared/result.js';
import { checkBaseUrl, checkShopDomain, matchAllowedHost, type AllowedHost, type OutboundCheck } from './outbound.js';

export const SECRET_MAX = 512;
export const ID_MAX = 512;

export const connectionName = z.string().trim().min(1, 'must not be empty').max(LIMITS.name, `must be at most ${LIMITS.name} characters`);

// Tokens go into HTTP headers and signatures: visible ASCII only, so a stray newline
// can never split a header. Messages never quote the value.
const secret = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(SECRET_MAX, `must be at most ${SECRET_MAX} characters`)
  .regex(/^[\x21-\x7e]*$/, 'must be printable ASCII without spaces');

const apiVersion = z
  .string()
  .max(32, 'must be a Shopify API version such as 2026-07')
  .regex(/^(\d{4}-(01|04|07|10)|unstable)$/, 'must be a Shopify API version such as 2026-07');

const accountId = z
  .string()
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9]+([_-][A-Za-z0-9]+)*$/, 'must be a NetSuite account id such as 1234567 or 1234567_SB1')
  // The realm form: upper case, "_" before a sandbox suffix (the host form uses "-").
  .transform((v) => v.toUpperCase().replace(/-/g, '_'));

const netSuiteInternalId = z.string().max(ID_MAX, `must be at most ${ID_MAX} characters`).regex(/^\d{1,20}$/, 'must be a NetSuite internal id (digits)');

const shopifyLocationId = z
  .string()
  .max(ID_MAX, `must be at most ${ID_MAX} characters`)
  .regex(/^(gid:\/\/shopify\/Location\/)?\d{1,20}$/, 'must be a Shopify location id such as gid://shopify/Location/123')
  .transform((v) => (v.startsWith('gid://') ? v : `gid://shopify/Location/${v}`));

const timeZone = z
  .string()
  .max(64, 'must be an IANA time zone such as America/New_York')
  .regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/, 'must be an IANA time zone such as America/New_York')
  .transform((v, ctx) => {
    try {
      // Intl knows the IANA database and answers the canonical spelling.
      return new Intl.DateTimeFormat('en-US', { timeZone: v }).resolvedOptions().timeZone;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be an IANA time zone such as America/New_York' });
      return z.NEVER;
    }
  });

export interface ShopifyConnectionInput {
  shopDomain: string;
  accessToken: string;
  apiVersion?: string | null;
  baseUrl?: string | null;
  locationId?: string | null;
}

export interface NetSuiteConnectionInput {
  accountId: string;
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
  baseUrl?: string | null;
  locationId?: string | null;
  shippingItemId?: string | null;
  timeZone?: string | null;
}

export type PlatformCredentials = ShopifyCredentials | NetSuiteCredentials;

/** What a platform block becomes: settings for `config`, credentials for the cipher. */
export interface ConnectionSpec {
  platform: Platform;
  settings: ConnectionSettings;
  credentials: PlatformCredentials;
}

/** Collects every field's problem instead of stopping at the first. */
class FieldChecker {
  readonly errors: ServiceError[] = [];
  constructor(private readonly path: string[]) {}

  parse<T>(schema: z.ZodType<T, string>, field: string, value: string): T | undefined {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    this.errors.push({ code: INVALID, field: [...this.path, field], message: `${field} ${parsed.error.issues[0]?.message ?? 'is invalid'}` });
    return undefined;
  }

  /** Optional settings: null, absent or blank leave the setting unset. */
  optional<T>(schema: z.ZodType<T, string>, field: string, value: string | null | undefined): T | undefined {
    if (value === null || value === undefined || value.trim() === '') return undefined;
    return this.parse(schema, field, value.trim());
  }

  outbound<T>(field: string, check: OutboundCheck<T>): T | undefined {
    if (check.ok) return check.value;
    this.errors.push({ code: check.code, field: [...this.path, field], message: `${field} ${check.message}` });
    return undefined;
  }

  result(spec: () => ConnectionSpec): Result<ConnectionSpec> {
    return this.errors.length ? { ok: false, errors: this.errors } : { ok: true, value: spec() };
  }
}

function definedOnly(settings: ConnectionSettings): ConnectionSettings {
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)) as ConnectionSettings;
}

export function validateShopify(input: ShopifyConnectionInput, path: string[], allowed: readonly AllowedHost[]): Result<ConnectionSpec> {
  const c = new FieldChecker(path);
  const baseUrlGiven = typeof input.baseUrl === 'string' && input.baseUrl.trim() !== '';
  const shopDomain = c.outbound('shopDomain', checkShopDomain(input.shopDomain, allowed, !baseUrlGiven));
  const baseUrl = baseUrlGiven ? c.outbound('baseUrl', checkBaseUrl(input.baseUrl!, allowed)) : undefined;
  const accessToken = c.parse(secret, 'accessToken', input.accessToken);
  const version = c.optional(apiVersion, 'apiVersion', input.apiVersion);
  const locationId = c.optional(shopifyLocationId, 'locationId', input.locationId);
  return c.result(() => ({
    platform: 'shopify',
    settings: definedOnly({ shopDomain, apiVersion: version, baseUrl, locationId }),
    credentials: { accessToken: accessToken! },
  }));
}

/** The host NetSuite's REST API lives on for an account: 1234567_SB1 -> 1234567-sb1.suitetalk.api.netsuite.com. */
export function netSuiteHost(account: string): string {
  return `${account.toLowerCase().replace(/_/g, '-')}.suitetalk.api.netsuite.com`;
}

export function validateNetSuite(input: NetSuiteConnectionInput, path: string[], allowed: readonly AllowedHost[]): Result<ConnectionSpec> {
  const c = new FieldChecker(path);
  const account = c.parse(accountId, 'accountId', input.accountId.trim());
  const baseUrlGiven = typeof input.baseUrl === 'string' && input.baseUrl.trim() !== '';
  const baseUrl = baseUrlGiven ? c.outbound('baseUrl', checkBaseUrl(input.baseUrl!, allowed)) : undefined;
  // Without a base URL the account id names the host that will be fetched.
  if (account && !baseUrlGiven && matchAllowedHost(allowed, netSuiteHost(account), 443) === null) {
    c.outbound('accountId', { ok: false, code: 'OUTBOUND_NOT_ALLOWED', message: "names a host that is not allowed" });
  }
  const credentials = {
    consumerKey: c.parse(secret, 'consumerKey', input.consumerKey),
    consumerSecret: c.parse(secret, 'consumerSecret', input.consumerSecret),
    tokenId: c.parse(secret, 'tokenId', input.tokenId),
    tokenSecret: c.parse(secret, 'tokenSecret', input.tokenSecret),
  };
  const locationId = c.optional(netSuiteInternalId, 'locationId', input.locationId);
  const shippingItemId = c.optional(netSuiteInternalId, 'shippingItemId', input.shippingItemId);
  const zone = c.optional(timeZone, 'timeZone', input.timeZone);
  return c.result(() => ({
    platform: 'netsuite',
    settings: definedOnly({ accountId: account, baseUrl, locationId, shippingItemId, timeZone: zone }),
    credentials: credentials as NetSuiteCredentials,
  }));
}

/** Exactly one platform block (create) or at most one (update); the path names the offender. */
export function platformBlock(
  input: { shopify?: ShopifyConnectionInput | null; netsuite?: NetSuiteConnectionInput | null },
  allowed: readonly AllowedHost[],
  required: boolean,
): Result<ConnectionSpec | null> {
  const { shopify, netsuite } = input;
  if (shopify && netsuite) return { ok: false, errors: [{ code: INVALID, field: ['input'], message: 'give exactly one of shopify or netsuite, not both' }] };
  if (shopify) return validateShopify(shopify, ['input', 'shopify'], allowed);
  if (netsuite) return validateNetSuite(netsuite, ['input', 'netsuite'], allowed);
  if (required) return { ok: false, errors: [{ code: INVALID, field: ['input'], message: 'give exactly one of shopify or netsuite' }] };
  return { ok: true, value: null };
}
