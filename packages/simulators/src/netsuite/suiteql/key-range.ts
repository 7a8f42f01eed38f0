import type { TimeBound } from '../../common/time-index.js';
import type { Expr } from './ast.js';
import { compileExpr, resolveColumn, type Scope } from './compile.js';
import { toDate } from './values.js';

/** Bounds on the (datetime column, id) key of the FROM table; null ends are open-ended. */
export interface KeyRange {
  lower: TimeBound | null;
  upper: TimeBound | null;
}

type Op = '=' | '<>' | '<' | '<=' | '>' | '>=';

const NONE: KeyRange = { lower: null, upper: null };
const FLIP: Record<Op, Op> = { '=': '=', '<>': '<>', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

const order = (a: TimeBound, b: TimeBound) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
// At the same key an open lower bound is the tighter one, an open upper bound too.
const lowerOrder = (a: TimeBound, b: TimeBound) => order(a, b) || Number(a.open) - Number(b.open);
const upperOrder = (a: TimeBound, b: TimeBound) => order(a, b) || Number(b.open) - Number(a.open);

function intersect(a: KeyRange, b: KeyRange): KeyRange {
  const lower = !a.lower ? b.lower : !b.lower ? a.lower : lowerOrder(a.lower, b.lower) >= 0 ? a.lower : b.lower;
  const upper = !a.upper ? b.upper : !b.upper ? a.upper : upperOrder(a.upper, b.upper) <= 0 ? a.upper : b.upper;
  return { lower, upper };
}

function hull(a: KeyRange, b: KeyRange): KeyRange {
  const lower = a.lower && b.lower ? (lowerOrder(a.lower, b.lower) <= 0 ? a.lower : b.lower) : null;
  const upper = a.upper && b.upper ? (upperOrder(a.upper, b.upper) >= 0 ? a.upper : b.upper) : null;
  return { lower, upper };
}

/**
 * The key range a WHERE clause confines the FROM table's rows to, or null when it bounds
 * neither end. Only bounds the clause implies are taken: any row it accepts lies inside, and
 * the clause is still evaluated on every row read, so the answer is the full scan's.
 * Understood: `col op constant` (either side), BETWEEN, AND, OR, and `id op n` next to
 * `col = t` (the keyset continuation `col > t OR (col = t AND id > n)`).
 */
export function keyRange(where: Expr, alias: string, column: string, scope: Scope): KeyRange | null {
  const is = (e: Expr, name: string) => {
    if (e.kind !== 'column' || e.name !== name) return false;
    try {
      return resolveColumn(scope, e.table, e.name).alias === alias;
    } catch {
      return false;
    }
  };

  // A datetime constant as the comparison sees it; undefined for anything else (left to the scan).
  const time = (e: Expr): number | undefined => {
    if (!constant(e)) return undefined;
    try {
      const v = compileExpr(e, scope)({});
      if (v === null || typeof v === 'number') return undefined;
      const at = toDate(v, scope.ctx).getTime();
      return Number.isNaN(at) ? undefined : at;
    } catch {
      return undefined;
    }
  };

  const comparison = (e: Expr, name: string): { op: Op; value: Expr } | undefined => {
    if (e.kind !== 'compare') return undefined;
    if (is(e.left, name)) return { op: e.op, value: e.right };
    if (is(e.right, name)) return { op: FLIP[e.op], value: e.left };
    return undefined;
  };

  const rangeOf = (e: Expr): KeyRange => {
    if (e.kind === 'or') return hull(rangeOf(e.left), rangeOf(e.right));
    if (e.kind === 'and') return conjunction(conjuncts(e));
    if (e.kind === 'between' && !e.negated && is(e.expr, column)) {
      const [low, high] = [time(e.low), time(e.high)];
      return { lower: low === undefined ? null : { at: low, id: -Infinity, open: false }, upper: high === undefined ? null : { at: high, id: Infinity, open: false } };
    }
    const c = comparison(e, column);
    const at = c ? time(c.value) : undefined;
    if (!c || at === undefined) return NONE;
    const from = (id: number): TimeBound => ({ at, id, open: false });
    switch (c.op) {
      case '>=': return { lower: from(-Infinity), upper: null };
      case '>': return { lower: from(Infinity), upper: null };
      case '=': return { lower: from(-Infinity), upper: from(Infinity) };
      case '<=': return { lower: null, upper: from(Infinity) };
      case '<': return { lower: null, upper: from(-Infinity) };
      default: return NONE;
    }
  };

  const conjunction = (parts: Expr[]): KeyRange => {
    let range = parts.map(rangeOf).reduce(intersect, NONE);
    // With the time pinned to one instant, id comparisons bound the key's second part.
    const t = range.lower && range.upper && range.lower.at === range.upper.at ? range.lower.at : undefined;
    if (t === undefined) return range;
    for (const part of parts) {
      const c = comparison(part, 'id');
      if (!c || c.value.kind !== 'literal' || typeof c.value.value !== 'number') continue;
      const id = c.value.value;
      const bound = (open: boolean): TimeBound => ({ at: t, id, open });
      if (c.op === '>' || c.op === '>=' || c.op === '=') range = intersect(range, { lower: bound(c.op === '>'), upper: null });
      if (c.op === '<' || c.op === '<=' || c.op === '=') range = intersect(range, { lower: null, upper: bound(c.op === '<') });
    }
    return range;
  };

  const range = rangeOf(where);
  return range.lower || range.upper ? range : null;
}

function conjuncts(e: Expr): Expr[] {
  return e.kind === 'and' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

/** No column anywhere: the same value for every row. */
function constant(e: Expr): boolean {
  if (e.kind === 'literal') return true;
  if (e.kind === 'call') return e.name !== 'BUILTIN.DF' && e.args.every(constant);
  if (e.kind === 'concat') return constant(e.left) && constant(e.right);
  return false;
}
