import { Prisma, type ItemType, type SyncListItem } from '../generated/prisma/client.js';
import type { Database } from '../db/database.js';
import type { IdRange } from './types.js';

export type Pass = 'all' | 'candidates' | 'untouched';

export interface SelectionFilter {
  userId: string;
  itemType?: ItemType | null;
  ids?: string[] | null;
  /** The run whose own outcomes mark items as done (for the later passes of a delta run). */
  runId: string;
  pass: Pass;
  /** Source connections whose changed-since read failed: their items are read one by one. */
  fallbackConnections?: string[];
  idRange?: IdRange | null;
}

function rangeSql(range: IdRange | null | undefined): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  if (range?.from) out.push(Prisma.sql`s.id >= ${range.from}::uuid`);
  if (range?.to) out.push(Prisma.sql`s.id < ${range.to}::uuid`);
  return out;
}

export interface PageKey {
  priority: number;
  createdAt: Date;
  id: string;
}

/**
 * Streams the selection in pages ordered by (priority desc, created_at, id), so memory stays
 * flat whatever the list's size (issue 6).
 * - all: every active item (ids and type filters applied);
 * - candidates: what a whole-list delta run must read although no change was reported:
 *   never synced, full mode, inventory (compared by value), transient failures now due,
 *   and items of connections whose changed-since read failed;
 * - untouched: what this run has not recorded yet (skipped as unchanged).
 */
/** The columns a run decides on: not the wide metadata/filter/fields a page never needs. */
export const PAGE_OMIT = { metadata: true, filterConfig: true, contentFields: true } as const;
export type PageItem = Omit<SyncListItem, keyof typeof PAGE_OMIT> & { contentFields?: SyncListItem['contentFields'] };

/**
 * Page rows by raw SQL under the caller's RLS transaction: Prisma's model decoding of
 * thousands of wide rows cost more than the rest of an unchanged run (measured).
 */
export async function readPageItems(db: Database, userId: string, ids: string[]): Promise<PageItem[]> {
  if (ids.length === 0) return [];
  return db.asUser(userId, (tx) =>
    tx.$queryRaw<PageItem[]>`
      SELECT id, user_id AS "userId", item_type::text AS "itemType", source_platform::text AS "sourcePlatform",
             target_platform::text AS "targetPlatform", source_connection_id AS "sourceConnectionId",
             target_connection_id AS "targetConnectionId", source_id AS "sourceId", target_id AS "targetId",
             sync_mode::text AS "syncMode", is_active AS "isActive", last_synced_at AS "lastSyncedAt",
             last_sync_status::text AS "lastSyncStatus", error_message AS "errorMessage", source_version AS "sourceVersion",
             content_hash AS "contentHash", attempts, next_attempt_at AS "nextAttemptAt", locked_until AS "lockedUntil",
             locked_by AS "lockedBy", priority, last_history_item_id AS "lastHistoryItemId", created_at AS "createdAt",
             updated_at AS "updatedAt"
        FROM sync_list WHERE id = ANY(${ids}::uuid[]) AND user_id = ${userId}::uuid AND is_active`,
  );
}

/** What the untouched pass needs to record an item as skipped. */
export interface LeanItem {
  id: string;
  sourceId: string;
  priority: number;
  createdAt: Date;
}

