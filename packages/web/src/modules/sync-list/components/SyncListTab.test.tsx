import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { lastResult, noErrors, pageOf, syncListItem, syncResult } from '../../../test/fixtures';
import { createTestApi, renderWithApi, type Variables } from '../../../test/testApi';
import { SyncListTab } from './SyncListTab';

function setup(items = defaultItems()) {
  let current = items;
  const api = createTestApi({
    SyncList: (v: Variables) => {
      const filter = (v.filter ?? {}) as { status?: string };
      return { syncList: pageOf('SyncListItem', current.filter((i) => !filter.status || i.lastSyncStatus === filter.status)) };
    },
    UpdateSyncListItem: (v) => {
      const input = v.input as Record<string, unknown>;
      const item = { ...current.find((i) => i.id === v.id)!, ...input };
      return { updateSyncListItem: { __typename: 'SyncListItemPayload', item: { ...item, lastResult: undefined }, userErrors: noErrors } };
    },
    RemoveFromSyncList: (v) => {
      const ids = v.ids as string[];
      current = current.filter((i) => !ids.includes(i.id));
      return { removeFromSyncList: { __typename: 'RemoveFromSyncListPayload', removedIds: ids, userErrors: noErrors } };
    },
    RunDeltaSync: () => ({ runDeltaSync: { __typename: 'RunDeltaSyncPayload', result: syncResult({ itemsProcessed: 1, itemsUpdated: 1 }), userErrors: noErrors } }),
    History: () => ({ syncHistory: pageOf('SyncHistory', []) }),
  });
  renderWithApi(<SyncListTab />, api);
  return api;
}

function defaultItems() {
  return [
    syncListItem({ sourceId: '1', metadata: { name: 'Lamp', sku: 'L-1' }, lastSyncStatus: 'SUCCESS', lastResult: lastResult('SKIPPED', 'UNCHANGED') }),
    syncListItem({ sourceId: '2', metadata: { name: 'Mouse', sku: 'M-1' }, lastSyncStatus: 'SUCCESS', lastResult: lastResult('UPDATED', 'CHANGED_FIELDS', ['price', 'title']) }),
    syncListItem({ sourceId: '3', metadata: { name: 'Chair' }, lastSyncStatus: 'FAILED', errorMessage: 'Handle taken', lastResult: lastResult('FAILED', 'PERMANENT_ERROR', [], 'Handle taken') }),
  ];
}

const row = (name: string) => screen.getByRole('checkbox', { name: `Select ${name}` }).closest('tr') as HTMLElement;

describe('SyncListTab', () => {
  it('shows each row’s last outcome with its reason', async () => {
    setup();
    await screen.findByText('Lamp');
    expect(within(row('Lamp')).getByText('skipped: unchanged')).toBeInTheDocument();
    expect(within(row('Mouse')).getByText('updated: price, title')).toBeInTheDocument();
    expect(within(row('Chair')).getByText('failed: Handle taken')).toBeInTheDocument();
    expect(within(row('Chair')).getByRole('button', { name: 'Retry Chair' })).toBeInTheDocument();
    expect(screen.getByText('1–3 of 3 items')).toBeInTheDocument();
  });

  it('toggles a row to full mode and off, through updateSyncListItem', async () => {
    const api = setup();
    await screen.findByText('Lamp');
    await userEvent.selectOptions(screen.getByLabelText('Sync mode for Lamp'), 'FULL');
    await waitFor(() => expect(api.callsOf('UpdateSyncListItem')).toContainEqual(expect.objectContaining({ input: { syncMode: 'FULL' } })));
    await waitFor(() => expect(screen.getByLabelText('Sync mode for Lamp')).toHaveValue('FULL'));
    await userEvent.click(within(row('Lamp')).getByRole('switch'));
    await waitFor(() => expect(api.callsOf('UpdateSyncListItem')).toContainEqual(expect.objectContaining({ input: { isActive: false } })));
  });

  it('syncs one row, the selected rows, and everything as a forced run', async () => {
    const api = setup();
    await screen.findByText('Lamp');
    await userEvent.click(screen.getByRole('button', { name: 'Sync Lamp now' }));
    expect(await screen.findByText(/Sync completed: 1 processed — 0 created, 1 updated/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Mouse' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Chair' }));
    await userEvent.click(screen.getByRole('button', { name: 'Sync selected' }));
    await userEvent.click(screen.getByRole('button', { name: 'Sync all now (full)' }));
    await waitFor(() => expect(api.callsOf('RunDeltaSync')).toHaveLength(3));
    const [one, selected, all] = api.callsOf('RunDeltaSync').map((v) => v.input as { syncListIds?: string[]; force?: boolean });
    expect(one.syncListIds).toHaveLength(1);
    expect(selected.syncListIds).toHaveLength(2);
    expect(all).toEqual({ force: true });
  });

  it('retries a failed row', async () => {
    const api = setup();
    await screen.findByText('Chair');
    await userEvent.click(screen.getByRole('button', { name: 'Retry Chair' }));
    await waitFor(() => expect(api.callsOf('RunDeltaSync')).toHaveLength(1));
  });

  it('removes the selected rows after confirmation', async () => {
    const api = setup();
    await screen.findByText('Lamp');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all items on this page' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove selected' }));
    expect(api.callsOf('RemoveFromSyncList')).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, remove' }));
    expect(await screen.findByText('Removed 3 items.')).toBeInTheDocument();
    expect(await screen.findByText('The sync list is empty')).toBeInTheDocument();
  });

  it('filters by status', async () => {
    const api = setup();
    await screen.findByText('Lamp');
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'FAILED');
    await waitFor(() => expect(screen.queryByText('Lamp')).not.toBeInTheDocument());
    expect(screen.getByText('Chair')).toBeInTheDocument();
    expect(api.callsOf('SyncList').at(-1)).toMatchObject({ filter: { status: 'FAILED' } });
  });

  it('says so when the list is empty', async () => {
    setup([]);
    expect(await screen.findByText('The sync list is empty')).toBeInTheDocument();
  });
});
