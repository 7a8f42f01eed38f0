import { GraphQLError } from 'graphql';

export const MAX_PAGE_SIZE = 250;

export interface SortKey {
  value: string | number;
  /** The record's numeric id: the tie-break that makes the order total. */
  num: number;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  /** Position of the first node in the whole result (not part of the schema). */
  offset: number;
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Opaque to clients; shaped like Shopify's own (base64 JSON of the last id and sort value). */
export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify({ last_id: key.num, last_value: key.value })).toString('base64url');
}

export function decodeCursor(cursor: string): SortKey {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'last_id' in parsed && 'last_value' in parsed) {
      const { last_id: num, last_value: value } = parsed;
      if (typeof num === 'number' && (typeof value === 'string' || typeof value === 'number')) return { value, num };
    }
  } catch {
    // fall through to the GraphQL error below
  }
  throw new GraphQLError(`Invalid cursor for current pagination sort.`, { extensions: { code: 'BAD_REQUEST' } });
}

export function compareKeys(a: SortKey, b: SortKey): number {
  if (a.value !== b.value) return a.value < b.value ? -1 : 1;
  return a.num - b.num;
}

export function pageSize(args: PageArgs): number {
  if (args.last != null || args.before != null) {
    throw new GraphQLError('The simulator pages forward only (first/after).', { extensions: { code: 'BAD_REQUEST' } });
  }
  if (args.first == null) throw new GraphQLError('you must provide one of first or last', { extensions: { code: 'BAD_REQUEST' } });
  if (args.first < 0 || args.first > MAX_PAGE_SIZE) {
    throw new GraphQLError(`The first argument must be between 0 and ${MAX_PAGE_SIZE}.`, { extensions: { code: 'BAD_REQUEST' } });
  }
  return args.first;
}

/** One page of a list already sorted by `keyOf` (ascending, or descending when `reverse`). */
export function paginate<T>(sorted: readonly T[], keyOf: (item: T) => SortKey, args: PageArgs, reverse = false): Connection<T> {
  const size = pageSize(args);
  let start = 0;
  if (args.after) {
    const after = decodeCursor(args.after);
    const sign = reverse ? -1 : 1;
    // Binary search for the first item ordered after the cursor.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sign * compareKeys(keyOf(sorted[mid] as T), after) > 0) hi = mid;
      else lo = mid + 1;
    }
    start = lo;
  }
  const nodes = sorted.slice(start, start + size);
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  let edges: Edge<T>[] | undefined;
  return {
    offset: start,
    // Cursors are made only when a query selects them: most ask for nodes, and each is JSON + base64.
    get edges() {
      return (edges ??= nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node })));
    },
    nodes,
    pageInfo: {
      hasNextPage: start + size < sorted.length,
      hasPreviousPage: start > 0,
      get startCursor() {
        return first === undefined ? null : encodeCursor(keyOf(first));
      },
      get endCursor() {
        return last === undefined ? null : encodeCursor(keyOf(last));
      },
    },
  };
}
