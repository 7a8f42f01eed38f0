import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { SyncEngine } from '../sync/engine.js';
import type { JobQueue, UserBatchJob } from './queue.js';

/** The seed's scheduled-sync response (DESIGN §10 counts), plus the system row's id. */
export interface ScheduledSyncResult {
  totalUsers: number;
  totalItems: number;
  itemsProcessed: number;
  itemsSucceeded: number;
  itemsFailed: number;
  duration: number;
  syncHistoryId: string | null;
  userResults: Array<{ userId: string; itemsProcessed: number; itemsSucceeded: number; itemsFailed: number; errors: string[] }>;
}

export interface ScheduledSyncOptions {
  db: Database;
  engine: SyncEngine;
  logger: Logger;
  /** Null when SYNC_WORKER_CONCURRENCY=0: the caller runs the jobs itself. */
  queue: JobQueue | null;
  /** A user with more active items than this is split into batches that add to one row. */
  batchSize: number;
  /** Users run inline at once (SYNC_WORKER_CONCURRENCY=0). */
  inlineConcurrency?: number;
}

const ERRORS_PER_USER = 100;

/**
 * Scheduled sync across all users (the seed's scheduled-sync): a tick opens one system row
 * per slot and one user row per user, and enqueues one job per user (or batch); every
 * instance's workers run them; the job that brings a row's pending count to zero closes it.
 */
export class ScheduledSyncService {
  constructor(private readonly o: ScheduledSyncOptions) {}

  /** Opens the slot's rows and enqueues its jobs, once per slot however many instances call. Answers the system row id, or null when another instance had the slot. */
  async tick(slot: string, trigger: 'schedule' | 'api' | 'rest'): Promise<string | null> {
    const inline: UserBatchJob[] = [];
    const systemId = await this.o.db.withServiceClient(async (client) => {
      const counts = await client.query<{ user_id: string; n: number }>(
        `SELECT user_id, count(*)::int AS n FROM sync_list WHERE is_active GROUP BY user_id ORDER BY user_id`,
      );
      const totalItems = counts.rows.reduce((s, r) => s + r.n, 0);
      const sys = await client.query<{ id: string }>(
        `INSERT INTO sync_history (id, user_id, sync_type, status, trigger, items_total, pending_jobs, schedule_slot, metadata, heartbeat_at)
         VALUES (gen_random_uuid(), NULL, 'scheduled', 'running', $1::"SyncTrigger", $2, $3, $4, jsonb_build_object('totalUsers', $3::int), NULL)
         ON CONFLICT (schedule_slot) DO NOTHING RETURNING id`,
        [trigger === 'schedule' ? 'schedule' : trigger, totalItems, counts.rows.length, slot],
      );
      const id = sys.rows[0]?.id;
      if (!id) return null;
      const jobs: UserBatchJob[] = [];
      for (const { user_id: userId, n } of counts.rows) {
        const ranges = n > this.o.batchSize ? await this.batchRanges(client, userId) : [{ from: null, to: null }];
        const run = await client.query<{ id: string }>(
          `INSERT INTO sync_history (id, user_id, sync_type, status, trigger, parent_id, pending_jobs, items_total, metadata)
           VALUES (gen_random_uuid(), $1, 'scheduled', 'running', $2::"SyncTrigger", $3, $4, 0, jsonb_build_object('batches', $4::int, 'doneBatches', '[]'::jsonb))
           RETURNING id`,
          [userId, trigger === 'schedule' ? 'schedule' : trigger, id, ranges.length],
        );
        ranges.forEach((r, batch) => jobs.push({ systemId: id, userRunId: run.rows[0]!.id, userId, batch, idFrom: r.from, idTo: r.to }));
      }
      if (this.o.queue) await this.o.queue.enqueue(client, jobs);
      else inline.push(...jobs);
      if (counts.rows.length === 0) await this.closeSystem(client, id);
      return id;
    });
    if (systemId) this.o.logger.info({ syncHistoryId: systemId, slot, jobs: inline.length || undefined }, 'scheduled sync enqueued');
    if (inline.length) await this.runInline(inline);
    return systemId;
  }

