import { useQuery } from '@apollo/client/react';
import { HistoryEntryDocument } from '../../../gql/graphql';
import { Badge } from '../../../ui/Badge';
import { EmptyState, ErrorState, Loading } from '../../../ui/DataState';
import { formatDateTime, formatDuration } from '../../../ui/format';
import { Link } from '../../../ui/Link';
import { Pager } from '../../../ui/Pager';
import { useCursorPager } from '../../../ui/useCursorPager';
import { actionTone, capitalize, humanize, runStatusTone } from '../../sync-runs/hooks/labels';

const PAGE_SIZE = 50;

export function RunDetailPage({ id }: { id: string }) {
  const pager = useCursorPager();
  const { data, loading, error, refetch } = useQuery(HistoryEntryDocument, {
    variables: { id, first: PAGE_SIZE, after: pager.after },
    fetchPolicy: 'cache-and-network',
  });
  const run = data?.syncHistoryEntry;

  if (loading && !data) return <Loading label="Loading the run…" />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!run) {
    return (
      <EmptyState title="Run not found">
        It may have been pruned from history. <Link href="/history">Back to history</Link>
      </EmptyState>
    );
  }
  const items = run.items.edges.map((e) => e.node);
  const metrics = [
    ['Processed', run.itemsProcessed],
    ['Created', run.itemsCreated],
    ['Updated', run.itemsUpdated],
    ['Skipped', run.itemsSkipped],
    ['Failed', run.itemsFailed],
  ] as const;

  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/history">History</Link> <span aria-hidden="true">/</span> <span>Run</span>
      </nav>
      <header className="page-head">
        <div>
          <h1>
            {capitalize(humanize(run.syncType))} sync <Badge tone={runStatusTone(run.status)}>{capitalize(humanize(run.status))}</Badge>
          </h1>
          <p className="muted">
            Started {formatDateTime(run.createdAt)}
            {run.finishedAt ? ` · finished ${formatDateTime(run.finishedAt)}` : ''} · {run.status === 'RUNNING' ? 'running' : formatDuration(run.durationMs)}
          </p>
        </div>
      </header>
      <section className="metrics" aria-label="Run metrics">
        {metrics.map(([label, value]) => (
          <div key={label} className={`metric metric-${label.toLowerCase()}`}>
            <span className="metric-value">{value}</span>
            <span className="metric-label">{label}</span>
          </div>
        ))}
      </section>
      <section className="card" aria-label="Item results">
        <h2>Item results</h2>
        {items.length === 0 ? <EmptyState title="No items in this run" /> : null}
        {items.length > 0 ? (
          <>
            <div className="table-wrap">
              <table className="table table-stack">
                <thead>
                  <tr>
                    <th scope="col">Item</th>
                    <th scope="col">Action</th>
                    <th scope="col">Reason</th>
                    <th scope="col">Changed fields</th>
                    <th scope="col">Error</th>
                    <th scope="col" className="cell-num">Attempt</th>
                    <th scope="col" className="cell-num">Duration</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.id}>
                      <td data-label="Item" className="mono">
                        {item.syncListItem?.sourceId ?? <span className="muted">removed from the list</span>}
                      </td>
                      <td data-label="Action">
                        <Badge tone={actionTone(item.action)}>{humanize(item.action)}</Badge>
                      </td>
                      <td data-label="Reason">{humanize(item.reason)}</td>
                      <td data-label="Changed fields">{item.changedFields.length > 0 ? item.changedFields.join(', ') : <span className="muted">—</span>}</td>
                      <td data-label="Error" className="cell-error">{item.error ?? <span className="muted">—</span>}</td>
                      <td data-label="Attempt" className="cell-num">{item.attempt}</td>
                      <td data-label="Duration" className="cell-num">{formatDuration(item.durationMs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              pager={pager}
              hasNextPage={run.items.pageInfo.hasNextPage}
              endCursor={run.items.pageInfo.endCursor}
              totalCount={run.items.totalCount}
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
