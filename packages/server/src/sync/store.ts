import { Prisma, type ItemType, type SyncHistory, type SyncListItem, type SyncTrigger, type SyncType } from '../generated/prisma/client.js';
import type { Database, Tx } from '../db/database.js';
import type { Outcome } from './types.js';

/** Persistence of runs and outcomes. Each step is its own short transaction (DESIGN §5 step 6). */
export class SyncStore {
  constructor(private readonly db: Database) {}

  openRun(userId: string, data: { syncType: SyncType; trigger: SyncTrigger; parentId?: string | null; instanceId: string; total: number; metadata?: object }): Promise<SyncHistory> {
    return this.db.asUser(userId, (tx) =>
      tx.syncHistory.create({
        data: {
          userId,
          syncType: data.syncType,
          trigger: data.trigger,
          status: 'running',
          parentId: data.parentId ?? null,
          instanceId: data.instanceId,
          heartbeatAt: new Date(),
          itemsTotal: data.total,
          metadata: (data.metadata ?? {}) as Prisma.InputJsonValue,
        },
      }),
    );
  }

  addToTotal(userId: string, runId: string, n: number): Promise<SyncHistory> {
    return this.db.asUser(userId, (tx) => tx.syncHistory.update({ where: { id: runId }, data: { itemsTotal: { increment: n }, heartbeatAt: new Date() } }));
  }

  /**
   * Claims the items no other run holds (locked_until in the past or unset). The claim
   * expires on its own, so a crashed run never keeps an item forever.
   */
  async claim(userId: string, ids: string[], runId: string, ttlMs: number): Promise<SyncListItem[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.asUser(userId, (tx) =>
      tx.$queryRaw<Array<{ id: string }>>`
        UPDATE sync_list SET locked_until = now() + make_interval(secs => ${ttlMs / 1000}), locked_by = ${runId}
         WHERE id = ANY(${ids}::uuid[]) AND user_id = ${userId}::uuid AND is_active
           AND (locked_until IS NULL OR locked_until < now() OR locked_by = ${runId})
        RETURNING id`,
      { bookkeeping: true },
    );
    if (rows.length === 0) return [];
    return this.db.asUser(userId, (tx) => tx.syncListItem.findMany({ where: { id: { in: rows.map((r) => r.id) } } }));
  }

  /** Extends every claim this run holds (heartbeat), and answers whether a cancel was asked. */
  async heartbeat(userId: string, runId: string, ttlMs: number): Promise<{ cancelRequested: boolean }> {
    return this.db.asUser(userId, async (tx) => {
      await tx.$executeRaw`UPDATE sync_list SET locked_until = now() + make_interval(secs => ${ttlMs / 1000}) WHERE locked_by = ${runId} AND user_id = ${userId}::uuid`;
      const run = await tx.syncHistory.update({ where: { id: runId }, data: { heartbeatAt: new Date() }, select: { cancelRequested: true } });
      return run;
    }, { bookkeeping: true });
  }

  release(userId: string, runId: string): Promise<number> {
    return this.db.asUser(userId, (tx) => tx.$executeRaw`UPDATE sync_list SET locked_until = NULL, locked_by = NULL WHERE locked_by = ${runId} AND user_id = ${userId}::uuid`, { bookkeeping: true });
  }

