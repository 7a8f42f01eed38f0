import { ConnectorError } from '../../errors.js';
import type { CanonicalItem, ChangedPage, FilterConfig, ListPage, SourceRecord, Watermark } from '../../types.js';
import { instantsOfWallTime, wallTimeColumn } from '../account-time.js';
import { SUITEQL_MAX_LIMIT, type SuiteQLRow } from '../client.js';
import { itemFilter } from '../filter.js';
import { modifiedRows } from '../pagination.js';
import { chunk, isInternalId } from '../suiteql-text.js';
import type { NetSuiteContext } from './context.js';

/** How one item type is read from the `item` table: its select list, joins and mapper. */
export interface ItemView<T extends CanonicalItem> {
  /** Columns besides id and modified, e.g. `item.itemid AS itemid`. */
  columns: string;
  /** `item` plus any joins. */
  from: string;
  map(row: SuiteQLRow, timeZone: string): SourceRecord<T>;
}

export const INVENTORY_ITEMS = "item.itemtype = 'InvtPart'";
export const MODIFIED = `${wallTimeColumn('item.lastmodifieddate')} AS modified`;

function selectList<T extends CanonicalItem>(view: ItemView<T>): string {
  return `item.id AS id, ${view.columns}, ${MODIFIED}`;
}

/** Reads many items by id: one SuiteQL `id IN (...)` per 1,000 ids, batches in parallel under the account limit. */
export async function readItems<T extends CanonicalItem>(ctx: NetSuiteContext, view: ItemView<T>, ids: string[]): Promise<Map<string, SourceRecord<T>>> {
  const wanted = [...new Set(ids)].filter(isInternalId);
  const out = new Map<string, SourceRecord<T>>();
  await Promise.all(
    chunk(wanted, SUITEQL_MAX_LIMIT).map(async (batch) => {
      const q = `SELECT ${selectList(view)} FROM ${view.from} WHERE ${INVENTORY_ITEMS} AND item.id IN (${batch.join(', ')})`;
      const page = await ctx.client.suiteql(q, SUITEQL_MAX_LIMIT, 0);
      for (const row of page.items) out.set(row.id, view.map(row, ctx.settings.timeZone));
    }),
  );
  return out;
}

function decodeCursor(cursor: string | null): number {
  if (cursor === null) return 0;
  const after = Number(Buffer.from(cursor, 'base64url').toString('utf8').replace(/^after:/, ''));
  if (!Number.isSafeInteger(after) || after < 0) throw new ConnectorError('permanent', 'netsuite: malformed list cursor');
  return after;
}

const encodeCursor = (id: string) => Buffer.from(`after:${id}`).toString('base64url');

/** One page of items matching a filter, paged by id (a keyset, so edits between pages shift nothing). */
export async function listItems<T extends CanonicalItem>(ctx: NetSuiteContext, view: ItemView<T>, filter: FilterConfig, cursor: string | null, first: number): Promise<ListPage<T>> {
  const limit = Math.max(1, Math.min(SUITEQL_MAX_LIMIT, Math.floor(first)));
  const { conditions, updatedAfter } = itemFilter(filter, ctx.settings.timeZone);
  const where = [INVENTORY_ITEMS, ...conditions, `item.id > ${decodeCursor(cursor)}`].join(' AND ');
  const page = await ctx.client.suiteql(`SELECT ${selectList(view)} FROM ${view.from} WHERE ${where} ORDER BY item.id`, limit, 0);
  const rows = updatedAfter ? page.items.filter((r) => instantsOfWallTime(r.modified ?? '', ctx.settings.timeZone).some((t) => t > updatedAfter)) : page.items;
  const last = page.items[page.items.length - 1];
  return { records: rows.map((r) => view.map(r, ctx.settings.timeZone)), nextCursor: page.hasMore && last ? encodeCursor(last.id) : null };
}

function after(a: Watermark, b: Watermark | null): boolean {
  if (!b) return true;
  if (a.at.getTime() !== b.at.getTime()) return a.at > b.at;
  return Number(a.id) > Number(b.id);
}

/**
 * A row is new unless every instant its wall time can name is at or before the watermark: in
 * the hour repeated when DST ends, a row is kept rather than risk dropping a real change.
 */
function beyond(row: SuiteQLRow, watermark: Watermark | null, timeZone: string): boolean {
  if (!watermark) return true;
  const instants = instantsOfWallTime(row.modified ?? '', timeZone);
  const latest = instants[instants.length - 1];
  return !latest || after({ at: latest, id: row.id }, watermark);
}

/**
 * Items changed since the watermark. The read starts `overlapMs` (at least an hour, for DST)
 * before it, pages by (lastmodifieddate, id) with `>=` and an id tie-break, drops rows seen
 * twice and rows at or before the watermark. The watermark returned is the highest
 * (updatedAt, id) seen below NetSuite's clock minus the settle lag: a save later in a second
 * already seen would carry that second with any id, so only settled seconds are closed.
 */
export async function* changedItems<T extends CanonicalItem>(ctx: NetSuiteContext, view: ItemView<T>, watermark: Watermark | null): AsyncGenerator<ChangedPage<T>> {
  const since = watermark ? new Date(watermark.at.getTime() - ctx.overlapMs) : null;
  const now = (await ctx.client.serverTime()).getTime() - ctx.settleMs;
  const horizon = now - (now % 1000);
  let high = watermark;
  let pages = 0;
  const query = { select: selectList(view), from: view.from, filter: INVENTORY_ITEMS, modifiedColumn: 'item.lastmodifieddate', idColumn: 'item.id', modifiedAlias: 'modified' };
  for await (const rows of modifiedRows(ctx.client, query, since, ctx.settings.timeZone)) {
    const records = rows.filter((r) => beyond(r, watermark, ctx.settings.timeZone)).map((r) => view.map(r, ctx.settings.timeZone));
    if (records.length === 0) continue;
    for (const r of records) {
      const mark = { at: r.updatedAt, id: r.id };
      if (r.updatedAt.getTime() < horizon && after(mark, high)) high = mark;
    }
    pages += 1;
    yield { records, watermark: high };
  }
  if (pages === 0) yield { records: [], watermark: high };
}
