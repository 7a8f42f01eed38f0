import type { ResultFieldsFragment, SyncProgressSubscription } from '../../../gql/graphql';

export type ProgressEvent = SyncProgressSubscription['syncProgress'];

export interface RunCounts {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

export interface RunProgress {
  syncHistoryId: string;
  processed: number;
  total: number;
  phase: 'running' | 'cancelling' | 'finished';
  /** The run's final status (COMPLETED, PARTIAL_SUCCESS, FAILED) once finished. */
  runStatus: string | null;
  counts: RunCounts | null;
}

/** Finished runs stay on screen (at 100 %) until dismissed; only the latest few are kept. */
const FINISHED_KEPT = 3;

function countsOf(run: ProgressEvent['run']): RunCounts | null {
  if (!run) return null;
  return { created: run.itemsCreated, updated: run.itemsUpdated, skipped: run.itemsSkipped, failed: run.itemsFailed };
}

function trim(runs: RunProgress[]): RunProgress[] {
  const finished = runs.filter((r) => r.phase === 'finished');
  if (finished.length <= FINISHED_KEPT) return runs;
  const drop = new Set(finished.slice(0, finished.length - FINISHED_KEPT).map((r) => r.syncHistoryId));
  return runs.filter((r) => !drop.has(r.syncHistoryId));
}

/** Folds one `syncProgress` event into the list of runs shown. Events may arrive out of order. */
export function applyProgressEvent(runs: RunProgress[], event: ProgressEvent): RunProgress[] {
  const existing = runs.find((r) => r.syncHistoryId === event.syncHistoryId);
  const base: RunProgress = existing ?? {
    syncHistoryId: event.syncHistoryId,
    processed: 0,
    total: event.total,
    phase: 'running',
    runStatus: null,
    counts: null,
  };
  if (existing?.phase === 'finished' && event.kind !== 'FINISHED') return runs;

  const next: RunProgress = {
    ...base,
    total: Math.max(event.total, 0),
    // A late ITEM event must not move the bar backwards.
    processed: Math.max(base.processed, event.processed),
    counts: countsOf(event.run) ?? base.counts,
  };
  if (event.kind === 'FINISHED') {
    next.phase = 'finished';
    next.processed = Math.max(event.processed, base.processed);
    next.runStatus = event.run?.status ?? base.runStatus ?? 'COMPLETED';
  }
  const updated = existing ? runs.map((r) => (r === existing ? next : r)) : [...runs, next];
  return trim(updated);
}

/** The mutation's answer closes a run even when its FINISHED event was missed. */
export function applySyncResult(
  runs: RunProgress[],
  result: Pick<ResultFieldsFragment, 'syncHistoryId' | 'status' | 'itemsProcessed' | 'itemsCreated' | 'itemsUpdated' | 'itemsSkipped' | 'itemsFailed'>,
): RunProgress[] {
  if (result.status === 'RUNNING') return runs;
  const existing = runs.find((r) => r.syncHistoryId === result.syncHistoryId);
  if (existing?.phase === 'finished') return runs;
  const finished: RunProgress = {
    syncHistoryId: result.syncHistoryId,
    processed: result.itemsProcessed,
    total: Math.max(result.itemsProcessed, existing?.total ?? 0),
    phase: 'finished',
    runStatus: result.status,
    counts: { created: result.itemsCreated, updated: result.itemsUpdated, skipped: result.itemsSkipped, failed: result.itemsFailed },
  };
  return trim(existing ? runs.map((r) => (r === existing ? finished : r)) : [...runs, finished]);
}

export function markCancelling(runs: RunProgress[], syncHistoryId: string): RunProgress[] {
  return runs.map((r) => (r.syncHistoryId === syncHistoryId && r.phase === 'running' ? { ...r, phase: 'cancelling' } : r));
}

export function dismissRun(runs: RunProgress[], syncHistoryId: string): RunProgress[] {
  return runs.filter((r) => r.syncHistoryId !== syncHistoryId);
}
