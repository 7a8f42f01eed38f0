import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { SearchWarning } from './search.js';
import type { ShopifyStore } from './store.js';

export interface ShopInfo {
  id: string;
  name: string;
  myshopifyDomain: string;
  currencyCode: string;
  ianaTimezone: string;
}

export interface SearchReport {
  path: Array<string | number>;
  query: string;
  warnings: SearchWarning[];
}

/** Filtered and sorted record lists, kept while the store is unchanged: paging 100,000 products sorts once. */
export class SortedLists {
  private entries = new Map<string, { version: number; items: readonly unknown[] }>();

  get<T>(key: string, version: number, compute: () => T[]): readonly T[] {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.items as readonly T[];
    const items = compute();
    if (this.entries.size >= 8) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { version, items });
    return items;
  }

  clear(): void {
    this.entries.clear();
  }
}

export interface SimContext {
  store: ShopifyStore;
  shop: ShopInfo;
  /** The version the answer is served as (X-Shopify-API-Version). */
  apiVersion: string;
  /** Edits younger than this are not yet visible to `query:` filters (Shopify's search index lags). */
  searchLagMs: number;
  /** Shopify stops paging one query after this many objects (25,000). */
  maxPagedObjects: number;
  search: SearchReport[];
  lists: SortedLists;
  /** @idempotent keys seen: the first result is answered again. */
  idempotency: Map<string, { fingerprint: string; result: unknown }>;
}

export type Args = Record<string, unknown>;

export type Resolver = (source: unknown, args: Args, ctx: SimContext, info: GraphQLResolveInfo) => unknown;

/** Lets each type's resolvers name their source type; graphql-js hands sources over untyped. */
export function typed<S>(fields: Record<string, (source: S, args: Args, ctx: SimContext, info: GraphQLResolveInfo) => unknown>): Record<string, Resolver> {
  const out: Record<string, Resolver> = {};
  for (const [name, fn] of Object.entries(fields)) out[name] = (source, args, ctx, info) => fn(source as S, args, ctx, info);
  return out;
}

/** `2026-04` and later (and `unstable`) have the newer rules. */
export function versionAtLeast(version: string, min: string): boolean {
  return version === 'unstable' || version >= min;
}

export function badRequest(message: string, code = 'BAD_REQUEST'): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

export function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function obj(value: unknown): Args | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Args) : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
