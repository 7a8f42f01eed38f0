import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { navigate } from '../../../app/router';
import { ConnectionsDocument, DeletePatternDocument, PatternsDocument, type PatternFieldsFragment } from '../../../gql/graphql';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { EmptyState, ErrorState, Loading } from '../../../ui/DataState';
import { errorMessage } from '../../../ui/errorMessage';
import { formatDateTime } from '../../../ui/format';
import { Notice, type Tone } from '../../../ui/Notice';
import { Pager } from '../../../ui/Pager';
import { useCursorPager } from '../../../ui/useCursorPager';
import { directionFrom, summarizeFilter } from '../../preview/hooks/filterConfig';
import { usePreviewSelection } from '../../preview/hooks/usePreviewSelection';
import { directionLabel } from '../../sync-runs/hooks/labels';
import { SavePatternForm } from './SavePatternForm';

const PAGE_SIZE = 20;

export function PatternsTab() {
  const selection = usePreviewSelection();
  const pager = useCursorPager();
  const [message, setMessage] = useState<{ tone: Tone; text: string } | null>(null);
  const { data, loading, error, refetch } = useQuery(PatternsDocument, {
    variables: { first: PAGE_SIZE, after: pager.after },
    fetchPolicy: 'cache-and-network',
  });
  const connections = useQuery(ConnectionsDocument).data?.connections ?? [];
  const [deletePattern] = useMutation(DeletePatternDocument, { refetchQueries: ['Patterns'] });
  const patterns = data?.savedSearchPatterns.edges.map((e) => e.node) ?? [];
  const source = connections.find((c) => c.id === selection.connectionId);

  function apply(pattern: PatternFieldsFragment) {
    selection.applyPattern(pattern);
    navigate('/preview');
  }

  async function remove(pattern: PatternFieldsFragment) {
    try {
      const { data: result } = await deletePattern({ variables: { id: pattern.id } });
      const errors = result?.deleteSavedSearchPattern.userErrors ?? [];
      setMessage(errors.length > 0 ? { tone: 'danger', text: errors.map((e) => e.message).join(' ') } : { tone: 'success', text: `Deleted “${pattern.name}”.` });
    } catch (e) {
      setMessage({ tone: 'danger', text: errorMessage(e) });
    }
  }

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>Saved patterns</h1>
          <p className="muted">Reusable product filters. Apply one to load it into the product preview.</p>
        </div>
      </header>
      <SavePatternForm
        filter={selection.filter}
        defaultDirection={selection.pattern?.direction ?? directionFrom(source?.platform ?? 'NETSUITE')}
        onSaved={(name) => setMessage({ tone: 'success', text: `Saved pattern “${name}”.` })}
      />
      {message ? (
        <Notice tone={message.tone} onDismiss={() => setMessage(null)}>
          {message.text}
        </Notice>
      ) : null}
      <section className="card" aria-label="Saved patterns list">
        {loading && !data ? <Loading label="Loading patterns…" /> : null}
        {error && !data ? <ErrorState error={error} onRetry={() => void refetch()} /> : null}
        {data && patterns.length === 0 ? <EmptyState title="No saved patterns yet">Set filters in the product preview, then save them here.</EmptyState> : null}
        {patterns.length > 0 ? (
          <>
            <div className="table-wrap">
              <table className="table table-stack">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Direction</th>
                    <th scope="col">Filters</th>
                    <th scope="col">Updated</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {patterns.map((pattern) => (
                    <tr key={pattern.id} data-pattern-id={pattern.id}>
                      <td data-label="Name">
                        <strong>{pattern.name}</strong>
                        {pattern.description ? <div className="muted small">{pattern.description}</div> : null}
                      </td>
                      <td data-label="Direction">{directionLabel(pattern.direction)}</td>
                      <td data-label="Filters">{summarizeFilter(pattern.filterConfig)}</td>
                      <td data-label="Updated">{formatDateTime(pattern.updatedAt)}</td>
                      <td data-label="Actions" className="cell-actions">
                        <button type="button" className="btn btn-small" onClick={() => apply(pattern)} aria-label={`Apply ${pattern.name}`}>
                          Apply
                        </button>
                        <ConfirmButton label="Delete" ariaLabel={`Delete ${pattern.name}`} question={`Delete “${pattern.name}”?`} onConfirm={() => remove(pattern)} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              pager={pager}
              hasNextPage={data?.savedSearchPatterns.pageInfo.hasNextPage ?? false}
              endCursor={data?.savedSearchPatterns.pageInfo.endCursor}
              totalCount={data?.savedSearchPatterns.totalCount}
              shown={patterns.length}
              pageSize={PAGE_SIZE}
              noun="patterns"
            />
          </>
        ) : null}
      </section>
    </div>
  );
}
