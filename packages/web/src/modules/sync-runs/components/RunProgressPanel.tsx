import { useState } from 'react';
import { Badge } from '../../../ui/Badge';
import { Link } from '../../../ui/Link';
import { Notice } from '../../../ui/Notice';
import { ProgressBar } from '../../../ui/ProgressBar';
import { capitalize, humanize, runStatusTone } from '../hooks/labels';
import type { RunProgress } from '../hooks/progressState';
import { useSyncRuns } from '../hooks/useSyncRuns';

function RunCard({ run }: { run: RunProgress }) {
  const { cancel, dismiss } = useSyncRuns();
  const [cancelError, setCancelError] = useState<string | null>(null);
  const percent = run.total > 0 ? Math.min(100, Math.round((run.processed / run.total) * 100)) : run.phase === 'finished' ? 100 : 0;
  const finished = run.phase === 'finished';
  const title = finished ? 'Sync finished' : run.phase === 'cancelling' ? 'Cancelling sync…' : 'Sync running…';

  return (
    <section className={`run-card${finished ? ' run-card-finished' : ''}`} aria-label={title} data-run-id={run.syncHistoryId}>
      <div className="run-card-head">
        <strong role="status">{title}</strong>
        {finished && run.runStatus ? <Badge tone={runStatusTone(run.runStatus)}>{capitalize(humanize(run.runStatus))}</Badge> : null}
        <span className="run-card-count" aria-hidden="true">
          {run.processed} / {run.total} · {percent}%
        </span>
      </div>
      <ProgressBar value={finished && run.total === 0 ? 1 : run.processed} max={finished && run.total === 0 ? 1 : run.total} label="Sync progress" />
      <div className="run-card-foot">
        {run.counts ? (
          <span className="run-card-counts">
            {run.counts.created} created · {run.counts.updated} updated · {run.counts.skipped} skipped · {run.counts.failed} failed
          </span>
        ) : (
          <span className="run-card-counts muted">Waiting for the first items…</span>
        )}
        <span className="run-card-actions">
          <Link className="btn btn-ghost btn-small" href={`/history/${run.syncHistoryId}`}>
            Details
          </Link>
          {finished ? (
            <button type="button" className="btn btn-small" onClick={() => dismiss(run.syncHistoryId)}>
              Dismiss
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-danger-ghost btn-small"
              disabled={run.phase === 'cancelling'}
              onClick={async () => setCancelError(await cancel(run.syncHistoryId))}
            >
              Cancel
            </button>
          )}
        </span>
      </div>
      {cancelError ? (
        <Notice tone="danger" onDismiss={() => setCancelError(null)}>
          Could not cancel: {cancelError}
        </Notice>
      ) : null}
    </section>
  );
}

/** Every run of the user in flight (and the last few finished), above whichever page is open. */
export function RunProgressPanel() {
  const { runs, live } = useSyncRuns();
  return (
    <div className="run-panel">
      {!live ? <Notice tone="warning">Live updates are reconnecting; results will still appear when a run ends.</Notice> : null}
      {runs.map((run) => (
        <RunCard key={run.syncHistoryId} run={run} />
      ))}
    </div>
  );
}