  /**
   * One written or failed item: its outcome row and its sync-list fields in one statement
   * (the run's counters are flushed separately, per page). An item removed mid-run keeps
   * its outcome row with sync_list_id null (DESIGN §10 Deletes).
   */
  async recordOne(userId: string, runId: string, o: Outcome): Promise<SyncListItem | null> {
    const written = o.action === 'created' || o.action === 'updated';
    const failed = o.action === 'failed';
    const target = o.targetId !== undefined;
    return this.db.asUser(userId, async (tx) => {
      const rows = await tx.$queryRaw<Array<{ id: string }>>`
        WITH item AS (SELECT id FROM sync_list WHERE id = ${o.itemId}::uuid AND user_id = ${userId}::uuid),
        h AS (
          INSERT INTO sync_history_items (id, user_id, history_id, sync_list_id, source_id, action, reason, changed_fields, error, attempt, duration_ms)
          VALUES (gen_random_uuid(), ${userId}::uuid, ${runId}::uuid, (SELECT id FROM item), ${o.sourceId}, ${o.action}::"SyncItemAction",
                  ${o.reason}::"SyncItemReason", ${o.changedFields}::text[], ${o.error}, ${o.attempt}, ${o.durationMs})
          RETURNING id, sync_list_id)
        UPDATE sync_list s SET
          last_history_item_id = h.id,
          locked_until = CASE WHEN s.locked_by = ${runId} THEN NULL ELSE s.locked_until END,
          locked_by = CASE WHEN s.locked_by = ${runId} THEN NULL ELSE s.locked_by END,
          source_version = COALESCE(${o.sourceVersion ?? null}::text, s.source_version),
          last_synced_at = CASE WHEN ${written} THEN now() ELSE s.last_synced_at END,
          last_sync_status = CASE WHEN ${written} THEN 'success'::"SyncItemStatus" WHEN ${failed} THEN 'failed'::"SyncItemStatus" ELSE s.last_sync_status END,
          error_message = CASE WHEN ${written} THEN NULL WHEN ${failed} THEN ${o.error} ELSE s.error_message END,
          attempts = CASE WHEN ${written} THEN 0 WHEN ${failed} THEN s.attempts + 1 ELSE s.attempts END,
          next_attempt_at = CASE WHEN ${written} THEN NULL WHEN ${failed} THEN ${o.nextAttemptAt ?? null}::timestamptz ELSE s.next_attempt_at END,
          content_hash = CASE WHEN ${written} THEN ${o.contentHash ?? null} ELSE s.content_hash END,
          content_fields = CASE WHEN ${written} THEN ${o.contentFields ? JSON.stringify(o.contentFields) : null}::jsonb ELSE s.content_fields END,
          target_id = CASE WHEN ${target} THEN ${o.targetId ?? null} ELSE s.target_id END,
          updated_at = now()
        FROM h WHERE s.id = h.sync_list_id
        RETURNING s.id`;
      return rows.length ? tx.syncListItem.findUnique({ where: { id: o.itemId } }) : null;
    }, { bookkeeping: true });
  }

  /** Skipped items in bulk: outcome rows, last result, claims released; plus the run's pending counters. */
  async recordSkipped(userId: string, runId: string, outcomes: Outcome[], tally: Tally): Promise<void> {
    if (outcomes.length === 0 && tally.isEmpty()) return;
    await this.db.asUser(userId, async (tx) => {
      if (outcomes.length) {
        await tx.$executeRaw`
          WITH input AS (
            SELECT * FROM unnest(${outcomes.map((o) => o.itemId)}::uuid[], ${outcomes.map((o) => o.sourceId)}::text[],
                                 ${outcomes.map((o) => o.reason)}::text[], ${outcomes.map((o) => o.sourceVersion ?? null)}::text[])
                   AS t(item_id, source_id, reason, source_version)
          ), inserted AS (
            INSERT INTO sync_history_items (id, user_id, history_id, sync_list_id, source_id, action, reason, changed_fields, attempt, duration_ms)
            SELECT gen_random_uuid(), ${userId}::uuid, ${runId}::uuid, s.id, i.source_id, 'skipped', i.reason::"SyncItemReason", ARRAY[]::text[], 1, 0
              FROM input i LEFT JOIN sync_list s ON s.id = i.item_id
            RETURNING id, sync_list_id
          )
          UPDATE sync_list s SET last_history_item_id = inserted.id,
                 source_version = COALESCE(i.source_version, s.source_version),
                 locked_until = CASE WHEN s.locked_by = ${runId} THEN NULL ELSE s.locked_until END,
                 locked_by = CASE WHEN s.locked_by = ${runId} THEN NULL ELSE s.locked_by END
            FROM inserted JOIN input i ON i.item_id = inserted.sync_list_id
           WHERE s.id = inserted.sync_list_id`;
      }
      await this.flushTally(tx, runId, tally);
    }, { bookkeeping: true });
  }

  async flush(userId: string, runId: string, tally: Tally): Promise<void> {
    if (tally.isEmpty()) return;
    await this.db.asUser(userId, (tx) => this.flushTally(tx, runId, tally), { bookkeeping: true });
  }

