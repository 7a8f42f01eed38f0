import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Connector, SourceRecord } from '../connectors/types.js';
import type { Database } from '../db/database.js';
import type { SyncHistory, SyncListItem } from '../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import type { PubSub } from '../pubsub/pubsub.js';
import type { ConnectorRegistry } from './connectors.js';
import { forEachLimited } from './pool.js';
import { needsWrite, processItem } from './process-item.js';
import { countSelection, keyOf, listedFor, readPageItems, selectLean, selectPage, sourceGroups, type LeanItem, type PageItem, type Pass, type PageKey } from './selection.js';
import { SyncStore, Tally } from './store.js';
import type { IdRange, Outcome, RunSyncOptions, SyncResult } from './types.js';

export interface SyncEngineOptions {
  db: Database;
  pubsub: PubSub;
  connectors: ConnectorRegistry;
  logger: Logger;
  claimTtlMs: number;
  heartbeatMs: number;
  staleAfterMs: number;
  itemConcurrency: number;
  metrics?: SyncMetrics;
  instanceId?: string;
  /** Page size of the streamed selection. */
  pageSize?: number;
  /** Engine-level attempts for a transient failure. */
  maxAttempts?: number;
  /** Test hook: called after an item's target write, before its outcome is committed. */
  afterWrite?: (o: Outcome) => Promise<void>;
}

export interface SyncMetrics {
  runFinished(syncType: string, status: string, durationMs: number): void;
  itemFinished(action: string, reason: string, durationMs: number): void;
}

interface LiveRun {
  runId: string;
  userId: string;
  cancelled: boolean;
  stopping: boolean;
  done: Promise<unknown>;
}

const SHUTDOWN_GRACE_MS = 10_000;

/** The sync engine (DESIGN §5): one entry point, runSync, for the API, REST and the scheduler. */
export class SyncEngine {
  readonly instanceId: string;
  readonly store: SyncStore;
  private readonly live = new Map<string, LiveRun>();
  private reaper: NodeJS.Timeout | undefined;
  private shuttingDown = false;

  constructor(private readonly o: SyncEngineOptions) {
    this.instanceId = o.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.store = new SyncStore(o.db);
  }

  /** Starts closing stale runs now and then (any instance may close another's dead runs). */
  start(): void {
    void this.reapStale().catch((err: unknown) => this.o.logger.warn({ err }, 'stale-run sweep failed'));
    this.reaper = setInterval(() => {
      void this.reapStale().catch((err: unknown) => this.o.logger.warn({ err }, 'stale-run sweep failed'));
    }, Math.max(1_000, this.o.heartbeatMs * 2));
    this.reaper.unref();
  }

