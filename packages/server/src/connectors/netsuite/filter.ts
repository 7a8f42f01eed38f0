import { ConnectorError } from '../errors.js';
import type { FilterConfig } from '../types.js';
import { dateLiteral } from './account-time.js';
import { sqlString } from './suiteql-text.js';

export interface ItemFilter {
  /** SuiteQL conditions on the `item` table, to AND together. */
  conditions: string[];
  /** The exact bound of `updatedAfter`; the SQL bound is an hour wider for DST, rows are checked again. */
  updatedAfter: Date | null;
}

const HOUR = 3_600_000;

function amount(value: number, field: string): string {
  if (!Number.isFinite(value)) throw new ConnectorError('permanent', `netsuite: filter ${field} is not a number`);
  return String(value);
}

/** A saved pattern's filter as SuiteQL over inventory items. */
export function itemFilter(filter: FilterConfig, timeZone: string): ItemFilter {
  const conditions: string[] = [];
  const statuses = new Set(filter.status ?? []);
  const active = statuses.has('active');
  const inactive = statuses.has('draft') || statuses.has('archived');
  if (active !== inactive) conditions.push(`item.isinactive = '${active ? 'F' : 'T'}'`);
  if (filter.priceMin !== undefined) conditions.push(`item.baseprice >= ${amount(filter.priceMin, 'priceMin')}`);
  if (filter.priceMax !== undefined) conditions.push(`item.baseprice <= ${amount(filter.priceMax, 'priceMax')}`);
  if (filter.category) conditions.push(`BUILTIN.DF(item.class) = ${sqlString(filter.category)}`);
  if (filter.search?.trim()) {
    const term = sqlString(`%${filter.search.trim().toLowerCase()}%`);
    conditions.push(`LOWER(item.itemid) LIKE ${term} OR LOWER(item.displayname) LIKE ${term}`);
  }
  let updatedAfter: Date | null = null;
  if (filter.updatedAfter) {
    updatedAfter = new Date(filter.updatedAfter);
    if (Number.isNaN(updatedAfter.getTime())) throw new ConnectorError('permanent', `netsuite: filter updatedAfter "${filter.updatedAfter}" is not a date`);
    conditions.push(`item.lastmodifieddate >= ${dateLiteral(new Date(updatedAfter.getTime() - HOUR), timeZone)}`);
  }
  return { conditions: conditions.map((c) => `(${c})`), updatedAfter };
}