  /** The mutation and the REST endpoint: run a slot (a fresh one by default) and wait for its system row to close. */
  async runAndWait(trigger: 'api' | 'rest', slot: string = `manual:${randomUUID()}`, timeoutMs = 60 * 60_000): Promise<ScheduledSyncResult> {
    const systemId = (await this.tick(slot, trigger)) ?? (await this.systemIdOf(slot));
    if (!systemId) throw new Error(`no scheduled run for slot ${slot}`);
    const deadline = Date.now() + timeoutMs;
    for (let delay = 50; ; delay = Math.min(500, delay * 2)) {
      const row = await this.o.db.asService((tx) => tx.syncHistory.findUnique({ where: { id: systemId }, select: { status: true } }));
      if (row && row.status !== 'running') break;
      if (Date.now() > deadline) throw new Error('the scheduled run did not finish in time');
      await new Promise((r) => setTimeout(r, delay));
    }
    return this.result(systemId);
  }

  /** One user batch: the user's items through runSync, adding to the user's one row. */
  async processJob(job: UserBatchJob, retry = 0): Promise<void> {
    try {
      // Which instance worked on the row (the last batch's, when several did).
      // A user row starts when its first batch does, not when the tick queued it.
      await this.o.db.asService(
        (tx) => tx.$executeRaw`UPDATE sync_history SET instance_id = ${this.o.engine.instanceId},
                  started_at = CASE WHEN started_at = created_at THEN now() ELSE started_at END WHERE id = ${job.userRunId}::uuid`,
      );
      await this.o.engine.runSync({
        actor: SYSTEM_ACTOR,
        userId: job.userId,
        syncType: 'scheduled',
        trigger: 'schedule',
        parentId: job.systemId,
        historyId: job.userRunId,
        keepOpen: true,
        idRange: job.idFrom || job.idTo ? { from: job.idFrom, to: job.idTo } : null,
      });
      if (retry > 0) await this.note(job.userRunId, `batch ${job.batch} retried after a worker stopped`);
    } catch (err) {
      // One user's failure never fails another's: record it on the user's row and go on.
      this.o.logger.error({ err, userId: job.userId, syncHistoryId: job.userRunId }, 'scheduled batch failed');
      await this.note(job.userRunId, err instanceof Error ? err.message : String(err));
    }
    await this.finishBatch(job);
  }

  /** The queue gave up on a batch (its workers kept dying): count it done, the row closes as failed. */
  async giveUp(job: UserBatchJob): Promise<void> {
    await this.note(job.userRunId, `batch ${job.batch} was given up by the queue (interrupted)`, true);
    await this.finishBatch(job, true);
  }

  private async finishBatch(job: UserBatchJob, failed = false): Promise<void> {
    await this.o.db.withServiceClient(async (client) => {
      // Idempotent: a batch run twice (a retry after a lost ack) is counted once.
      const left = await client.query<{ pending_jobs: number }>(
        `UPDATE sync_history SET pending_jobs = pending_jobs - 1,
                metadata = jsonb_set(metadata, '{doneBatches}', COALESCE(metadata->'doneBatches', '[]'::jsonb) || to_jsonb($2::int))
          WHERE id = $1 AND status = 'running' AND NOT (COALESCE(metadata->'doneBatches', '[]'::jsonb) @> to_jsonb($2::int))
          RETURNING pending_jobs`,
        [job.userRunId, job.batch],
      );
      if (left.rows[0]?.pending_jobs !== 0) return;
      const closed = await client.query(
        `UPDATE sync_history SET status = (CASE WHEN $2 OR (items_failed > 0 AND items_created + items_updated = 0) THEN 'failed'
                 WHEN items_failed = 0 THEN 'completed' ELSE 'partial_success' END)::"SyncRunStatus",
               finished_at = now(), heartbeat_at = NULL,
               duration_ms = GREATEST(0, (extract(epoch FROM (now() - started_at)) * 1000)::int)
          WHERE id = $1 AND status = 'running' RETURNING id`,
        [job.userRunId, failed || false],
      );
      if (closed.rowCount !== 1) return;
      const sys = await client.query<{ pending_jobs: number }>(`UPDATE sync_history SET pending_jobs = pending_jobs - 1 WHERE id = $1 AND status = 'running' RETURNING pending_jobs`, [job.systemId]);
      if (sys.rows[0]?.pending_jobs === 0) await this.closeSystem(client, job.systemId);
    });
  }

