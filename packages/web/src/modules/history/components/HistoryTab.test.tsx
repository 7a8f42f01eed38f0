import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { historyRun, pageOf } from '../../../test/fixtures';
import { createTestApi, renderWithApi, type Variables } from '../../../test/testApi';
import { HistoryTab } from './HistoryTab';
import { RunDetailPage } from './RunDetailPage';

describe('HistoryTab', () => {
  const runs = [
    historyRun({ id: 'r2', syncType: 'FULL', status: 'PARTIAL_SUCCESS', itemsProcessed: 4, itemsCreated: 1, itemsUpdated: 1, itemsSkipped: 1, itemsFailed: 1, durationMs: 65_000, createdAt: '2026-03-02T08:00:00Z' }),
    historyRun({ id: 'r1', syncType: 'SCHEDULED', createdAt: '2026-03-01T08:00:00Z' }),
  ];

  function setup(list = runs) {
    const api = createTestApi({
      History: (v: Variables) => {
        const filter = (v.filter ?? {}) as { status?: string; syncType?: string };
        return { syncHistory: pageOf('SyncHistory', list.filter((r) => (!filter.status || r.status === filter.status) && (!filter.syncType || r.syncType === filter.syncType))) };
      },
    });
    renderWithApi(<HistoryTab />, api);
    return api;
  }

  it('lists runs newest first with metrics, local start time and duration', async () => {
    setup();
    const rows = await screen.findAllByRole('row');
    const first = rows[1];
    expect(within(first).getByText('Partial success')).toBeInTheDocument();
    expect(within(first).getByText('1 min 5 s')).toBeInTheDocument();
    const cells = within(first).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(3, 8)).toEqual(['4', '1', '1', '1', '1']);
    expect(within(first).getByRole('link')).toHaveTextContent(new Date('2026-03-02T08:00:00Z').toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }));
    expect(screen.getByRole('img', { name: /Last 2 runs: 4 created, 1 updated, 1 skipped, 1 failed/ })).toBeInTheDocument();
  });

  it('filters by sync type and status', async () => {
    const api = setup();
    await screen.findAllByRole('row');
    await userEvent.selectOptions(screen.getByLabelText('Sync type'), 'SCHEDULED');
    await waitFor(() => expect(document.querySelectorAll('tr[data-history-id]')).toHaveLength(1));
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'FAILED');
    expect(await screen.findByText('No runs yet')).toBeInTheDocument();
    expect(api.callsOf('History').at(-1)).toMatchObject({ filter: { syncType: 'SCHEDULED', status: 'FAILED' } });
  });

  it('opens a run when its row is clicked', async () => {
    setup();
    await userEvent.click(await screen.findByText('1 min 5 s'));
    expect(window.location.pathname).toBe('/history/r2');
  });

  it('says so when there are no runs yet', async () => {
    setup([]);
    expect(await screen.findByText('No runs yet')).toBeInTheDocument();
  });
});

describe('RunDetailPage', () => {
  it('shows the per-item results with action, reason, fields and error', async () => {
    const item = (id: string, action: string, reason: string, changedFields: string[], error: string | null) => ({
      __typename: 'SyncHistoryItem', id, action, reason, changedFields, error, attempt: error ? 3 : 1, durationMs: 120, syncListItem: { __typename: 'SyncListItem', id: `sl-${id}`, sourceId: `src-${id}` },
    });
    const api = createTestApi({
      HistoryEntry: () => ({
        syncHistoryEntry: {
          ...historyRun({ id: 'r9', itemsProcessed: 3, itemsCreated: 0, itemsUpdated: 1, itemsSkipped: 1, itemsFailed: 1, status: 'PARTIAL_SUCCESS' }),
          items: {
            __typename: 'SyncHistoryItemConnection', totalCount: 3, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            edges: [item('a', 'UPDATED', 'CHANGED_FIELDS', ['price'], null), item('b', 'SKIPPED', 'UNCHANGED', [], null), item('c', 'FAILED', 'TRANSIENT_ERROR', [], '429 Too Many Requests')].map((node) => ({ __typename: 'SyncHistoryItemEdge', node })),
          },
        },
      }),
    });
    renderWithApi(<RunDetailPage id="r9" />, api);
    const failed = (await screen.findByText('src-c')).closest('tr') as HTMLElement;
    expect(within(failed).getByText('transient error')).toBeInTheDocument();
    expect(within(failed).getByText('429 Too Many Requests')).toBeInTheDocument();
    expect(within(screen.getByText('src-a').closest('tr') as HTMLElement).getByText('price')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Run metrics' })).getByText('Skipped').previousSibling).toHaveTextContent('1');
    expect(api.callsOf('HistoryEntry')[0]).toMatchObject({ id: 'r9', first: 50 });
  });

  it('says when a run is not found', async () => {
    const api = createTestApi({ HistoryEntry: () => ({ syncHistoryEntry: null }) });
    renderWithApi(<RunDetailPage id="nope" />, api);
    expect(await screen.findByText('Run not found')).toBeInTheDocument();
  });
});
