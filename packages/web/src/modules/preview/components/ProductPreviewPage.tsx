import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { ConnectionsDocument, PatternsDocument } from '../../../gql/graphql';
import { EmptyState, ErrorState, Loading } from '../../../ui/DataState';
import { SelectField } from '../../../ui/Field';
import { Link } from '../../../ui/Link';
import { directionLabel, platformLabel } from '../../sync-runs/hooks/labels';
import { otherPlatform, sourcePlatformOf, summarizeFilter } from '../hooks/filterConfig';
import { usePreviewSelection } from '../hooks/usePreviewSelection';
import { FilterForm } from './FilterForm';
import { PreviewResults } from './PreviewResults';

export function ProductPreviewPage() {
  const selection = usePreviewSelection();
  const connectionsQuery = useQuery(ConnectionsDocument, { fetchPolicy: 'cache-and-network' });
  const patternsQuery = useQuery(PatternsDocument, { variables: { first: 100 }, fetchPolicy: 'cache-and-network' });
  const connections = connectionsQuery.data?.connections ?? [];
  const patterns = patternsQuery.data?.savedSearchPatterns.edges.map((e) => e.node) ?? [];
  const source = connections.find((c) => c.id === selection.connectionId) ?? null;
  const targets = source ? connections.filter((c) => c.platform === otherPlatform(source.platform)) : [];
  const { connectionId, pattern, setConnection, targetConnectionId, setTargetConnection } = selection;

  // Pick a source that fits the applied pattern's direction (or the first one) once connections load.
  useEffect(() => {
    if (connections.length === 0) return;
    const wanted = pattern ? sourcePlatformOf(pattern.direction) : null;
    const current = connections.find((c) => c.id === connectionId);
    if (current && (!wanted || current.platform === wanted)) return;
    const pick = connections.find((c) => c.platform === wanted) ?? connections[0];
    if (pick && pick.id !== connectionId) setConnection(pick.id);
  }, [connections, connectionId, pattern, setConnection]);

  useEffect(() => {
    if (targetConnectionId && !targets.some((t) => t.id === targetConnectionId)) setTargetConnection(targets[0]?.id ?? null);
    else if (!targetConnectionId && targets.length > 0) setTargetConnection(targets[0].id);
  }, [targets, targetConnectionId, setTargetConnection]);

  if (connectionsQuery.loading && !connectionsQuery.data) return <Loading label="Loading connections…" />;
  if (connectionsQuery.error && !connectionsQuery.data) return <ErrorState error={connectionsQuery.error} onRetry={() => void connectionsQuery.refetch()} />;

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>Product preview</h1>
          <p className="muted">Find source products with filters or a saved pattern, then add them to the sync list.</p>
        </div>
      </header>
      {connections.length === 0 ? (
        <EmptyState title="No connections yet">
          <Link href="/connections">Add a connection</Link> to preview its products.
        </EmptyState>
      ) : (
        <>
          <section className="card" aria-label="Source and filters">
            <div className="form-grid form-grid-3">
              <SelectField label="Source connection" value={selection.connectionId ?? ''} onChange={(e) => setConnection(e.target.value || null)}>
                {connections.map((c) => (
                  <option key={c.id} value={c.id}>
                    {platformLabel(c.platform)} · {c.name}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label="Target connection"
                value={selection.targetConnectionId ?? ''}
                onChange={(e) => setTargetConnection(e.target.value || null)}
                hint={source ? `${directionLabel(source.platform === 'SHOPIFY' ? 'SHOPIFY_TO_NETSUITE' : 'NETSUITE_TO_SHOPIFY')}` : undefined}
              >
                {targets.length === 0 ? <option value="">No {source ? platformLabel(otherPlatform(source.platform)) : ''} connection</option> : null}
                {targets.map((c) => (
                  <option key={c.id} value={c.id}>
                    {platformLabel(c.platform)} · {c.name}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label="Saved pattern"
                value={selection.pattern?.id ?? ''}
                onChange={(e) => {
                  const chosen = patterns.find((p) => p.id === e.target.value);
                  if (chosen) selection.applyPattern(chosen);
                }}
                hint={patternsQuery.error ? 'Could not load the saved patterns.' : undefined}
              >
                <option value="">{patterns.length === 0 ? 'No saved patterns' : 'Choose a pattern…'}</option>
                {patterns.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </SelectField>
            </div>
            <FilterForm key={JSON.stringify(selection.filter)} filter={selection.filter} onApply={selection.setFilter} disabled={!source} />
            <p className="muted small" aria-live="polite">
              Showing: <strong>{summarizeFilter(selection.filter)}</strong>
              {selection.pattern ? ` (pattern “${selection.pattern.name}”)` : ''}
            </p>
          </section>
          {source ? (
            <PreviewResults
              key={`${source.id}|${JSON.stringify(selection.filter)}`}
              connectionId={source.id}
              sourcePlatform={source.platform === 'SHOPIFY' ? 'SHOPIFY' : 'NETSUITE'}
              targetConnectionId={selection.targetConnectionId}
              filter={selection.filter}
            />
          ) : null}
        </>
      )}
    </div>
  );
}
