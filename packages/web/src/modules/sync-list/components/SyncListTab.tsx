import { useQuery } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { SyncListDocument, type RunDeltaSyncInput, type SyncListFilter } from '../../../gql/graphql';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { EmptyState, ErrorState, Loading } from '../../../ui/DataState';
import { Link } from '../../../ui/Link';
import { Notice, type Tone } from '../../../ui/Notice';
import { Pager } from '../../../ui/Pager';
import { useCursorPager } from '../../../ui/useCursorPager';
import { useSyncRuns } from '../../sync-runs/hooks/useSyncRuns';
import { summarizeSyncResult } from '../hooks/syncSummary';
import { useRemoveItems } from '../hooks/useRemoveItems';
import { AddByIdForm } from './AddByIdForm';
import { SyncListFilters } from './SyncListFilters';
import { SyncListTable } from './SyncListTable';

const PAGE_SIZE = 20;

export function SyncListTab() {
  const [filter, setFilter] = useState<SyncListFilter>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [syncingIds, setSyncingIds] = useState<Set<string>>(new Set());
  const [syncingAll, setSyncingAll] = useState(false);
  const [addingById, setAddingById] = useState(false);
  const [message, setMessage] = useState<{ tone: Tone; text: string } | null>(null);
  const pager = useCursorPager();
  const { startSync } = useSyncRuns();
  const removeItems = useRemoveItems();
  const { data, loading, error, refetch } = useQuery(SyncListDocument, {
    variables: { first: PAGE_SIZE, after: pager.after, filter },
    fetchPolicy: 'cache-and-network',
  });
  const items = data?.syncList.edges.map((e) => e.node) ?? [];

  const { reset: resetPager } = pager;
  const changeFilter = useCallback(
    (next: SyncListFilter) => {
      setFilter(next);
      resetPager();
      setSelected(new Set());
    },
    [resetPager],
  );

  async function sync(input: RunDeltaSyncInput, ids: string[]) {
    setMessage(null);
    setSyncingIds((s) => new Set([...s, ...ids]));
    if (ids.length === 0) setSyncingAll(true);
    const outcome = await startSync(input);
    setSyncingIds((s) => new Set([...s].filter((id) => !ids.includes(id))));
    if (ids.length === 0) setSyncingAll(false);
    setMessage(outcome.ok ? { tone: outcome.result.itemsFailed > 0 ? 'warning' : 'success', text: summarizeSyncResult(outcome.result) } : { tone: 'danger', text: `Sync failed: ${outcome.message}` });
  }

  async function removeSelected() {
    const ids = [...selected];
    const result = await removeItems(ids);
    setSelected(new Set());
    setMessage(result);
  }

  const busy = syncingAll || syncingIds.size > 0;

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>Sync list</h1>
          <p className="muted">The items Synclane keeps in step. Delta items sync when they change; full items are written every run.</p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn" onClick={() => setAddingById((v) => !v)} aria-expanded={addingById}>
            Add by id
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void sync({ force: true }, [])} disabled={syncingAll}>
            {syncingAll ? 'Syncing all…' : 'Sync all now (full)'}
          </button>
        </div>
      </header>
      {addingById ? (
        <AddByIdForm
          onAdded={(count) => {
            setAddingById(false);
            setMessage({ tone: 'success', text: `Added ${count} ${count === 1 ? 'item' : 'items'} to the sync list.` });
          }}
          onCancel={() => setAddingById(false)}
        />
      ) : null}
      {message ? (
        <Notice tone={message.tone} onDismiss={() => setMessage(null)}>
          {message.text}
        </Notice>
      ) : null}
      <section className="card" aria-label="Sync list items">
        <div className="toolbar">
          <SyncListFilters filter={filter} onChange={changeFilter} />
          <div className="toolbar-bulk" aria-label="Selected items">
            <span className="muted small">{selected.size} selected</span>
            <button type="button" className="btn btn-small" disabled={selected.size === 0 || busy} onClick={() => void sync({ syncListIds: [...selected] }, [...selected])}>
              Sync selected
            </button>
            <ConfirmButton
              label="Remove selected"
              disabled={selected.size === 0}
              question={`Remove ${selected.size} ${selected.size === 1 ? 'item' : 'items'}?`}
              confirmLabel="Yes, remove"
              onConfirm={removeSelected}
            />
          </div>
        </div>
        {loading && !data ? <Loading label="Loading the sync list…" /> : null}
        {error && !data ? <ErrorState error={error} onRetry={() => void refetch()} /> : null}
        {data && items.length === 0 ? (
          <EmptyState title={Object.values(filter).some((v) => v !== undefined) ? 'No items match these filters' : 'The sync list is empty'}>
            Add products from the <Link href="/preview">product preview</Link>, or orders and inventory with “Add by id”.
          </EmptyState>
        ) : null}
        {items.length > 0 ? (
          <>
            <SyncListTable
              items={items}
              selected={selected}
              syncingIds={syncingIds}
              onSelectionChange={setSelected}
              onSync={(id) => void sync({ syncListIds: [id] }, [id])}
            />
            <Pager
              pager={pager}
              hasNextPage={data?.syncList.pageInfo.hasNextPage ?? false}
              endCursor={data?.syncList.pageInfo.endCursor}
              totalCount={data?.syncList.totalCount}
              shown={items.length}
              pageSize={PAGE_SIZE}
              noun="items"
            />
          </>
        ) : null}
      </section>
    </div>
  );
}