  /** Adds the run's pending counts atomically, so batches of one run (and several instances) add up. */
  private async flushTally(tx: Tx, runId: string, tally: Tally): Promise<void> {
    const d = tally.take();
    if (d.processed === 0) return;
    await tx.$executeRaw`
      UPDATE sync_history SET items_processed = items_processed + ${d.processed},
             items_created = items_created + ${d.created}, items_updated = items_updated + ${d.updated},
             items_failed = items_failed + ${d.failed}, items_skipped = items_skipped + ${d.skipped}
       WHERE id = ${runId}::uuid`;
  }

  /** Closes the run: completed, failed (all that was attempted failed) or partial_success. */
  async closeRun(userId: string | null, runId: string, extra: { reason?: string; forceFailed?: boolean } = {}): Promise<SyncHistory | null> {
    const work = async (tx: Tx) => {
      const rows = await tx.$queryRaw<Array<{ id: string }>>`
        UPDATE sync_history SET
          status = (CASE
            WHEN ${extra.forceFailed ?? false} THEN 'failed'
            WHEN items_failed = 0 THEN 'completed'
            WHEN items_created + items_updated = 0 THEN 'failed'
            ELSE 'partial_success' END)::"SyncRunStatus",
          finished_at = now(),
          duration_ms = GREATEST(0, (extract(epoch FROM (now() - started_at)) * 1000)::int),
          heartbeat_at = NULL,
          metadata = CASE WHEN ${extra.reason ?? null}::text IS NULL THEN metadata ELSE metadata || jsonb_build_object('reason', ${extra.reason ?? null}::text) END
        WHERE id = ${runId}::uuid AND status = 'running'
        RETURNING id`;
      return rows.length ? tx.syncHistory.findUnique({ where: { id: runId } }) : null;
    };
    return userId ? this.db.asUser(userId, work) : this.db.asService(work);
  }

  getRun(userId: string, runId: string): Promise<SyncHistory | null> {
    return this.db.asUser(userId, (tx) => tx.syncHistory.findFirst({ where: { id: runId, userId } }));
  }

  failedItems(userId: string, runId: string, limit = 1000): Promise<Array<{ itemId: string; error: string; sourceId: string | null }>> {
    return this.db.asUser(userId, async (tx) => {
      const rows = await tx.syncHistoryItem.findMany({ where: { historyId: runId, action: 'failed' }, orderBy: { createdAt: 'asc' }, take: limit, select: { syncListId: true, error: true, sourceId: true } });
      return rows.filter((r) => r.syncListId).map((r) => ({ itemId: r.syncListId as string, error: r.error ?? 'failed', sourceId: r.sourceId }));
    });
  }

  loadCursor(userId: string, connectionId: string, itemType: ItemType) {
    return this.db.asUser(userId, (tx) => tx.syncCursor.findUnique({ where: { userId_connectionId_itemType: { userId, connectionId, itemType } } }));
  }

  saveCursor(userId: string, connectionId: string, itemType: ItemType, at: Date, id: string) {
    return this.db.asUser(userId, (tx) =>
      tx.syncCursor.upsert({
        where: { userId_connectionId_itemType: { userId, connectionId, itemType } },
        create: { userId, connectionId, itemType, watermarkAt: at, watermarkId: id },
        update: { watermarkAt: at, watermarkId: id },
      }),
    );
  }
}

/** A run's counts not yet written to its row (kept in memory, flushed per page and at close). */
export class Tally {
  private pending = { processed: 0, created: 0, updated: 0, failed: 0, skipped: 0 };
  /** Items this call has counted, flushed or not (the ITEM events' running count). */
  processed = 0;

  add(action: Outcome['action'], n = 1): number {
    this.pending.processed += n;
    this.pending[action] += n;
    this.processed += n;
    return this.processed;
  }

  isEmpty(): boolean {
    return this.pending.processed === 0;
  }

  take(): { processed: number; created: number; updated: number; failed: number; skipped: number } {
    const out = this.pending;
    this.pending = { processed: 0, created: 0, updated: 0, failed: 0, skipped: 0 };
    return out;
  }
}