  async runSync(opts: RunSyncOptions): Promise<SyncResult> {
    const userId = opts.userId ?? opts.actor.userId;
    if (!userId) throw new Error('runSync needs a user');
    if (this.shuttingDown) throw new Error('the server is shutting down');
    const ids = opts.syncListIds ?? null;
    const total = await countSelection(this.o.db, userId, opts.itemType, ids, opts.idRange);
    const run = opts.historyId
      ? await this.store.addToTotal(userId, opts.historyId, total)
      : await this.store.openRun(userId, {
          syncType: opts.syncType,
          trigger: opts.trigger,
          parentId: opts.parentId,
          instanceId: this.instanceId,
          total,
          metadata: { instanceId: this.instanceId, ...(ids ? { syncListIds: ids.length } : {}), ...(opts.itemType ? { itemType: opts.itemType } : {}), ...(opts.force ? { force: true } : {}) },
        });
    const runId = run.id;
    const started = Date.now();
    if (!opts.historyId) {
      await this.publishProgress(userId, runId, 'started', { processed: 0, total, run });
      this.o.logger.info({ syncHistoryId: runId, userId, syncType: opts.syncType, trigger: opts.trigger, total }, 'sync run started');
    }
    let resolveDone: () => void = () => undefined;
    const live: LiveRun = { runId, userId, cancelled: false, stopping: false, done: new Promise<void>((r) => (resolveDone = r)) };
    this.live.set(runId, live);
    const tally = new Tally();
    const beat = setInterval(() => {
      void this.store.flush(userId, runId, tally).catch(() => undefined);
      this.store.heartbeat(userId, runId, this.o.claimTtlMs).then(
        (r) => {
          if (r.cancelRequested) live.cancelled = true;
        },
        (err: unknown) => this.o.logger.warn({ err, syncHistoryId: runId }, 'heartbeat failed'),
      );
    }, this.o.heartbeatMs);
    let failure: unknown;
    let ctx: RunContext | undefined;
    try {
      const connectors = await this.o.connectors.forUser(userId);
      ctx = { userId, runId, total, live, connectors, tally, force: Boolean(opts.force) || opts.syncType === 'full', idRange: opts.idRange ?? null, claimed: false };
      if (ids || ctx.force) await this.readPass(ctx, { pass: 'all', ids, itemType: opts.itemType });
      else await this.deltaPasses(ctx, opts.itemType ?? null);
    } catch (err) {
      failure = err;
      this.o.logger.error({ err, syncHistoryId: runId }, 'sync run failed');
    } finally {
      clearInterval(beat);
      await this.store.flush(userId, runId, tally).catch((err: unknown) => this.o.logger.warn({ err, syncHistoryId: runId }, 'flushing counts failed'));
      if (ctx?.claimed) await this.store.release(userId, runId).catch(() => undefined);
      this.live.delete(runId);
      resolveDone();
    }
    if (opts.keepOpen) {
      // A batch of a row its owner closes later: the row holds the counts, no need to read it back.
      if (failure) throw failure;
      return { syncHistoryId: runId, status: 'running', itemsProcessed: tally.processed, itemsCreated: 0, itemsUpdated: 0, itemsFailed: 0, itemsSkipped: 0, duration: Date.now() - started, errors: [] };
    }
    const reason = live.stopping ? 'shutdown' : failure ? `error: ${failure instanceof Error ? failure.message : String(failure)}` : live.cancelled ? 'cancelled' : undefined;
    const closed = await this.store.closeRun(userId, runId, { reason, forceFailed: live.stopping || Boolean(failure) });
    const final = closed ?? (await this.store.getRun(userId, runId));
    if (!final) throw new Error(`sync run ${runId} vanished`);
    await this.publishProgress(userId, runId, 'finished', { processed: final.itemsProcessed, total: final.itemsTotal, run: final });
    this.o.metrics?.runFinished(final.syncType, final.status, final.durationMs ?? Date.now() - started);
    this.o.logger.info(
      { syncHistoryId: runId, status: final.status, processed: final.itemsProcessed, created: final.itemsCreated, updated: final.itemsUpdated, skipped: final.itemsSkipped, failed: final.itemsFailed, durationMs: final.durationMs },
      'sync run finished',
    );
    if (failure && !live.stopping) throw failure;
    return this.resultOf(userId, final);
  }

  async resultOf(userId: string, run: SyncHistory): Promise<SyncResult> {
    const errors = run.itemsFailed > 0 ? await this.store.failedItems(userId, run.id) : [];
    return {
      syncHistoryId: run.id,
      status: run.status,
      itemsProcessed: run.itemsProcessed,
      itemsCreated: run.itemsCreated,
      itemsUpdated: run.itemsUpdated,
      itemsFailed: run.itemsFailed,
      itemsSkipped: run.itemsSkipped,
      duration: run.durationMs ?? 0,
      errors: errors.map((e) => ({ itemId: e.itemId, error: e.error, ...(e.sourceId ? { sourceId: e.sourceId } : {}) })),
    };
  }

  /** Asks a run to stop taking items; in this process at once, elsewhere at its next heartbeat. */
  async cancel(userId: string, runId: string): Promise<SyncHistory | null> {
    const run = await this.o.db.asUser(userId, async (tx) => {
      await tx.syncHistory.updateMany({ where: { id: runId, userId, status: 'running' }, data: { cancelRequested: true } });
      return tx.syncHistory.findFirst({ where: { id: runId, userId } });
    });
    const live = this.live.get(runId);
    if (live && live.userId === userId) live.cancelled = true;
    return run;
  }

  /** Closes runs whose heartbeat went stale as failed ("interrupted") and frees their claims. */
  async reapStale(): Promise<number> {
    const stale = await this.o.db.asService((tx) =>
      tx.$queryRaw<Array<{ id: string; user_id: string | null }>>`
        UPDATE sync_history SET status = 'failed', finished_at = now(), heartbeat_at = NULL,
               duration_ms = GREATEST(0, (extract(epoch FROM (now() - started_at)) * 1000)::int),
               metadata = metadata || jsonb_build_object('reason', 'interrupted')
         WHERE status = 'running' AND pending_jobs = 0 AND heartbeat_at IS NOT NULL
           AND heartbeat_at < now() - make_interval(secs => ${this.o.staleAfterMs / 1000})
        RETURNING id, user_id`,
    );
    if (stale.length === 0) return 0;
    await this.o.db.asService((tx) => tx.$executeRaw`UPDATE sync_list SET locked_until = NULL, locked_by = NULL WHERE locked_by = ANY(${stale.map((s) => s.id)}::text[])`);
    for (const s of stale) {
      this.o.logger.warn({ syncHistoryId: s.id }, 'closed an interrupted sync run');
      if (s.user_id) {
        const run = await this.store.getRun(s.user_id, s.id);
        if (run) await this.publishProgress(s.user_id, s.id, 'finished', { processed: run.itemsProcessed, total: run.itemsTotal, run });
      }
    }
    return stale.length;
  }

