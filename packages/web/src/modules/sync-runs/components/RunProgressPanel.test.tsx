import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { historyRun, noErrors, pageOf, syncListItem } from '../../../test/fixtures';
import { createTestApi, renderWithApi } from '../../../test/testApi';
import { HistoryTab } from '../../history/components/HistoryTab';
import { RunProgressPanel } from './RunProgressPanel';

const progress = (kind: string, processed: number, total: number, run: ReturnType<typeof historyRun> | null = null) => ({
  syncProgress: { __typename: 'SyncProgressEvent', syncHistoryId: 'run-1', kind, syncListItemId: null, action: null, error: null, processed, total, run },
});

describe('live sync progress', () => {
  it('subscribes to all of the user’s runs before any starts, and shows a run from start to 100 %', async () => {
    const api = createTestApi({
      CancelSync: (v) => ({ cancelSync: { __typename: 'CancelSyncPayload', run: { __typename: 'SyncHistory', id: v.syncHistoryId, status: 'RUNNING' }, userErrors: noErrors } }),
    });
    renderWithApi(<RunProgressPanel />, api);
    await waitFor(() => expect(api.subscribed('SyncProgress')).toBe(true));
    expect(api.callsOf('SyncProgress')).toEqual([{ syncHistoryId: null }]);
    expect(api.subscribed('SyncListItemUpdated')).toBe(true);

    act(() => api.emit('SyncProgress', progress('STARTED', 0, 3)));
    const bar = await screen.findByRole('progressbar', { name: 'Sync progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '3');

    act(() => api.emit('SyncProgress', progress('ITEM', 1, 3, historyRun({ id: 'run-1', status: 'RUNNING', itemsCreated: 1, itemsProcessed: 1 }))));
    await waitFor(() => expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1'));
    expect(screen.getByText('1 created · 0 updated · 0 skipped · 0 failed')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(api.callsOf('CancelSync')).toEqual([{ syncHistoryId: 'run-1' }]));
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();

    act(() => api.emit('SyncProgress', progress('FINISHED', 3, 3, historyRun({ id: 'run-1', itemsCreated: 2, itemsSkipped: 1 }))));
    expect(await screen.findByText('Sync finished')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('data-percent', '100');
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('adds a new run to the history list without a reload', async () => {
    let runs = [historyRun({ id: 'old' })];
    const api = createTestApi({ History: () => ({ syncHistory: pageOf('SyncHistory', runs) }) });
    renderWithApi(<HistoryTab />, api);
    await waitFor(() => expect(document.querySelectorAll('tr[data-history-id]')).toHaveLength(1));
    runs = [historyRun({ id: 'run-1', status: 'RUNNING', itemsProcessed: 0, itemsCreated: 0, durationMs: null, finishedAt: null }), ...runs];
    await waitFor(() => expect(api.subscribed('SyncProgress')).toBe(true));
    act(() => api.emit('SyncProgress', progress('STARTED', 0, 3)));
    await waitFor(() => expect(document.querySelectorAll('tr[data-history-id]')).toHaveLength(2));
    expect(screen.getByText('running…')).toBeInTheDocument();
  });

  it('updates a sync-list row in the cache from syncListItemUpdated', async () => {
    const item = syncListItem({ id: 'item-1', lastSyncStatus: 'PENDING' });
    const api = createTestApi({});
    renderWithApi(<RunProgressPanel />, api);
    await waitFor(() => expect(api.subscribed('SyncListItemUpdated')).toBe(true));
    act(() => api.emit('SyncListItemUpdated', { syncListItemUpdated: { ...item, lastResult: undefined, lastSyncStatus: 'SUCCESS' } }));
    await waitFor(() => expect(api.client.cache.extract()).toMatchObject({ 'SyncListItem:item-1': { lastSyncStatus: 'SUCCESS' } }));
  });
});
