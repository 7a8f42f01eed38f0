import type { Expr, Query } from './ast.js';
import { compileExpr, resolveColumn, type Compiled, type JoinedRow, type Scope } from './compile.js';
import { keyRange } from './key-range.js';
import type { Row, Table } from './tables.js';
import { sortCompare, SuiteQLQueryError, type Value, type ValueContext } from './values.js';

export interface QueryResult {
  columns: string[];
  /** The first `needed` rows in order. */
  rows: Value[][];
  /** Rows the query matched in all. */
  total: number;
}

/** Runs a parsed query. Without ORDER BY the rows come back shuffled, as NetSuite gives no order then. */
export function executeQuery(query: Query, tables: Map<string, Table>, ctx: ValueContext, random: () => number, needed = Infinity): QueryResult {
  const scope: Scope = { aliases: new Map(), tables, ctx };
  for (const ref of [query.from, ...query.joins]) {
    if (!tables.has(ref.table)) throw new SuiteQLQueryError(`Record '${ref.table}' was not found.`);
    if (scope.aliases.has(ref.alias)) throw new SuiteQLQueryError(`duplicate table alias ${ref.alias}`);
    scope.aliases.set(ref.alias, ref.table);
  }
  const projection = project(query, scope);
  const where = query.where ? compileExpr(query.where, scope) : null;

  let joined: JoinedRow[] = fromRows(query, scope);
  for (const join of query.joins) joined = applyJoin(joined, join.alias, join.type, join.on, scope);
  if (where) joined = joined.filter((row) => where(row) === 'T');

  const total = joined.length;
  shuffle(joined, random);
  if (query.orderBy.length > 0) {
    const keys = query.orderBy.map((o) => ({ fn: orderKey(o.expr, scope, projection), descending: o.descending }));
    // Each row's sort values once, not once per comparison (a lone row is never compared, nor evaluated).
    const sorting = joined.map((row) => ({ row, values: joined.length > 1 ? keys.map((k) => k.fn(row)) : [] }));
    const compare = (a: Sorting, b: Sorting) => {
      for (let i = 0; i < keys.length; i++) {
        const c = sortCompare(a.values[i] as Value, b.values[i] as Value, ctx);
        if (c !== 0) return (keys[i] as { descending: boolean }).descending ? -c : c;
      }
      return 0;
    };
    joined = smallest(sorting, needed, compare).map((s) => s.row);
  }
  // Only the rows up to the requested page are projected; the total still counts them all.
  const rows = joined.slice(0, Math.min(needed, total)).map((row) => projection.map((p) => p.fn(row)));
  return { columns: projection.map((p) => p.name), rows, total };
}

interface Sorting {
  row: JoinedRow;
  values: Value[];
}

/** The `k` smallest items in order; a bounded heap keeps a first page out of 100,000 rows cheap. */
function smallest<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k >= items.length / 4) return items.sort(compare);
  const heap: T[] = []; // max-heap of the best k so far
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(heap[i], heap[parent]) <= 0) return;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let top = i;
      if (l < heap.length && compare(heap[l], heap[top]) > 0) top = l;
      if (r < heap.length && compare(heap[r], heap[top]) > 0) top = r;
      if (top === i) return;
      [heap[i], heap[top]] = [heap[top], heap[i]];
      i = top;
    }
  };
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      up(heap.length - 1);
    } else if (compare(item, heap[0]) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(compare);
}

interface Projected {
  name: string;
  fn: Compiled;
}

function project(query: Query, scope: Scope): Projected[] {
  const out: Projected[] = [];
  query.select.forEach((item, index) => {
    if (item.expr === '*') {
      for (const [alias, tableName] of scope.aliases) {
        for (const column of (scope.tables.get(tableName) as Table).columns) out.push({ name: column, fn: (row) => row[alias]?.[column] ?? null });
      }
      return;
    }
    const name = item.alias?.toLowerCase() ?? (item.expr.kind === 'column' ? item.expr.name : `expr${index + 1}`);
    out.push({ name, fn: compileExpr(item.expr, scope) });
  });
  return out;
}

/** ORDER BY may name a select alias. */
function orderKey(expr: Expr, scope: Scope, projection: Projected[]): Compiled {
  if (expr.kind === 'column' && expr.table === null) {
    try {
      resolveColumn(scope, null, expr.name);
    } catch {
      const aliased = projection.find((p) => p.name === expr.name);
      if (aliased) return aliased.fn;
    }
  }
  return compileExpr(expr, scope);
}

const wrappers = new WeakMap<Row[], Map<string, JoinedRow[]>>();