  /** The system row's aggregate is the sum of its user rows. */
  private async closeSystem(client: pg.PoolClient, systemId: string): Promise<void> {
    await client.query(
      `UPDATE sync_history s SET
         items_processed = a.processed, items_created = a.created, items_updated = a.updated,
         items_failed = a.failed, items_skipped = a.skipped,
         status = (CASE WHEN a.failed = 0 THEN 'completed' WHEN a.created + a.updated = 0 THEN 'failed' ELSE 'partial_success' END)::"SyncRunStatus",
         finished_at = now(), duration_ms = GREATEST(0, (extract(epoch FROM (now() - s.started_at)) * 1000)::int)
       FROM (SELECT COALESCE(sum(items_processed), 0)::int AS processed, COALESCE(sum(items_created), 0)::int AS created,
                    COALESCE(sum(items_updated), 0)::int AS updated, COALESCE(sum(items_failed), 0)::int AS failed,
                    COALESCE(sum(items_skipped), 0)::int AS skipped
               FROM sync_history WHERE parent_id = $1) a
       WHERE s.id = $1 AND s.status = 'running'`,
      [systemId],
    );
    this.o.logger.info({ syncHistoryId: systemId }, 'scheduled sync finished');
  }

  async result(systemId: string): Promise<ScheduledSyncResult> {
    return this.o.db.asService(async (tx) => {
      const sys = await tx.syncHistory.findUniqueOrThrow({ where: { id: systemId } });
      const users = await tx.syncHistory.findMany({ where: { parentId: systemId }, orderBy: { userId: 'asc' } });
      const userResults = [];
      for (const u of users) {
        const failed = u.itemsFailed
          ? await tx.syncHistoryItem.findMany({ where: { historyId: u.id, action: 'failed' }, orderBy: { createdAt: 'asc' }, take: ERRORS_PER_USER, select: { sourceId: true, error: true } })
          : [];
        const notes = Array.isArray((u.metadata as { errors?: unknown }).errors) ? ((u.metadata as { errors: string[] }).errors) : [];
        userResults.push({
          userId: u.userId as string,
          itemsProcessed: u.itemsProcessed,
          itemsSucceeded: u.itemsProcessed - u.itemsFailed,
          itemsFailed: u.itemsFailed,
          errors: [...failed.map((f) => `${f.sourceId ?? '?'}: ${f.error ?? 'failed'}`), ...notes],
        });
      }
      return {
        totalUsers: users.length,
        totalItems: sys.itemsTotal,
        itemsProcessed: sys.itemsProcessed,
        itemsSucceeded: sys.itemsProcessed - sys.itemsFailed,
        itemsFailed: sys.itemsFailed,
        duration: sys.durationMs ?? 0,
        syncHistoryId: sys.id,
        userResults,
      };
    });
  }

  private async systemIdOf(slot: string): Promise<string | null> {
    const row = await this.o.db.asService((tx) => tx.syncHistory.findUnique({ where: { scheduleSlot: slot }, select: { id: true } }));
    return row?.id ?? null;
  }

  private async note(runId: string, message: string, interrupted = false): Promise<void> {
    await this.o.db.asService((tx) =>
      tx.$executeRaw`UPDATE sync_history SET metadata = jsonb_set(metadata, '{errors}', COALESCE(metadata->'errors', '[]'::jsonb) || to_jsonb(${message}::text))
                       || CASE WHEN ${interrupted} THEN jsonb_build_object('reason', 'interrupted') ELSE '{}'::jsonb END
                     WHERE id = ${runId}::uuid`,
    );
  }

  private async batchRanges(client: pg.PoolClient, userId: string): Promise<Array<{ from: string | null; to: string | null }>> {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM sync_list WHERE user_id = $1 AND is_active) t
        WHERE (rn - 1) % $2 = 0 ORDER BY id`,
      [userId, this.o.batchSize],
    );
    const starts = rows.map((r) => r.id);
    return starts.map((from, i) => ({ from: i === 0 ? null : from, to: starts[i + 1] ?? null }));
  }

  private async runInline(jobs: UserBatchJob[]): Promise<void> {
    const limit = Math.max(1, this.o.inlineConcurrency ?? 2);
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(limit, jobs.length) }, async () => {
        while (next < jobs.length) await this.processJob(jobs[next++] as UserBatchJob);
      }),
    );
  }
}
