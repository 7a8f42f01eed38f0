import { z } from 'zod';
import type { ItemType, Platform } from '../../generated/prisma/client.js';
import { LIMITS } from '../shared/limits.js';

export const PRIORITY_MIN = -1000;
export const PRIORITY_MAX = 1000;

export const priority = z
  .number()
  .int('must be an integer')
  .min(PRIORITY_MIN, `must be at least ${PRIORITY_MIN}`)
  .max(PRIORITY_MAX, `must be at most ${PRIORITY_MAX}`);

export const searchText = z
  .string()
  .trim()
  .max(LIMITS.search, `must be at most ${LIMITS.search} characters`)
  .transform((v) => (v.length ? v : null));

const rawId = z.string().trim().min(1, 'must not be empty').max(LIMITS.sourceId, `must be at most ${LIMITS.sourceId} characters`);

// INVENTORY items name the source product (DESIGN §10): its level is read at the connection's location.
const SHOPIFY_RESOURCE: Record<ItemType, string> = { product: 'Product', inventory: 'Product', order: 'Order' };
const SHOPIFY_GID = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)$/i;
const DIGITS = /^\d+$/;

/** "00123" and "123" are one record: leading zeros go; zero itself is no id. */
function canonicalDigits(digits: string): string | null {
  const stripped = digits.replace(/^0+/, '');
  return stripped.length ? stripped : null;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * The platform's canonical id, so one record is never listed twice under two spellings:
 * a Shopify GID of the item type's resource (a bare numeric id becomes that GID), or a
 * NetSuite internal id as plain digits.
 */
export function canonicalId(platform: Platform, itemType: ItemType, value: string): Checked<string> {
  const raw = rawId.safeParse(value);
  if (!raw.success) return { ok: false, message: raw.error.issues[0]?.message ?? 'is invalid' };
  const id = raw.data;
  if (platform === 'netsuite') {
    const digits = DIGITS.test(id) ? canonicalDigits(id) : null;
    return digits ? { ok: true, value: digits } : { ok: false, message: 'must be a NetSuite internal id (digits, e.g. "123")' };
  }
  const resource = SHOPIFY_RESOURCE[itemType];
  const gid = SHOPIFY_GID.exec(id);
  const digits = gid ? (gid[1]!.toLowerCase() === resource.toLowerCase() ? gid[2]! : null) : DIGITS.test(id) ? id : null;
  const canonical = digits === null ? null : canonicalDigits(digits);
  return canonical
    ? { ok: true, value: `gid://shopify/${resource}/${canonical}` }
    : { ok: false, message: `must be a Shopify ${resource} id (gid://shopify/${resource}/123 or 123)` };
}

const DECIMAL = /^\d{1,15}(\.\d{1,6})?$/;
const metadataText = z.string().max(255, 'must be at most 255 characters');

const metadataFields = z.object({
  name: metadataText.nullish(),
  sku: metadataText.nullish(),
  price: z
    .union([z.number().finite().min(0), z.string().trim().regex(DECIMAL)], { message: 'must be a non-negative number or decimal string' })
    .nullish(),
});

export const METADATA_MAX_DEPTH = 16;

// Iterative on purpose: a deeply nested value within the body limit would overflow the stack of
// a recursive walk (or of JSON.stringify) and answer a 500.
function depthExceeds(value: object, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return true;
    for (const child of Object.values(node as object)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

export interface MetadataIssue {
  path: string[];
  message: string;
}

/** A JSON object of at most 16 KB serialized; name, sku and price keep their shapes. */
export function checkMetadata(value: unknown): { ok: true; value: Record<string, unknown> } | { ok: false; issue: MetadataIssue } {
  if (value === null || value === undefined) return { ok: true, value: {} };
  if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, issue: { path: [], message: 'metadata must be a JSON object' } };
  if (depthExceeds(value, METADATA_MAX_DEPTH)) return { ok: false, issue: { path: [], message: `metadata must nest at most ${METADATA_MAX_DEPTH} levels deep` } };
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > LIMITS.metadataBytes) return { ok: false, issue: { path: [], message: `metadata must be at most ${LIMITS.metadataBytes} bytes serialized` } };
  const fields = metadataFields.safeParse(value);
  if (!fields.success) {
    const issue = fields.error.issues[0];
    const key = issue?.path.find((p) => typeof p === 'string');
    return { ok: false, issue: { path: key ? [key] : [], message: `metadata${key ? `.${key}` : ''} ${issue?.message ?? 'is invalid'}` } };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
