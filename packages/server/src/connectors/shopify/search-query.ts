import { ConnectorError } from '../errors.js';
import type { FilterConfig, ItemType } from '../types.js';
import { searchInstant } from './mappers/time.js';

/** A quoted search value; quotes and backslashes escaped so input cannot add search terms. */
export function quoteSearch(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `updated_at:>'...'`: strict, whole seconds, UTC. */
export function updatedAfter(at: Date): string {
  return `updated_at:>${quoteSearch(searchInstant(at))}`;
}

function instant(value: string): Date {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new ConnectorError('permanent', `updatedAfter is not a timestamp: ${JSON.stringify(value)}`);
  return at;
}

function amount(value: number, name: string): string {
  if (!Number.isFinite(value)) throw new ConnectorError('permanent', `${name} is not a number`);
  return String(value);
}

/** FilterConfig → Shopify search syntax. A filter that does not apply to the type is refused, never dropped (dropping widens the read). */
export function searchFor(type: ItemType, filter: FilterConfig): string | undefined {
  const parts: string[] = [];
  const productOnly = type !== 'order';
  const refuse = (field: string) => {
    throw new ConnectorError('permanent', `filter ${field} does not apply to Shopify ${type} records`);
  };
  if (filter.status && filter.status.length > 0) {
    if (!productOnly) refuse('status');
    parts.push(`status:${filter.status.join(',')}`);
  }
  if (filter.priceMin !== undefined) {
    if (!productOnly) refuse('priceMin');
    parts.push(`price:>=${amount(filter.priceMin, 'priceMin')}`);
  }
  if (filter.priceMax !== undefined) {
    if (!productOnly) refuse('priceMax');
    parts.push(`price:<=${amount(filter.priceMax, 'priceMax')}`);
  }
  if (filter.category) {
    if (!productOnly) refuse('category');
    parts.push(`product_type:${quoteSearch(filter.category)}`);
  }
  if (filter.updatedAfter) parts.push(updatedAfter(instant(filter.updatedAfter)));
  if (filter.search && filter.search.trim()) parts.push(quoteSearch(filter.search.trim()));
  return parts.length > 0 ? parts.join(' ') : undefined;
}
