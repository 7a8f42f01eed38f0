import type { TimeBound } from '../common/time-index.js';

// Shopify's search syntax, the subset we use: `field:value`, `field:>value` (also >=, <, <=),
// quoted values, comma lists, a trailing `*` for prefixes, `-` / NOT, AND (implicit) and OR.
// Unknown fields are ignored with a warning, as Shopify does: the reason a typo turns a
// delta read into a full one.

export type Comparator = ':' | '>' | '>=' | '<' | '<=';

export interface SearchTerm {
  field: string | undefined;
  comparator: Comparator;
  values: string[];
  negated: boolean;
}

export interface SearchWarning {
  field: string;
  message: string;
}

export type FieldKind = 'date' | 'number' | 'text' | 'exact' | 'id';

export interface SearchField<T> {
  kind: FieldKind;
  get: (record: T) => Date | number | string | null | Array<string | null>;
}

export interface SearchSpec<T> {
  fields: Record<string, SearchField<T>>;
  /** What a bare word matches. */
  text: (record: T) => string[];
}

export interface CompiledSearch<T> {
  matches: (record: T) => boolean;
  warnings: SearchWarning[];
}

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (let i = 0; i < query.length; i++) {
    const ch = query[i] as string;
    if (quote) {
      current += ch;
      if (ch === '\\' && i + 1 < query.length) current += query[++i];
      else if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      current += ch;
    } else if (/\s/.test(ch)) {
      if (current) tokens.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

function unquote(value: string): string {
  const m = /^(['"])(.*)\1$/s.exec(value);
  return m ? (m[2] as string).replace(/\\(.)/g, '$1') : value;
}

function splitValues(raw: string): string[] {
  if (/^['"]/.test(raw)) return [unquote(raw)];
  return raw.split(',').map(unquote).filter((v) => v.length > 0);
}

export function parseTerm(token: string): SearchTerm {
  let text = token;
  let negated = false;
  if (text.startsWith('-') && text.length > 1) {
    negated = true;
    text = text.slice(1);
  }
  const m = /^([A-Za-z_][A-Za-z0-9_.]*):(>=|<=|>|<)?(.*)$/s.exec(text);
  if (!m) return { field: undefined, comparator: ':', values: [unquote(text)], negated };
  return { field: m[1] as string, comparator: (m[2] as Comparator | undefined) ?? ':', values: splitValues(m[3] as string), negated };
}

/** OR-groups of AND-ed terms. */
export function parseQuery(query: string): SearchTerm[][] {
  const groups: SearchTerm[][] = [[]];
  let negateNext = false;
  for (const token of tokenize(query)) {
    if (token === 'AND') continue;
    if (token === 'OR') {
      groups.push([]);
      continue;
    }
    if (token === 'NOT') {
      negateNext = true;
      continue;
    }
    const term = parseTerm(token);
    if (negateNext) term.negated = !term.negated;
    negateNext = false;
    (groups[groups.length - 1] as SearchTerm[]).push(term);
  }
  return groups.filter((g) => g.length > 0);
}

export function parseSearchDate(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return undefined;
  const at = new Date(/T|\s/.test(value) && !/Z|[+-]\d{2}:?\d{2}$/.test(value) ? `${value}Z` : value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

function compare(a: number, b: number, comparator: Comparator): boolean {
  switch (comparator) {
    case '>': return a > b;
    case '>=': return a >= b;
    case '<': return a < b;
    case '<=': return a <= b;
    default: return a === b;
  }
}

function matchText(candidate: string | null, value: string, exact: boolean): boolean {
  if (candidate === null) return false;
  const c = candidate.toLowerCase();
  const v = value.toLowerCase();
  if (v.endsWith('*')) return c.startsWith(v.slice(0, -1));
  return exact ? c === v : c.includes(v);
}

type Predicate<T> = (record: T) => boolean;

function termPredicate<T>(term: SearchTerm, field: SearchField<T>, warnings: SearchWarning[], name: string): Predicate<T> | undefined {
  const { comparator, values } = term;
  if (field.kind === 'date' || field.kind === 'number') {
    const bounds = values.map((v) => (field.kind === 'date' ? parseSearchDate(v)?.getTime() : Number.isFinite(Number(v)) ? Number(v) : undefined));
    if (bounds.length === 0 || bounds.some((b) => b === undefined)) {
      warnings.push({ field: name, message: `Invalid value for ${name}: ${values.join(',')}` });
      return undefined;
    }
    return (record) => {
      const raw = field.get(record);
      return (Array.isArray(raw) ? raw : [raw]).some((one) => {
        const n = one instanceof Date ? one.getTime() : typeof one === 'number' ? one : typeof one === 'string' ? Number(one) : NaN;
        return bounds.some((b) => compare(n, b as number, comparator));
      });
    };
  }
  return (record) => {
    const raw = field.get(record);
    const candidates = Array.isArray(raw) ? raw : [raw === null ? null : String(raw)];
    return values.some((v) => candidates.some((c) => {
      if (field.kind === 'id') return c !== null && (c === v || c.endsWith(`/${v}`));
      return matchText(c, v, field.kind === 'exact');
    }));
  };
}

/** Compiles a query against a resource's searchable fields; unknown fields become warnings, not filters. */
export function compileSearch<T>(query: string | null | undefined, spec: SearchSpec<T>): CompiledSearch<T> {
  const warnings: SearchWarning[] = [];
  if (!query || !query.trim()) return { matches: () => true, warnings };
  const groups = parseQuery(query).map((terms) =>
    terms.flatMap((term): Predicate<T>[] => {
      let predicate: Predicate<T> | undefined;
      if (term.field === undefined) {
        const value = term.values[0] ?? '';
        predicate = (record) => spec.text(record).some((t) => matchText(t, value, false));
      } else {
        const field = spec.fields[term.field];
        if (!field) {
          warnings.push({ field: term.field, message: 'Invalid search field for this query.' });
          return [];
        }
        predicate = termPredicate(term, field, warnings, term.field);
      }
      if (!predicate) return [];
      const base = predicate;
      return [term.negated ? (r: T) => !base(r) : base];
    }),
  );
  return { matches: (record) => groups.some((g) => g.every((p) => p(record))), warnings };
}

/**
 * The earliest `field` date a record can carry and still match `query`: each OR-group needs a
 * plain `field:>x`, `field:>=x` or `field:x` term (terms the filter drops do not count). Lets
 * a caller read a (date, id) index range instead of every record; the query still filters.
 */
export function dateLowerBound(query: string | null | undefined, field: string): TimeBound | undefined {
  if (!query || !query.trim()) return undefined;
  const groups = parseQuery(query);
  let loosest: TimeBound | undefined;
  for (const terms of groups) {
    let tightest: TimeBound | undefined;
    for (const term of terms) {
      if (term.field !== field || term.negated || !(term.comparator === '>' || term.comparator === '>=' || term.comparator === ':')) continue;
      const dates = term.values.map((v) => parseSearchDate(v)?.getTime());
      if (dates.length === 0 || dates.some((d) => d === undefined)) continue;
      // A comma list matches any of its values: the smallest bounds it.
      const bound: TimeBound = { at: Math.min(...(dates as number[])), id: term.comparator === '>' ? Infinity : -Infinity, open: false };
      if (!tightest || bound.at > tightest.at || (bound.at === tightest.at && bound.id > tightest.id)) tightest = bound;
    }
    if (!tightest) return undefined;
    if (!loosest || tightest.at < loosest.at || (tightest.at === loosest.at && tightest.id < loosest.id)) loosest = tightest;
  }
  return loosest;
}
