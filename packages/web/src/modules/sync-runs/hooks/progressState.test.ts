import { describe, expect, it } from 'vitest';
import { applyProgressEvent, applySyncResult, dismissRun, markCancelling, type ProgressEvent } from './progressState';

const run = (counts: Partial<Record<'itemsCreated' | 'itemsUpdated' | 'itemsSkipped' | 'itemsFailed', number>> = {}, status = 'RUNNING') =>
  ({
    id: 'h1',
    syncType: 'MANUAL',
    status,
    itemsProcessed: 0,
    itemsCreated: counts.itemsCreated ?? 0,
    itemsUpdated: counts.itemsUpdated ?? 0,
    itemsSkipped: counts.itemsSkipped ?? 0,
    itemsFailed: counts.itemsFailed ?? 0,
    durationMs: null,
    metadata: {},
    createdAt: '2026-01-01T00:00:00Z',
    finishedAt: null,
  }) as ProgressEvent['run'];

const event = (kind: string, processed: number, total: number, extra: Partial<ProgressEvent> = {}): ProgressEvent =>
  ({ syncHistoryId: 'h1', kind, syncListItemId: null, action: null, error: null, processed, total, run: null, ...extra }) as ProgressEvent;

describe('applyProgressEvent', () => {
  it('follows a run from STARTED through its items to FINISHED', () => {
    let runs = applyProgressEvent([], event('STARTED', 0, 3));
    expect(runs).toMatchObject([{ syncHistoryId: 'h1', processed: 0, total: 3, phase: 'running' }]);
    runs = applyProgressEvent(runs, event('ITEM', 1, 3, { run: run({ itemsCreated: 1 }) }));
    expect(runs[0]).toMatchObject({ processed: 1, counts: { created: 1, updated: 0, skipped: 0, failed: 0 } });
    runs = applyProgressEvent(runs, event('FINISHED', 3, 3, { run: run({ itemsCreated: 2, itemsSkipped: 1 }, 'COMPLETED') }));
    expect(runs[0]).toMatchObject({ processed: 3, phase: 'finished', runStatus: 'COMPLETED', counts: { created: 2, skipped: 1 } });
  });

  it('never moves the bar backwards when an ITEM event arrives late', () => {
    let runs = applyProgressEvent([], event('ITEM', 2, 4));
    runs = applyProgressEvent(runs, event('ITEM', 1, 4));
    expect(runs[0].processed).toBe(2);
  });

  it('ignores item events for a run already finished', () => {
    let runs = applyProgressEvent([], event('FINISHED', 2, 2));
    runs = applyProgressEvent(runs, event('ITEM', 1, 2));
    expect(runs[0]).toMatchObject({ processed: 2, phase: 'finished' });
  });

  it('keeps only the last three finished runs', () => {
    let runs = [1, 2, 3, 4].reduce((acc, n) => applyProgressEvent(acc, event('FINISHED', 1, 1, { syncHistoryId: `h${n}` })), applyProgressEvent([], event('STARTED', 0, 5, { syncHistoryId: 'live' })));
    expect(runs.map((r) => r.syncHistoryId)).toEqual(['live', 'h2', 'h3', 'h4']);
    runs = dismissRun(runs, 'h2');
    expect(runs).toHaveLength(3);
  });
});

describe('applySyncResult', () => {
  it('closes a run whose FINISHED event was missed, with the answer’s counts', () => {
    const runs = applySyncResult(applyProgressEvent([], event('ITEM', 1, 3)), {
      syncHistoryId: 'h1', status: 'PARTIAL_SUCCESS', itemsProcessed: 3, itemsCreated: 1, itemsUpdated: 1, itemsSkipped: 0, itemsFailed: 1,
    });
    expect(runs[0]).toMatchObject({ phase: 'finished', processed: 3, total: 3, runStatus: 'PARTIAL_SUCCESS', counts: { failed: 1 } });
  });

  it('leaves a still-running run to its events', () => {
    const before = applyProgressEvent([], event('ITEM', 1, 3));
    const after = applySyncResult(before, { syncHistoryId: 'h1', status: 'RUNNING', itemsProcessed: 1, itemsCreated: 1, itemsUpdated: 0, itemsSkipped: 0, itemsFailed: 0 });
    expect(after).toBe(before);
  });

  it('marks a running run as cancelling', () => {
    expect(markCancelling(applyProgressEvent([], event('STARTED', 0, 2)), 'h1')[0].phase).toBe('cancelling');
  });
});
