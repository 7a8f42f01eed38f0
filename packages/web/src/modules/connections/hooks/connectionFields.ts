import type { CreateConnectionInput, NetSuiteConnectionInput, ShopifyConnectionInput } from '../../../gql/graphql';

export type ConnectionPlatform = 'SHOPIFY' | 'NETSUITE';

export interface ConnectionFieldSpec {
  name: string;
  label: string;
  required?: boolean;
  /** Secrets are write-only: a password input, never echoed back. */
  secret?: boolean;
  placeholder?: string;
  hint?: string;
  /** Shown under "Advanced settings". */
  advanced?: boolean;
}

export const SHOPIFY_FIELDS: ConnectionFieldSpec[] = [
  { name: 'shopDomain', label: 'Shop domain', required: true, placeholder: 'your-store.myshopify.com' },
  { name: 'accessToken', label: 'Admin API access token', required: true, secret: true, placeholder: 'shpat_…' },
  { name: 'apiVersion', label: 'API version', placeholder: '2025-07', advanced: true },
  { name: 'locationId', label: 'Location ID', placeholder: 'gid://shopify/Location/…', hint: 'Where inventory is written. Default: the shop’s first location.', advanced: true },
  { name: 'baseUrl', label: 'Base URL override', placeholder: 'https://…', hint: 'Only for a proxy or a simulator.', advanced: true },
];

export const NETSUITE_FIELDS: ConnectionFieldSpec[] = [
  { name: 'accountId', label: 'Account ID', required: true, placeholder: '1234567_SB1' },
  { name: 'consumerKey', label: 'Consumer key', required: true, secret: true },
  { name: 'consumerSecret', label: 'Consumer secret', required: true, secret: true },
  { name: 'tokenId', label: 'Token ID', required: true, secret: true },
  { name: 'tokenSecret', label: 'Token secret', required: true, secret: true },
  { name: 'locationId', label: 'Location ID', placeholder: '1', hint: 'Where inventory is read.', advanced: true },
  { name: 'shippingItemId', label: 'Shipping item ID', hint: 'The item used for order shipping lines.', advanced: true },
  { name: 'timeZone', label: 'Account time zone', placeholder: 'America/Los_Angeles', hint: 'The account’s IANA time zone.', advanced: true },
  { name: 'baseUrl', label: 'Base URL override', placeholder: 'https://…', hint: 'Only for a proxy or a simulator.', advanced: true },
];

export function fieldsFor(platform: ConnectionPlatform): ConnectionFieldSpec[] {
  return platform === 'SHOPIFY' ? SHOPIFY_FIELDS : NETSUITE_FIELDS;
}

export function missingRequired(platform: ConnectionPlatform, name: string, values: Record<string, string>): string[] {
  const missing = fieldsFor(platform).filter((f) => f.required && !values[f.name]?.trim()).map((f) => f.name);
  return name.trim() ? missing : ['name', ...missing];
}

function cleaned(values: Record<string, string>, specs: ConnectionFieldSpec[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of specs) {
    const value = values[spec.name]?.trim();
    if (value) out[spec.name] = value;
  }
  return out;
}

/** The createConnection input: exactly one platform block, blank optional fields left out. */
export function buildCreateConnectionInput(platform: ConnectionPlatform, name: string, values: Record<string, string>): CreateConnectionInput {
  if (platform === 'SHOPIFY') {
    const v = cleaned(values, SHOPIFY_FIELDS);
    const shopify: ShopifyConnectionInput = {
      shopDomain: v.shopDomain ?? '',
      accessToken: v.accessToken ?? '',
      ...(v.apiVersion ? { apiVersion: v.apiVersion } : {}),
      ...(v.baseUrl ? { baseUrl: v.baseUrl } : {}),
      ...(v.locationId ? { locationId: v.locationId } : {}),
    };
    return { name: name.trim(), shopify };
  }
  const v = cleaned(values, NETSUITE_FIELDS);
  const netsuite: NetSuiteConnectionInput = {
    accountId: v.accountId ?? '',
    consumerKey: v.consumerKey ?? '',
    consumerSecret: v.consumerSecret ?? '',
    tokenId: v.tokenId ?? '',
    tokenSecret: v.tokenSecret ?? '',
    ...(v.baseUrl ? { baseUrl: v.baseUrl } : {}),
    ...(v.locationId ? { locationId: v.locationId } : {}),
    ...(v.shippingItemId ? { shippingItemId: v.shippingItemId } : {}),
    ...(v.timeZone ? { timeZone: v.timeZone } : {}),
  };
  return { name: name.trim(), netsuite };
}

/** Credential field names as the API reports them in `credentialsSet`, made readable. */
export function credentialLabel(name: string): string {
  const spec = [...SHOPIFY_FIELDS, ...NETSUITE_FIELDS].find((f) => f.name === name);
  return spec?.label ?? name;
}