  /** SIGTERM: stop taking items, let those in flight finish for up to 10 s, close as failed ("shutdown"). */
  async shutdown(graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
    this.shuttingDown = true;
    if (this.reaper) clearInterval(this.reaper);
    const runs = [...this.live.values()];
    for (const r of runs) r.stopping = true;
    await Promise.race([Promise.all(runs.map((r) => r.done)), new Promise((r) => setTimeout(r, graceMs))]);
    for (const r of runs) {
      await this.store.release(r.userId, r.runId).catch(() => undefined);
      await this.store.closeRun(r.userId, r.runId, { reason: 'shutdown', forceFailed: true }).catch(() => undefined);
    }
  }

  get runningCount(): number {
    return this.live.size;
  }

  // ---- passes -------------------------------------------------------------------------

  /**
   * Reads the selection page by page with readMany and processes it. Pages of 1,000: one
   * NetSuite SuiteQL read, five Shopify nodes() reads of 200 (DESIGN §5 step 2).
   */
  private async readPass(ctx: RunContext, sel: { pass: Pass; ids?: string[] | null; itemType?: RunSyncOptions['itemType']; fallback?: string[] }): Promise<void> {
    const pageSize = this.o.pageSize ?? 1000;
    if (sel.ids && sel.pass === 'all') {
      // Given ids: order them once by priority, then take them a page at a time.
      const ordered = await orderIds(this.o.db, ctx.userId, sel.ids, sel.itemType);
      for (let i = 0; i < ordered.length; i += pageSize) {
        const chunk = ordered.slice(i, i + pageSize);
        const page = await readPageItems(this.o.db, ctx.userId, chunk);
        const order = new Map(chunk.map((id, n) => [id, n]));
        await this.processPage(ctx, page.sort((x, y) => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0)), null);
      }
      return;
    }
    let after: PageKey | null = null;
    const filter = { userId: ctx.userId, runId: ctx.runId, itemType: sel.itemType, ids: sel.ids, pass: sel.pass, fallbackConnections: sel.fallback, idRange: ctx.idRange };
    for (;;) {
      if (sel.pass === 'untouched') {
        // What no pass touched is unchanged: recorded from ids alone, no row read.
        const lean = await selectLean(this.o.db, filter, after, pageSize);
        if (lean.length === 0) return;
        after = keyOf(lean[lean.length - 1] as LeanItem);
        await this.recordSkipped(ctx, lean.map((item) => skipped(item, ctx.live.cancelled || ctx.live.stopping ? 'cancelled' : 'unchanged')));
        if (lean.length < pageSize) return;
        continue;
      }
      const page = await selectPage(this.o.db, filter, after, pageSize);
      if (page.length === 0) return;
      after = keyOf(page[page.length - 1] as PageItem);
      await this.processPage(ctx, page, null);
      if (page.length < pageSize) return;
    }
  }

  /** Whole-list delta: changed-since per source, then what must be read anyway, then the rest is unchanged. */
  private async deltaPasses(ctx: RunContext, itemType: RunSyncOptions['itemType'] | null): Promise<void> {
    const fallback: string[] = [];
    for (const group of await sourceGroups(this.o.db, ctx.userId, itemType, ctx.idRange)) {
      if (this.stopped(ctx)) break;
      const source = group.connectionId ? ctx.connectors.get(group.connectionId) : null;
      if (!group.connectionId || !source || group.itemType === 'inventory') continue;
      try {
        const cursor = await this.store.loadCursor(ctx.userId, group.connectionId, group.itemType);
        let watermark = cursor ? { at: cursor.watermarkAt, id: cursor.watermarkId } : null;
        for await (const page of source.changedSince(group.itemType, watermark)) {
          const records = new Map<string, SourceRecord>(page.records.map((r) => [r.id, r]));
          const listed = await listedFor(this.o.db, ctx.userId, group.connectionId, group.itemType, [...records.keys()], ctx.runId, ctx.idRange);
          const due = listed.filter((i) => !(i.lastSyncStatus === 'failed' && i.nextAttemptAt && i.nextAttemptAt > new Date()));
          const waiting = listed.filter((i) => !due.includes(i));
          if (waiting.length) await this.recordSkipped(ctx, waiting.map((i) => skipped(i, 'transient_error')));
          if (due.length) await this.processPage(ctx, due, records);
          if (page.watermark) watermark = page.watermark;
          if (this.stopped(ctx)) break;
        }
        if (!this.stopped(ctx) && watermark) await this.store.saveCursor(ctx.userId, group.connectionId, group.itemType, watermark.at, watermark.id);
      } catch (err) {
        this.o.logger.warn({ err: err instanceof Error ? err.message : String(err), connectionId: group.connectionId, syncHistoryId: ctx.runId }, 'changed-since read failed; reading the items by id');
        fallback.push(group.connectionId);
      }
    }
    // Items of missing or disabled connections are read (and failed) rather than passed over as unchanged.
    for (const [id, connector] of ctx.connectors) if (!connector) fallback.push(id);
    if (!this.stopped(ctx)) await this.readPass(ctx, { pass: 'candidates', itemType, fallback });
    await this.readPass(ctx, { pass: 'untouched', itemType });
  }

  /**
   * Reads what a page needs from the sources, decides each item, and claims only the items
   * it will write: unchanged items need no claim, so an unchanged page costs one read and
   * one bulk record. A claimed item is decided again on its fresh row, so a run that lost
   * the race to another never writes twice.
   */
  private async processPage(ctx: RunContext, page: PageItem[], known: Map<string, SourceRecord> | null): Promise<void> {
    if (this.stopped(ctx)) {
      await this.recordSkipped(ctx, page.map((i) => skipped(i, 'cancelled')));
      return;
    }
    const records = new Map<string, SourceRecord | undefined>();
    const readErrors = new Map<string, string>();
    const groups = new Map<string, PageItem[]>();
    for (const item of page) {
      if (known?.has(item.sourceId)) {
        records.set(item.id, known.get(item.sourceId));
        continue;
      }
      const key = `${item.sourceConnectionId ?? ''}|${item.itemType}`;
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    for (const [, items] of groups) {
      const first = items[0] as PageItem;
      const source = first.sourceConnectionId ? ctx.connectors.get(first.sourceConnectionId) : null;
      if (!source) continue;
      try {
        const read = await source.readMany(first.itemType, items.map((i) => i.sourceId));
        for (const item of items) records.set(item.id, read.get(item.sourceId));
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        for (const item of items) readErrors.set(item.id, message);
      }
    }

    const skippedOutcomes: Outcome[] = [];
    const toWrite: PageItem[] = [];
    const toRecord: PageItem[] = [];
    for (const item of page) {
      const record = records.get(item.id);
      const hasSource = item.sourceConnectionId ? Boolean(ctx.connectors.get(item.sourceConnectionId)) : false;
      const hasTarget = item.targetConnectionId ? Boolean(ctx.connectors.get(item.targetConnectionId)) : false;
      if (!hasSource || !hasTarget || readErrors.has(item.id) || !record || record.unsyncable) toRecord.push(item);
      else if (needsWrite(item, record, ctx.force)) toWrite.push(item);
      else skippedOutcomes.push({ ...skipped(item, 'unchanged'), sourceVersion: record.updatedAt.toISOString() });
    }
    const claimed = await this.store.claim(ctx.userId, toWrite.map((i) => i.id), ctx.runId, this.o.claimTtlMs);
    if (claimed.length) ctx.claimed = true;
    const claimedIds = new Set(claimed.map((c) => c.id));
    for (const item of toWrite) if (!claimedIds.has(item.id)) skippedOutcomes.push(skipped(item, 'in_progress'));

    const notStarted = await forEachLimited(
      [...toRecord, ...claimed],
      this.o.itemConcurrency,
      async (item) => {
        const outcome = await this.decide(ctx, item, records.get(item.id), readErrors.get(item.id));
        if (outcome.action === 'skipped') skippedOutcomes.push(outcome);
        else await this.recordWritten(ctx, outcome);
      },
      () => this.stopped(ctx),
    );
    skippedOutcomes.push(...notStarted.map((i) => skipped(i, 'cancelled')));
    await this.recordSkipped(ctx, skippedOutcomes);
  }

  private async decide(ctx: RunContext, item: PageItem, record: SourceRecord | undefined, readError: string | undefined): Promise<Outcome> {
    const source: Connector | null | undefined = item.sourceConnectionId ? ctx.connectors.get(item.sourceConnectionId) : null;
    const target: Connector | null | undefined = item.targetConnectionId ? ctx.connectors.get(item.targetConnectionId) : null;
    if (!source) {
      return { itemId: item.id, sourceId: item.sourceId, action: 'failed', reason: 'connection_missing', changedFields: [], error: 'the source connection is missing or disabled', attempt: 1, durationMs: 0 };
    }
    if (readError) {
      return { itemId: item.id, sourceId: item.sourceId, action: 'failed', reason: 'permanent_error', changedFields: [], error: `reading the source failed: ${readError}`, attempt: 1, durationMs: 0 };
    }
    const outcome = await processItem({
      item,
      record,
      target: target ?? null,
      force: ctx.force,
      maxAttempts: this.o.maxAttempts ?? 3,
      backoffMs: (attempt) => Math.floor(Math.random() * 250 * 2 ** attempt),
    });
    if ((outcome.action === 'created' || outcome.action === 'updated') && this.o.afterWrite) await this.o.afterWrite(outcome);
    return outcome;
  }

  private async recordWritten(ctx: RunContext, o: Outcome): Promise<void> {
    const item = await this.store.recordOne(ctx.userId, ctx.runId, o);
    const processed = ctx.tally.add(o.action);
    this.o.metrics?.itemFinished(o.action, o.reason, o.durationMs);
    if (o.action === 'failed') this.o.logger.warn({ syncHistoryId: ctx.runId, syncListItemId: o.itemId, sourceId: o.sourceId, reason: o.reason, error: o.error }, 'sync item failed');
    await this.publishProgress(ctx.userId, ctx.runId, 'item', { processed, total: ctx.total, itemId: o.itemId, action: o.action, error: o.error });
    if (item) await this.o.pubsub.publish('syncListItemUpdated', { userId: ctx.userId, item });
  }

  /** Skipped outcomes are recorded in bulk with the run's pending counts (one transaction per page). */
  private async recordSkipped(ctx: RunContext, outcomes: Outcome[]): Promise<void> {
    const first = ctx.tally.processed;
    if (outcomes.length) ctx.tally.add('skipped', outcomes.length);
    await this.store.recordSkipped(ctx.userId, ctx.runId, outcomes, ctx.tally);
    let n = first;
    for (const o of outcomes) {
      this.o.metrics?.itemFinished(o.action, o.reason, o.durationMs);
      await this.publishProgress(ctx.userId, ctx.runId, 'item', { processed: ++n, total: ctx.total, itemId: o.itemId, action: 'skipped', error: null });
    }
  }

  private stopped(ctx: RunContext): boolean {
    return ctx.live.cancelled || ctx.live.stopping;
  }

  private async publishProgress(
    userId: string,
    runId: string,
    kind: 'started' | 'item' | 'finished',
    p: { processed: number; total: number; run?: SyncHistory; itemId?: string; action?: Outcome['action']; error?: string | null },
  ): Promise<void> {
    try {
      await this.o.pubsub.publish('syncProgress', {
        userId,
        syncHistoryId: runId,
        kind,
        syncListItemId: p.itemId ?? null,
        action: p.action ?? null,
        error: p.error ?? null,
        processed: p.processed,
        total: Math.max(p.total, p.processed),
        run: p.run ?? null,
      });
    } catch (err) {
      this.o.logger.warn({ err }, 'publishing progress failed');
    }
  }
}

interface RunContext {
  idRange: IdRange | null;
  /** Whether this call claimed anything (else there is nothing to release). */
  claimed: boolean;
  tally: Tally;
  userId: string;
  runId: string;
  total: number;
  live: LiveRun;
  connectors: Map<string, Connector | null>;
  force: boolean;
}

/** The given ids of active items, ordered as a run takes them (priority, then age). */
async function orderIds(db: Database, userId: string, ids: string[], itemType: RunSyncOptions['itemType']): Promise<string[]> {
  const rows = await db.asUser(userId, (tx) =>
    tx.syncListItem.findMany({
      where: { userId, isActive: true, id: { in: ids }, ...(itemType ? { itemType } : {}) },
      select: { id: true },
      orderBy: [{ priority: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
    }),
  );
  return rows.map((r) => r.id);
}

function skipped(item: Pick<SyncListItem, 'id' | 'sourceId'>, reason: Outcome['reason']): Outcome {
  return { itemId: item.id, sourceId: item.sourceId, action: 'skipped', reason, changedFields: [], error: null, attempt: 1, durationMs: 0 };
}
