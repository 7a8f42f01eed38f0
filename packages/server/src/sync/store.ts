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
    });
  }

  release(userId: string, runId: string): Promise<number> {
    return this.db.asUser(userId, (tx) => tx.$executeRaw`UPDATE sync_list SET locked_until = NULL, locked_by = NULL WHERE locked_by = ${runId} AND user_id = ${userId}::uuid`);
  }

  /** One written or failed item: its sync-list fields, its outcome row and the run's counters, atomically. */
  async recordOne(userId: string, runId: string, o: Outcome): Promise<{ item: SyncListItem | null; processed: number }> {
    return this.db.asUser(userId, async (tx) => {
      // Removed mid-run: the outcome row is kept with sync_list_id null (DESIGN §10 Deletes).
      const exists = await tx.syncListItem.findFirst({ where: { id: o.itemId, userId }, select: { id: true } });
      const historyItem = await tx.syncHistoryItem.create({
        data: {
          userId,
          historyId: runId,
          syncListId: exists ? o.itemId : null,
          sourceId: o.sourceId,
          action: o.action,
          reason: o.reason,
          changedFields: o.changedFields,
          error: o.error,
          attempt: o.attempt,
          durationMs: o.durationMs,
        },
      });
      const item = exists ? await this.updateItem(tx, userId, runId, o, historyItem.id) : null;
      const processed = await this.count(tx, runId, [o]);
      return { item, processed };
    });
  }

  private async updateItem(tx: Tx, userId: string, runId: string, o: Outcome, historyItemId: string): Promise<SyncListItem | null> {
    const written = o.action === 'created' || o.action === 'updated';
    const data: Prisma.SyncListItemUncheckedUpdateManyInput = { lastHistoryItemId: historyItemId };
    if (o.sourceVersion) data.sourceVersion = o.sourceVersion;
    if (written) {
      Object.assign(data, {
        lastSyncedAt: new Date(),
        lastSyncStatus: 'success',
        errorMessage: null,
        attempts: 0,
        nextAttemptAt: null,
        contentHash: o.contentHash,
        contentFields: o.contentFields,
        ...(o.targetId !== undefined ? { targetId: o.targetId } : {}),
      });
    } else if (o.action === 'failed') {
      Object.assign(data, {
        lastSyncStatus: 'failed',
        errorMessage: o.error,
        attempts: { increment: 1 },
        nextAttemptAt: o.nextAttemptAt ?? null,
        ...(o.targetId !== undefined ? { targetId: o.targetId } : {}),
      });
    }
    await tx.syncListItem.updateMany({ where: { id: o.itemId, userId }, data });
    // Release only our own claim.
    await tx.syncListItem.updateMany({ where: { id: o.itemId, lockedBy: runId }, data: { lockedUntil: null, lockedBy: null } });
    return tx.syncListItem.findUnique({ where: { id: o.itemId } });
  }

  /** Skipped items in bulk: outcome rows, last result, claims released, counters. */
  async recordSkipped(userId: string, runId: string, outcomes: Outcome[]): Promise<number> {
    if (outcomes.length === 0) return this.db.asUser(userId, (tx) => this.count(tx, runId, []));
    return this.db.asUser(userId, async (tx) => {
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
      return this.count(tx, runId, outcomes);
    });
  }

  /** Atomic counter updates, so batches of one run (and several instances) add up. */
  private async count(tx: Tx, runId: string, outcomes: Outcome[]): Promise<number> {
    const n = (a: string) => outcomes.filter((o) => o.action === a).length;
    const rows = await tx.$queryRaw<Array<{ items_processed: number }>>`
      UPDATE sync_history SET items_processed = items_processed + ${outcomes.length},
             items_created = items_created + ${n('created')}, items_updated = items_updated + ${n('updated')},
             items_failed = items_failed + ${n('failed')}, items_skipped = items_skipped + ${n('skipped')}
       WHERE id = ${runId}::uuid RETURNING items_processed`;
    return rows[0]?.items_processed ?? 0;
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
