import { formatInstant, parseInstant } from '../date-format.js';

/** A SuiteQL value inside the simulator; booleans are the strings 'T' / 'F' as in NetSuite. */
export type Value = string | number | Date | null;

/** Errors the caller made in the query (NetSuite answers them with 400). */
export class SuiteQLQueryError extends Error {}

export interface ValueContext {
  timeZone: string;
  /** The account's date format preference, e.g. MM/DD/YYYY. */
  dateFormat: string;
}

function toNumber(v: string | number): number {
  const n = typeof v === 'number' ? v : Number(v.trim());
  if (v === '' || Number.isNaN(n)) throw new SuiteQLQueryError(`invalid number: "${String(v)}"`);
  return n;
}

export function toDate(v: Value, ctx: ValueContext): Date {
  if (v instanceof Date) return v;
  if (typeof v === 'string') {
    try {
      return parseInstant(v, ctx.dateFormat, ctx.timeZone);
    } catch (err) {
      throw new SuiteQLQueryError(err instanceof Error ? err.message : String(err));
    }
  }
  throw new SuiteQLQueryError(`cannot compare a number with a date`);
}

/** Oracle-style comparison with implicit conversion; null when either side is null. */
export function compareValues(a: Value, b: Value, ctx: ValueContext): number | null {
  if (a === null || b === null) return null;
  if (a instanceof Date || b instanceof Date) return toDate(a, ctx).getTime() - toDate(b, ctx).getTime();
  if (typeof a === 'number' || typeof b === 'number') return toNumber(a) - toNumber(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sort order: nulls last, as Oracle does for ascending order. */
export function sortCompare(a: Value, b: Value, ctx: ValueContext): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return compareValues(a, b, ctx) ?? 0;
}

export function likeMatcher(pattern: string): RegExp {
  let source = '';
  for (const ch of pattern) {
    if (ch === '%') source += '[\\s\\S]*';
    else if (ch === '_') source += '[\\s\\S]';
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export function toText(v: Value, ctx: ValueContext): string | null {
  if (v === null) return null;
  if (v instanceof Date) return formatInstant(v, ctx.timeZone, ctx.dateFormat);
  if (typeof v === 'number') return renderNumber(v);
  return v;
}

/** Oracle renders fractions without a leading zero (".5"); SuiteQL passes that through. */
export function renderNumber(n: number): string {
  const text = String(n);
  if (text.startsWith('0.')) return text.slice(1);
  if (text.startsWith('-0.')) return `-${text.slice(2)}`;
  return text;
}
