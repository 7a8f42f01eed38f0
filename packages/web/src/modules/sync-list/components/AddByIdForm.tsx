import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { AddToSyncListDocument, ConnectionsDocument, type ItemType, type SyncMode } from '../../../gql/graphql';
import { errorMessage } from '../../../ui/errorMessage';
import { SelectField, TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { splitUserErrors } from '../../../ui/userErrors';
import { otherPlatform } from '../../preview/hooks/filterConfig';
import { platformLabel } from '../../sync-runs/hooks/labels';

/** For orders and inventory items, which the product preview does not list. */
export function AddByIdForm({ onAdded, onCancel }: { onAdded(count: number): void; onCancel(): void }) {
  const connections = useQuery(ConnectionsDocument).data?.connections ?? [];
  const [itemType, setItemType] = useState<ItemType>('ORDER');
  const [sourceConnectionId, setSourceConnectionId] = useState('');
  const [sourceId, setSourceId] = useState('');
  const [syncMode, setSyncMode] = useState<SyncMode>('DELTA');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [addToSyncList, { loading }] = useMutation(AddToSyncListDocument, { refetchQueries: ['SyncList'] });
  const source = connections.find((c) => c.id === sourceConnectionId) ?? connections[0];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!source) return setGeneral(['Add a connection first.']);
    const ids = sourceId.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
    if (ids.length === 0) return setFieldErrors({ sourceId: 'Enter at least one id' });
    try {
      const sourcePlatform = source.platform === 'SHOPIFY' ? 'SHOPIFY' : 'NETSUITE';
      const { data } = await addToSyncList({
        variables: {
          input: {
            items: ids.map((id) => ({
              itemType,
              sourcePlatform,
              targetPlatform: otherPlatform(sourcePlatform),
              sourceConnectionId: source.id,
              sourceId: id,
              syncMode,
              isActive: true,
              metadata: { addedBy: 'id' },
            })),
          },
        },
      });
      const payload = data?.addToSyncList;
      const split = splitUserErrors(payload?.userErrors ?? [], ['sourceId', 'itemType', 'sourceConnectionId', 'syncMode']);
      setFieldErrors(split.byField);
      setGeneral(split.general);
      if (payload && payload.items.length > 0 && payload.userErrors.length === 0) {
        setSourceId('');
        onAdded(payload.items.length);
      }
    } catch (error) {
      setGeneral([errorMessage(error)]);
    }
  }

  return (
    <form className="card form" onSubmit={submit} aria-label="Add by id" noValidate>
      <h2>Add by id</h2>
      <p className="muted">For orders and inventory items, which the product preview does not list. Separate several ids with commas.</p>
      {general.length > 0 ? <Notice tone="danger">{general.join(' ')}</Notice> : null}
      <div className="form-grid form-grid-4">
        <SelectField label="Item type" value={itemType} error={fieldErrors.itemType} onChange={(e) => setItemType(e.target.value as ItemType)}>
          <option value="ORDER">Order</option>
          <option value="INVENTORY">Inventory item</option>
          <option value="PRODUCT">Product</option>
        </SelectField>
        <SelectField label="Source connection" value={source?.id ?? ''} error={fieldErrors.sourceConnectionId} onChange={(e) => setSourceConnectionId(e.target.value)}>
          {connections.map((c) => (
            <option key={c.id} value={c.id}>
              {platformLabel(c.platform)} · {c.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Source id"
          value={sourceId}
          error={fieldErrors.sourceId}
          onChange={(e) => setSourceId(e.target.value)}
          placeholder={source?.platform === 'SHOPIFY' ? 'gid://shopify/Order/123' : '1234'}
          hint={itemType === 'INVENTORY' ? 'The source product’s id: its level is read at the connection’s location.' : undefined}
          spellCheck={false}
        />
        <SelectField label="Sync mode" value={syncMode} onChange={(e) => setSyncMode(e.target.value as SyncMode)}>
          <option value="DELTA">Delta</option>
          <option value="FULL">Full</option>
        </SelectField>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={loading || !source}>
          {loading ? 'Adding…' : 'Add to sync list'}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