/** `{ alias: row }` for each row, kept with a table's cached rows so a page does not reallocate 100,000 of them. */
function wrap(rows: Row[], alias: string): JoinedRow[] {
  let byAlias = wrappers.get(rows);
  if (!byAlias) wrappers.set(rows, (byAlias = new Map()));
  let wrapped = byAlias.get(alias);
  if (!wrapped) byAlias.set(alias, (wrapped = rows.map((r) => ({ [alias]: r }))));
  return wrapped.slice();
}

/**
 * The FROM table's rows the WHERE clause can accept, in scan order: the rows of the ids it pins,
 * else the index range it bounds the modified time to, else all. The clause still filters them.
 */
function fromRows(query: Query, scope: Scope): JoinedRow[] {
  const { alias } = query.from;
  const table = scope.tables.get(query.from.table) as Table;
  const ids = query.where ? pinnedIds(query.where, alias, scope) : null;
  if (ids && table.get) return ids.map((id) => table.get?.(id)).filter((r): r is Row => r !== undefined).map((r) => ({ [alias]: r }));
  const range = query.where && table.range && table.rangeColumn ? keyRange(query.where, alias, table.rangeColumn, scope) : null;
  if (range && table.range) return table.range(range.lower, range.upper).map((r) => ({ [alias]: r }));
  const all = table.scan();
  return wrap(Array.isArray(all) ? all : [...all], alias);
}

function pinnedIds(where: Expr, alias: string, scope: Scope): number[] | null {
  if (where.kind === 'and') return pinnedIds(where.left, alias, scope) ?? pinnedIds(where.right, alias, scope);
  const isId = (e: Expr) => e.kind === 'column' && e.name === 'id' && resolveColumn(scope, e.table, e.name).alias === alias;
  const numeric = (e: Expr) => (e.kind === 'literal' && e.value !== null && !Number.isNaN(Number(e.value)) ? Number(e.value) : null);
  if (where.kind === 'in' && !where.negated && isId(where.expr)) {
    const values = where.list.map(numeric);
    return values.every((v): v is number => v !== null) ? [...new Set(values)] : null;
  }
  if (where.kind === 'compare' && where.op === '=' && isId(where.left)) {
    const v = numeric(where.right);
    return v === null ? null : [v];
  }
  return null;
}

function applyJoin(rows: JoinedRow[], alias: string, type: 'inner' | 'left', on: Expr, scope: Scope): JoinedRow[] {
  const table = scope.tables.get(scope.aliases.get(alias) as string) as Table;
  const condition = compileExpr(on, scope);
  const key = equalityKey(on, alias, scope);
  // A lookup that answers at all (even []) means the column is indexed.
  const indexed = key && table.lookup?.(key.rightColumn, null) !== undefined ? key : null;
  const right = indexed ? [] : [...table.scan()];
  let index: Map<string, Row[]> | null = null;
  if (key && !indexed) {
    index = new Map();
    for (const r of right) {
      const k = String(r[key.rightColumn]);
      const bucket = index.get(k);
      if (bucket) bucket.push(r);
      else index.set(k, [r]);
    }
  }
  const out: JoinedRow[] = [];
  for (const row of rows) {
    const candidates = indexed ? (table.lookup?.(indexed.rightColumn, indexed.left(row)) ?? []) : index && key ? (index.get(String(key.left(row))) ?? []) : right;
    let matched = false;
    for (const r of candidates) {
      const combined = { ...row, [alias]: r };
      if (condition(combined) === 'T') {
        out.push(combined);
        matched = true;
      }
    }
    if (!matched && type === 'left') out.push({ ...row, [alias]: null });
  }
  return out;
}

/** Finds `alias.col = other` in an ON clause so the join can use a hash lookup. */
function equalityKey(on: Expr, alias: string, scope: Scope): { rightColumn: string; left: Compiled } | null {
  if (on.kind === 'and') return equalityKey(on.left, alias, scope) ?? equalityKey(on.right, alias, scope);
  if (on.kind !== 'compare' || on.op !== '=') return null;
  for (const [mine, other] of [[on.left, on.right], [on.right, on.left]] as const) {
    if (mine.kind !== 'column' || other.kind !== 'column') continue;
    const a = resolveColumn(scope, mine.table, mine.name);
    const b = resolveColumn(scope, other.table, other.name);
    if (a.alias === alias && b.alias !== alias) return { rightColumn: a.column, left: (row) => row[b.alias]?.[b.column] ?? null };
  }
  return null;
}

function shuffle<T>(list: T[], random: () => number): void {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
}
