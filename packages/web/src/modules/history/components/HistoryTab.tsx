import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { navigate } from '../../../app/router';
import { HistoryDocument, type SyncHistoryFilter, type SyncRunStatus, type SyncType } from '../../../gql/graphql';
import { Badge } from '../../../ui/Badge';
import { EmptyState, ErrorState, Loading } from '../../../ui/DataState';
import { SelectField } from '../../../ui/Field';
import { formatDateTime, formatDuration, timeZoneName } from '../../../ui/format';
import { Link } from '../../../ui/Link';
import { Pager } from '../../../ui/Pager';
import { useCursorPager } from '../../../ui/useCursorPager';
import { capitalize, humanize, runStatusTone } from '../../sync-runs/hooks/labels';
import { RunsChart } from './RunsChart';

const PAGE_SIZE = 20;

export function HistoryTab() {
  const [filter, setFilter] = useState<SyncHistoryFilter>({});
  const pager = useCursorPager();
  const { data, loading, error, refetch } = useQuery(HistoryDocument, {
    variables: { first: PAGE_SIZE, after: pager.after, filter },
    fetchPolicy: 'cache-and-network',
  });
  const runs = data?.syncHistory.edges.map((e) => e.node) ?? [];
  const change = (next: SyncHistoryFilter) => {
    setFilter(next);
    pager.reset();
  };

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>History</h1>
          <p className="muted">Every sync run, newest first. Times are in your time zone ({timeZoneName()}).</p>
        </div>
      </header>
      <section className="card" aria-label="Sync runs">
        <div className="toolbar">
          <div className="toolbar-filters">
            <SelectField label="Sync type" value={filter.syncType ?? ''} onChange={(e) => change({ ...filter, syncType: (e.target.value || undefined) as SyncType | undefined })}>
              <option value="">Any type</option>
              <option value="MANUAL">Manual</option>
              <option value="DELTA">Delta</option>
              <option value="FULL">Full</option>
              <option value="SCHEDULED">Scheduled</option>
            </SelectField>
            <SelectField label="Status" value={filter.status ?? ''} onChange={(e) => change({ ...filter, status: (e.target.value || undefined) as SyncRunStatus | undefined })}>
              <option value="">Any status</option>
              <option value="RUNNING">Running</option>
              <option value="COMPLETED">Completed</option>
              <option value="PARTIAL_SUCCESS">Partial success</option>
              <option value="FAILED">Failed</option>
            </SelectField>
          </div>
        </div>
        {loading && !data ? <Loading label="Loading history…" /> : null}
        {error && !data ? <ErrorState error={error} onRetry={() => void refetch()} /> : null}
        {data && runs.length === 0 ? <EmptyState title="No runs yet">Runs appear here as soon as a sync starts.</EmptyState> : null}
        {runs.length > 0 ? (
          <>
            <RunsChart runs={runs} />
            <div className="table-wrap">
              <table className="table table-stack table-hover">
                <thead>
                  <tr>
                    <th scope="col">Started</th>
                    <th scope="col">Type</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="cell-num">Processed</th>
                    <th scope="col" className="cell-num">Created</th>
                    <th scope="col" className="cell-num">Updated</th>
                    <th scope="col" className="cell-num">Skipped</th>
                    <th scope="col" className="cell-num">Failed</th>
                    <th scope="col" className="cell-num">Duration</th>
                  </tr>
                </thead>
                <tbody>
                  {runs.map((run) => (
                    <tr key={run.id} data-history-id={run.id} className="row-link" onClick={() => navigate(`/history/${run.id}`)}>
                      <td data-label="Started">
                        <Link href={`/history/${run.id}`} onClick={(e) => e.stopPropagation()}>
                          {formatDateTime(run.createdAt)}
                        </Link>
                      </td>
                      <td data-label="Type">{capitalize(humanize(run.syncType))}</td>
                      <td data-label="Status">
                        <Badge tone={runStatusTone(run.status)}>{capitalize(humanize(run.status))}</Badge>
                      </td>
                      <td data-label="Processed" className="cell-num">{run.itemsProcessed}</td>
                      <td data-label="Created" className="cell-num">{run.itemsCreated}</td>
                      <td data-label="Updated" className="cell-num">{run.itemsUpdated}</td>
                      <td data-label="Skipped" className="cell-num">{run.itemsSkipped}</td>
                      <td data-label="Failed" className={`cell-num${run.itemsFailed > 0 ? ' text-danger' : ''}`}>{run.itemsFailed}</td>
                      <td data-label="Duration" className="cell-num">{run.status === 'RUNNING' ? 'running…' : formatDuration(run.durationMs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              pager={pager}
              hasNextPage={data?.syncHistory.pageInfo.hasNextPage ?? false}
              endCursor={data?.syncHistory.pageInfo.endCursor}
              totalCount={data?.syncHistory.totalCount}
              shown={runs.length}
              pageSize={PAGE_SIZE}
              noun="runs"
            />
          </>
        ) : null}
      </section>
    </div>
  );
}
