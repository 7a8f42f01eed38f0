import { ConnectorError } from '../errors.js';

/** A SuiteQL string literal; quotes are doubled, as in Oracle. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function isInternalId(id: string): boolean {
  return /^\d{1,18}$/.test(id);
}

/** `1, 2, 3` for an IN list of internal ids; anything else is refused rather than spliced into SQL. */
export function sqlIdList(ids: readonly string[]): string {
  for (const id of ids) if (!isInternalId(id)) throw new ConnectorError('permanent', `netsuite: "${id}" is not an internal id`);
  return ids.join(', ');
}

/** Splits into chunks of at most `size`. */
export function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
