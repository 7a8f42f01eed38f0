import { createHash } from 'node:crypto';
import type { CanonicalItem } from '../connectors/types.js';

export type FieldValues = Record<string, string>;

/** Money as a decimal string with two places, never a float (DESIGN §5 step 3). */
export function money(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const text = typeof value === 'number' ? value.toFixed(2) : value.trim();
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m) return text;
  const cents = (m[3] ?? '').padEnd(3, '0');
  let units = BigInt(m[2] || '0') * 100n + BigInt(cents.slice(0, 2));
  if (Number(cents[2]) >= 5) units += 1n;
  const abs = `${units / 100n}.${(units % 100n).toString().padStart(2, '0')}`;
  return m[1] && units !== 0n ? `-${abs}` : abs;
}

/**
 * The mapped fields we write, as normalised strings: only these are hashed, so a change
 * the target never sees (an unmapped field, a moved timestamp, our own echo) is no change.
 */
export function mappedFields(item: CanonicalItem): FieldValues {
  switch (item.kind) {
    case 'product':
      return { sku: item.sku.trim(), title: item.title.trim(), price: money(item.price), status: item.status, category: item.category?.trim() ?? '' };
    case 'inventory':
      return { sku: item.sku.trim(), quantity: String(Math.trunc(item.quantity)) };
    case 'order':
      return {
        orderNumber: item.orderNumber,
        email: item.email?.toLowerCase() ?? '',
        customer: [item.firstName ?? '', item.lastName ?? ''].join(' ').trim(),
        currency: item.currency,
        lines: item.lines
          .map((l) => `${l.sku}x${l.quantity}@${money(l.price)}`)
          .sort()
          .join(','),
        shipping: money(item.shipping),
      };
  }
}

export function contentHash(fields: FieldValues): string {
  const sorted = Object.keys(fields)
    .sort()
    .map((k) => [k, fields[k]]);
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

/** Names of the fields whose values differ from those last written. */
export function changedFields(previous: FieldValues | null, next: FieldValues): string[] {
  if (!previous) return Object.keys(next).sort();
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]);
  return [...keys].filter((k) => previous[k] !== next[k]).sort();
}

export function readFieldValues(stored: unknown): FieldValues | null {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return null;
  const out: FieldValues = {};
  for (const [k, v] of Object.entries(stored)) if (typeof v === 'string') out[k] = v;
  return out;
}
