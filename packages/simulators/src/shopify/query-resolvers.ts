import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import type { TimeBound } from '../common/time-index.js';
import { compareKeys, paginate, type Connection, type SortKey } from './connection.js';
import { badRequest, bool, list, obj, str, type Args, type Resolver, type SimContext } from './context.js';
import { parseGid } from './gid.js';
import type { ProductRecord } from './records.js';
import { compileSearch, dateLowerBound, type SearchSpec } from './search.js';
import { inventoryItemSearch, orderSearch, productSearch, variantSearch } from './search-specs.js';

interface Listable {
  num: number;
  updatedAt: Date;
}

type SortKeys<T> = Record<string, (item: T) => SortKey>;

const byId = <T extends { num: number }>(item: T): SortKey => ({ value: item.num, num: item.num });

/** Filter by `query:` (reporting ignored fields in extensions.search), sort once, page by cursor. */
function searchList<T extends Listable>(
  ctx: SimContext, info: GraphQLResolveInfo, args: Args,
  resource: string, all: () => Iterable<T>, spec: SearchSpec<T>, sorts: SortKeys<T>,
  updatedFrom?: (from: TimeBound) => Iterable<T>,
): Connection<T> {
  const query = str(args.query) ?? '';
  const sortName = str(args.sortKey) ?? 'ID';
  const sortOf = sorts[sortName] ?? byId;
  const reverse = bool(args.reverse) ?? false;
  const compiled = compileSearch(query, spec);
  if (compiled.warnings.length > 0) ctx.search.push({ path: responsePathAsArray(info.path), query, warnings: compiled.warnings });
  const compute = (): T[] => {
    const lagLimit = query && ctx.searchLagMs > 0 ? ctx.store.now().getTime() - ctx.searchLagMs : Infinity;
    // `updated_at:>` (a delta read) reads its index range, not every record; the query still filters.
    const from = updatedFrom && dateLowerBound(query, 'updated_at');
    const items = [...(from ? updatedFrom(from) : all())].filter((r) => r.updatedAt.getTime() <= lagLimit && compiled.matches(r));
    // Each record's sort key once, not twice per comparison.
    const keyed = items.map((item) => ({ item, key: sortOf(item) }));
    keyed.sort((a, b) => compareKeys(a.key, b.key));
    if (reverse) keyed.reverse();
    return keyed.map((k) => k.item);
  };
  const sorted = query && ctx.searchLagMs > 0 ? compute() : ctx.lists.get(`${resource}|${query}|${sortName}|${reverse}`, ctx.store.version, compute);
  const page = paginate(sorted, sortOf, args, reverse);
  if (page.offset + page.nodes.length > ctx.maxPagedObjects) {
    throw badRequest(`Pagination is limited to ${ctx.maxPagedObjects} objects per query; use a narrower query or a bulk operation.`);
  }
  return page;
}

const productSorts: SortKeys<ProductRecord> = {
  ID: byId,
  TITLE: (p) => ({ value: p.title.toLowerCase(), num: p.num }),
  UPDATED_AT: (p) => ({ value: p.updatedAt.getTime(), num: p.num }),
  CREATED_AT: (p) => ({ value: p.createdAt.getTime(), num: p.num }),
  PRODUCT_TYPE: (p) => ({ value: p.productType.toLowerCase(), num: p.num }),
  VENDOR: (p) => ({ value: p.vendor.toLowerCase(), num: p.num }),
};

/** Any record by its GID; unknown types and ids answer null, as Shopify's `node` does. */
export function findNode(ctx: SimContext, id: string): unknown {
  const gid = parseGid(id);
  if (!gid) throw badRequest(`Invalid global id '${id}'`, 'INVALID');
  const { store } = ctx;
  switch (gid.type) {
    case 'Product': return store.products.get(id) ?? null;
    case 'ProductVariant': return store.variants.get(id) ?? null;
    case 'InventoryItem': return store.inventoryItems.get(id) ?? null;
    case 'Location': return store.locations.get(id) ?? null;
    case 'Order': return store.orders.get(id) ?? null;
    default: return null;
  }
}

export function findProductByIdentifier(ctx: SimContext, identifier: Args): ProductRecord | null {
  const id = str(identifier.id);
  if (id) return ctx.store.products.get(id) ?? null;
  const handle = str(identifier.handle);
  if (handle) return ctx.store.productByHandle(handle) ?? null;
  const custom = obj(identifier.customId);
  if (custom) {
    const namespace = str(custom.namespace) ?? 'custom';
    for (const p of ctx.store.products.values()) {
      if (p.metafields.some((m) => m.namespace === namespace && m.key === custom.key && m.value === custom.value)) return p;
    }
    return null;
  }
  throw badRequest('identifier needs one of id, handle or customId');
}

export const queryResolvers: Record<string, Resolver> = {
  shop: (_s, _a, ctx) => ctx.shop,
  node: (_s, args, ctx) => findNode(ctx, str(args.id) ?? ''),
  nodes: (_s, args, ctx) => list(args.ids).map((id) => findNode(ctx, String(id))),
  product: (_s, args, ctx) => ctx.store.products.get(str(args.id) ?? '') ?? null,
  productByIdentifier: (_s, args, ctx) => findProductByIdentifier(ctx, obj(args.identifier) ?? {}),
  products: (_s, args, ctx, info) =>
    searchList(ctx, info, args, 'products', () => ctx.store.products.values(), productSearch(ctx.store), productSorts, (from) => ctx.store.productsUpdatedFrom(from)),
  productVariants: (_s, args, ctx, info) =>
    searchList(ctx, info, args, 'variants', () => ctx.store.variants.values(), variantSearch(ctx.store), {
      ID: byId,
      SKU: (v) => ({ value: v.sku ?? '', num: v.num }),
      TITLE: (v) => ({ value: v.title.toLowerCase(), num: v.num }),
    }),
  inventoryItem: (_s, args, ctx) => ctx.store.inventoryItems.get(str(args.id) ?? '') ?? null,
  inventoryItems: (_s, args, ctx, info) =>
    searchList(ctx, info, args, 'inventoryItems', () => ctx.store.inventoryItems.values(), inventoryItemSearch(ctx.store), { ID: byId }),
  location: (_s, args, ctx) => {
    const id = str(args.id);
    return id ? ctx.store.locations.get(id) ?? null : ctx.store.locations.values().next().value ?? null;
  },
  locations: (_s, args, ctx) => {
    const all = [...ctx.store.locations.values()].filter((l) => l.isActive || bool(args.includeInactive));
    const sortOf = str(args.sortKey) === 'NAME' ? (l: (typeof all)[number]) => ({ value: l.name.toLowerCase(), num: l.num }) : byId;
    all.sort((a, b) => compareKeys(sortOf(a), sortOf(b)));
    return paginate(all, sortOf, args);
  },
  order: (_s, args, ctx) => ctx.store.orders.get(str(args.id) ?? '') ?? null,
  orders: (_s, args, ctx, info) =>
    searchList(ctx, info, args, 'orders', () => ctx.store.orders.values(), orderSearch, {
      ID: byId,
      CREATED_AT: (o) => ({ value: o.createdAt.getTime(), num: o.num }),
      UPDATED_AT: (o) => ({ value: o.updatedAt.getTime(), num: o.num }),
      PROCESSED_AT: (o) => ({ value: o.processedAt.getTime(), num: o.num }),
    }),
};
