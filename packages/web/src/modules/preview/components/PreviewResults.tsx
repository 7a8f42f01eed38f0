import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { AddToSyncListDocument, ProductPreviewDocument, type FilterConfigInput } from '../../../gql/graphql';
import { Badge } from '../../../ui/Badge';
import { EmptyState, ErrorState, Loading } from '../../../ui/DataState';
import { errorMessage } from '../../../ui/errorMessage';
import { formatDate, formatPrice } from '../../../ui/format';
import { Link } from '../../../ui/Link';
import { Notice, type Tone } from '../../../ui/Notice';
import { Pager } from '../../../ui/Pager';
import { useCursorPager } from '../../../ui/useCursorPager';
import { buildAddToSyncListItems, type PreviewProduct } from '../hooks/syncListInput';

const PAGE_SIZE = 25;

interface PreviewResultsProps {
  connectionId: string;
  sourcePlatform: 'NETSUITE' | 'SHOPIFY';
  targetConnectionId: string | null;
  filter: FilterConfigInput;
}

export function PreviewResults({ connectionId, sourcePlatform, targetConnectionId, filter }: PreviewResultsProps) {
  const pager = useCursorPager();
  const [selected, setSelected] = useState<Map<string, PreviewProduct>>(new Map());
  const [message, setMessage] = useState<{ tone: Tone; text: string; listed?: boolean } | null>(null);
  const { data, loading, error, refetch } = useQuery(ProductPreviewDocument, {
    variables: { connectionId, filter, first: PAGE_SIZE, after: pager.after },
    fetchPolicy: 'cache-and-network',
  });
  const [addToSyncList, addState] = useMutation(AddToSyncListDocument, { refetchQueries: ['ProductPreview'], awaitRefetchQueries: true });

  const products = data?.productPreview.edges.map((e) => e.node) ?? [];
  const selectable = products.filter((p) => !p.inSyncList);
  const allOnPageSelected = selectable.length > 0 && selectable.every((p) => selected.has(p.sourceId));

  function toggle(product: PreviewProduct) {
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(product.sourceId)) next.delete(product.sourceId);
      else next.set(product.sourceId, product);
      return next;
    });
  }

  function toggleAll() {
    setSelected((current) => {
      const next = new Map(current);
      for (const product of selectable) {
        if (allOnPageSelected) next.delete(product.sourceId);
        else next.set(product.sourceId, product);
      }
      return next;
    });
  }

  async function add() {
    setMessage(null);
    const items = buildAddToSyncListItems([...selected.values()], { sourcePlatform, sourceConnectionId: connectionId, targetConnectionId, filter });
    try {
      const { data: result } = await addToSyncList({ variables: { input: { items } } });
      const payload = result?.addToSyncList;
      const added = payload?.items.length ?? 0;
      const problems = payload?.userErrors.map((e) => e.message) ?? [];
      if (added > 0) setSelected(new Map());
      setMessage({
        tone: problems.length > 0 ? (added > 0 ? 'warning' : 'danger') : 'success',
        text: [added > 0 ? `Added ${added} ${added === 1 ? 'product' : 'products'} to the sync list.` : '', ...problems].filter(Boolean).join(' '),
        listed: added > 0,
      });
    } catch (e) {
      setMessage({ tone: 'danger', text: errorMessage(e) });
    }
  }

  return (
    <section className="card" aria-label="Matching products">
      <div className="card-head">
        <h2>Matching products</h2>
        <button type="button" className="btn btn-primary" onClick={add} disabled={selected.size === 0 || addState.loading}>
          {addState.loading ? 'Adding…' : `Add to Sync List${selected.size > 0 ? ` (${selected.size})` : ''}`}
        </button>
      </div>
      {message ? (
        <Notice tone={message.tone} onDismiss={() => setMessage(null)}>
          {message.text} {message.listed ? <Link href="/sync-list">Open the sync list</Link> : null}
        </Notice>
      ) : null}
      {loading && !data ? <Loading label="Looking for products…" /> : null}
      {error && !data ? <ErrorState title="Could not load the preview" error={error} onRetry={() => void refetch()} /> : null}
      {data && products.length === 0 ? <EmptyState title="No products match these filters">Loosen the filters or choose another connection.</EmptyState> : null}
      {products.length > 0 ? (
        <>
          <div className="table-wrap">
            <table className="table table-stack">
              <thead>
                <tr>
                  <th scope="col" className="cell-check">
                    <input type="checkbox" aria-label="Select all products on this page" checked={allOnPageSelected} disabled={selectable.length === 0} onChange={toggleAll} />
                  </th>
                  <th scope="col">Name</th>
                  <th scope="col">SKU</th>
                  <th scope="col" className="cell-num">Price</th>
                  <th scope="col">Status</th>
                  <th scope="col">Category</th>
                  <th scope="col">Updated</th>
                  <th scope="col">Sync list</th>
                </tr>
              </thead>
              <tbody>
                {products.map((product) => (
                  <tr key={product.sourceId} data-source-id={product.sourceId} className={selected.has(product.sourceId) ? 'row-selected' : undefined}>
                    <td className="cell-check">
                      <input
                        type="checkbox"
                        aria-label={`Select ${product.name}`}
                        checked={selected.has(product.sourceId)}
                        disabled={product.inSyncList}
                        onChange={() => toggle(product)}
                      />
                    </td>
                    <td data-label="Name">
                      <strong>{product.name}</strong>
                      <div className="muted small mono">{product.sourceId}</div>
                    </td>
                    <td data-label="SKU" className="mono">{product.sku ?? '—'}</td>
                    <td data-label="Price" className="cell-num">{formatPrice(product.price)}</td>
                    <td data-label="Status">{product.status ? <Badge>{product.status}</Badge> : '—'}</td>
                    <td data-label="Category">{product.category ?? '—'}</td>
                    <td data-label="Updated">{formatDate(product.updatedAt)}</td>
                    <td data-label="Sync list">{product.inSyncList ? <Badge tone="success">Listed</Badge> : <span className="muted">Not listed</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            pager={pager}
            hasNextPage={data?.productPreview.pageInfo.hasNextPage ?? false}
            endCursor={data?.productPreview.pageInfo.endCursor}
            shown={products.length}
            pageSize={PAGE_SIZE}
            noun="products"
          />
        </>
      ) : null}
    </section>
  );
}