export async function selectPage(db: Database, f: SelectionFilter, after: PageKey | null, limit: number): Promise<PageItem[]> {
  const ids = await selectLean(db, f, after, limit);
  if (ids.length === 0) return [];
  const rows = await readPageItems(db, f.userId, ids.map((r) => r.id));
  const order = new Map(ids.map((r, i) => [r.id, i]));
  return rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/** One page of the selection as (id, source id, order keys) only. */
export async function selectLean(db: Database, f: SelectionFilter, after: PageKey | null, limit: number): Promise<LeanItem[]> {
  const conds: Prisma.Sql[] = [Prisma.sql`s.user_id = ${f.userId}::uuid`, Prisma.sql`s.is_active`];
  if (f.itemType) conds.push(Prisma.sql`s.item_type = ${f.itemType}::"ItemType"`);
  if (f.ids) conds.push(Prisma.sql`s.id = ANY(${f.ids}::uuid[])`);
  conds.push(...rangeSql(f.idRange));
  if (f.pass !== 'all') conds.push(Prisma.sql`(h.history_id IS DISTINCT FROM ${f.runId}::uuid)`);
  if (f.pass === 'candidates') {
    conds.push(Prisma.sql`(s.content_hash IS NULL OR s.target_id IS NULL OR s.sync_mode = 'full' OR s.item_type = 'inventory'
      OR (s.last_sync_status = 'failed' AND s.next_attempt_at IS NOT NULL AND s.next_attempt_at <= now())
      OR s.source_connection_id = ANY(${f.fallbackConnections ?? []}::uuid[]) OR s.target_connection_id = ANY(${f.fallbackConnections ?? []}::uuid[])
      OR s.source_connection_id IS NULL OR s.target_connection_id IS NULL)`);
  }
  if (after) {
    conds.push(Prisma.sql`(s.priority < ${after.priority} OR (s.priority = ${after.priority} AND (s.created_at, s.id) > (${after.createdAt}::timestamptz, ${after.id}::uuid)))`);
  }
  return db.asUser(f.userId, (tx) =>
    tx.$queryRaw<LeanItem[]>`
      SELECT s.id, s.source_id AS "sourceId", s.priority, s.created_at AS "createdAt"
        FROM sync_list s LEFT JOIN sync_history_items h ON h.id = s.last_history_item_id
       WHERE ${Prisma.join(conds, ' AND ')}
       ORDER BY s.priority DESC, s.created_at, s.id
       LIMIT ${limit}`,
  );
}

export function keyOf(item: Pick<SyncListItem, 'priority' | 'createdAt' | 'id'>): PageKey {
  return { priority: item.priority, createdAt: item.createdAt, id: item.id };
}

export async function countSelection(db: Database, userId: string, itemType: ItemType | null | undefined, ids: string[] | null | undefined, range?: IdRange | null): Promise<number> {
  const id = { ...(ids ? { in: ids } : {}), ...(range?.from ? { gte: range.from } : {}), ...(range?.to ? { lt: range.to } : {}) };
  return db.asUser(userId, (tx) =>
    tx.syncListItem.count({ where: { userId, isActive: true, ...(itemType ? { itemType } : {}), ...(Object.keys(id).length ? { id } : {}) } }),
  );
}

/** Listed, active items of one source connection and type whose source ids a changed-since page returned. */
export async function listedFor(db: Database, userId: string, connectionId: string, itemType: ItemType, sourceIds: string[], runId: string, range?: IdRange | null): Promise<PageItem[]> {
  if (sourceIds.length === 0) return [];
  const extra = rangeSql(range);
  return db.asUser(userId, async (tx) => {
    const ids = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT s.id FROM sync_list s LEFT JOIN sync_history_items h ON h.id = s.last_history_item_id
       WHERE s.user_id = ${userId}::uuid AND s.is_active AND s.source_connection_id = ${connectionId}::uuid
         AND s.item_type = ${itemType}::"ItemType" AND s.source_id = ANY(${sourceIds}::text[])
         AND h.history_id IS DISTINCT FROM ${runId}::uuid ${extra.length ? Prisma.sql`AND ${Prisma.join(extra, ' AND ')}` : Prisma.empty}`;
    if (ids.length === 0) return [];
    return tx.syncListItem.findMany({ where: { id: { in: ids.map((r) => r.id) } }, orderBy: [{ priority: 'desc' }, { createdAt: 'asc' }], omit: PAGE_OMIT });
  });
}

/** (source connection, type) pairs of the user's active items. */
export async function sourceGroups(db: Database, userId: string, itemType: ItemType | null | undefined, range?: IdRange | null): Promise<Array<{ connectionId: string | null; itemType: ItemType }>> {
  const id = { ...(range?.from ? { gte: range.from } : {}), ...(range?.to ? { lt: range.to } : {}) };
  const rows = await db.asUser(userId, (tx) =>
    tx.syncListItem.findMany({
      where: { userId, isActive: true, ...(itemType ? { itemType } : {}), ...(Object.keys(id).length ? { id } : {}) },
      distinct: ['sourceConnectionId', 'itemType'],
      select: { sourceConnectionId: true, itemType: true },
    }),
  );
  return rows.map((r) => ({ connectionId: r.sourceConnectionId, itemType: r.itemType }));
}
