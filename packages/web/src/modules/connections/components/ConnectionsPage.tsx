import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ConnectionsDocument } from '../../../gql/graphql';
import { EmptyState, ErrorState, Loading } from '../../../ui/DataState';
import { Notice } from '../../../ui/Notice';
import { ConnectionForm } from './ConnectionForm';
import { ConnectionRow } from './ConnectionRow';

export function ConnectionsPage() {
  const { data, loading, error, refetch } = useQuery(ConnectionsDocument, { fetchPolicy: 'cache-and-network' });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const connections = data?.connections ?? [];

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>Connections</h1>
          <p className="muted">The NetSuite accounts and Shopify stores Synclane reads from and writes to.</p>
        </div>
        {!creating ? (
          <button type="button" className="btn btn-primary" onClick={() => { setCreating(true); setCreated(null); }}>
            New connection
          </button>
        ) : null}
      </header>
      {created ? (
        <Notice tone="success" onDismiss={() => setCreated(null)}>
          Connection “{created}” saved. Its secrets are stored encrypted and will not be shown again.
        </Notice>
      ) : null}
      {creating ? (
        <ConnectionForm
          onCreated={(name) => {
            setCreated(name);
            setCreating(false);
          }}
          onCancel={() => setCreating(false)}
        />
      ) : null}
      <section className="card" aria-label="Connections list">
        {loading && !data ? <Loading label="Loading connections…" /> : null}
        {error && !data ? <ErrorState error={error} onRetry={() => void refetch()} /> : null}
        {data && connections.length === 0 ? (
          <EmptyState title="No connections yet">Add a NetSuite account and a Shopify store to start syncing.</EmptyState>
        ) : null}
        {connections.length > 0 ? (
          <div className="table-wrap">
            <table className="table table-stack">
              <thead>
                <tr>
                  <th scope="col">Platform</th>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last error</th>
                  <th scope="col">Credentials set</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {connections.map((connection) => (
                  <ConnectionRow key={connection.id} connection={connection} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </div>
  );
}
