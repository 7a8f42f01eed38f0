import type { FilterConfigInput, SyncDirection } from '../../../gql/graphql';

/** The API's FilterConfig (nullable fields) or our input (optional fields). */
export interface FilterLike {
  status?: ReadonlyArray<string> | null;
  priceMin?: number | null;
  priceMax?: number | null;
  category?: string | null;
  updatedAfter?: string | null;
  search?: string | null;
}

/** The API's filter (nulls, __typename) as an input with only the fields that filter something. */
export function toFilterInput(filter: FilterLike | null | undefined): FilterConfigInput {
  const input: FilterConfigInput = {};
  if (!filter) return input;
  if (filter.status && filter.status.length > 0) input.status = [...filter.status];
  if (typeof filter.priceMin === 'number') input.priceMin = filter.priceMin;
  if (typeof filter.priceMax === 'number') input.priceMax = filter.priceMax;
  if (filter.category?.trim()) input.category = filter.category.trim();
  if (filter.updatedAfter) input.updatedAfter = filter.updatedAfter;
  if (filter.search?.trim()) input.search = filter.search.trim();
  return input;
}

export function isEmptyFilter(filter: FilterConfigInput): boolean {
  return Object.keys(toFilterInput(filter)).length === 0;
}

/** "status: active · price 10–1000 · category: Electronics · updated after 1 Jan 2024 · “usb”". */
export function summarizeFilter(filter: FilterLike | null | undefined): string {
  const f = toFilterInput(filter);
  const parts: string[] = [];
  if (f.status) parts.push(`status: ${f.status.join(', ')}`);
  if (f.priceMin !== undefined && f.priceMax !== undefined) parts.push(`price ${f.priceMin}–${f.priceMax}`);
  else if (f.priceMin !== undefined) parts.push(`price ≥ ${f.priceMin}`);
  else if (f.priceMax !== undefined) parts.push(`price ≤ ${f.priceMax}`);
  if (f.category) parts.push(`category: ${f.category}`);
  if (f.updatedAfter) {
    const date = new Date(f.updatedAfter);
    const shown = Number.isNaN(date.getTime()) ? f.updatedAfter : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
    parts.push(`updated after ${shown}`);
  }
  if (f.search) parts.push(`“${f.search}”`);
  return parts.length > 0 ? parts.join(' · ') : 'All products';
}

export function sourcePlatformOf(direction: SyncDirection | string): 'NETSUITE' | 'SHOPIFY' {
  return direction === 'SHOPIFY_TO_NETSUITE' ? 'SHOPIFY' : 'NETSUITE';
}

export function directionFrom(sourcePlatform: string): SyncDirection {
  return sourcePlatform === 'SHOPIFY' ? 'SHOPIFY_TO_NETSUITE' : 'NETSUITE_TO_SHOPIFY';
}

export function otherPlatform(platform: string): 'NETSUITE' | 'SHOPIFY' {
  return platform === 'SHOPIFY' ? 'NETSUITE' : 'SHOPIFY';
}
