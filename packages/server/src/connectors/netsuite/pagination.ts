import { ConnectorError } from '../errors.js';
import { dateLiteral, instantsOfWallTime, wallTimeLiteral } from './account-time.js';
import { SUITEQL_MAX_LIMIT, type NetSuiteClient, type SuiteQLRow } from './client.js';

/** Offset paging, for queries ordered by a unique key whose rows do not move while read. */
export async function* suiteqlPages(client: NetSuiteClient, q: string, pageSize = SUITEQL_MAX_LIMIT): AsyncGenerator<SuiteQLRow[]> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await client.suiteql(q, pageSize, offset);
    if (page.items.length > 0) yield page.items;
    if (!page.hasMore || page.items.length === 0) return;
  }
}

export interface ModifiedQuery {
  /** Select list; must include the id column as `id` and the TO_CHAR wall time as `modifiedAlias`. */
  select: string;
  from: string;
  /** Extra filter ANDed in, e.g. `item.itemtype = 'InvtPart'`. */
  filter: string | null;
  modifiedColumn: string;
  idColumn: string;
  modifiedAlias: string;
}

const HOUR = 3_600_000;

/**
 * Rows modified at or after `since`, paged by (lastmodifieddate, id) rather than by offset,
 * so rows that change during the read cannot shift past a page boundary unseen. Ties at a
 * boundary are resumed by id; rows seen twice are dropped.
 *
 * The repeated hour when DST ends makes a wall time name two instants. A keyset literal there
 * could skip up to an hour, so such a boundary restarts an hour earlier and pages by offset
 * until the read is past that hour.
 */
export async function* modifiedRows(client: NetSuiteClient, query: ModifiedQuery, since: Date | null, zone: string, pageSize = SUITEQL_MAX_LIMIT): AsyncGenerator<SuiteQLRow[]> {
  const seen = new Set<string>();
  let lower = since ? `${query.modifiedColumn} >= ${dateLiteral(since, zone)}` : null;
  let offset = 0;
  let ambiguousUntil: number | null = null;
  let stalled = 0;
  for (;;) {
    const where = [query.filter, lower].filter((c): c is string => c !== null).map((c) => `(${c})`).join(' AND ');
    const q = `SELECT ${query.select} FROM ${query.from}${where ? ` WHERE ${where}` : ''} ORDER BY ${query.modifiedColumn}, ${query.idColumn}`;
    const page = await client.suiteql(q, pageSize, offset);
    const fresh = page.items.filter((row) => {
      const key = `${row.id}|${row[query.modifiedAlias]}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (fresh.length > 0) yield fresh;
    if (!page.hasMore || page.items.length === 0) return;
    // A guard, not a path: every step above moves forward, but a read must never spin.
    stalled = fresh.length > 0 ? 0 : stalled + 1;
    if (stalled > 100) throw new ConnectorError('permanent', 'netsuite: changed-since read made no progress over 100 pages');

    const last = page.items[page.items.length - 1];
    const wall = last[query.modifiedAlias];
    if (!wall || !last.id) throw new ConnectorError('permanent', `netsuite: SuiteQL row without id or ${query.modifiedAlias}`);
    const instants = instantsOfWallTime(wall, zone);
    if (ambiguousUntil !== null && !(instants.length === 1 && instants[0].getTime() > ambiguousUntil)) {
      offset += pageSize;
      continue;
    }
    ambiguousUntil = null;
    offset = 0;
    if (instants.length === 2) {
      ambiguousUntil = instants[1].getTime();
      lower = `${query.modifiedColumn} >= ${dateLiteral(new Date(instants[0].getTime() - HOUR), zone)}`;
      continue;
    }
    const at = wallTimeLiteral(wall);
    lower = `${query.modifiedColumn} > ${at} OR (${query.modifiedColumn} = ${at} AND ${query.idColumn} > ${Number(last.id)})`;
  }
}
