import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { UpdateSyncListItemDocument, type SyncMode, type UpdateSyncListItemInput } from '../../../gql/graphql';
import { Badge } from '../../../ui/Badge';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { errorMessage } from '../../../ui/errorMessage';
import { formatDateTime } from '../../../ui/format';
import { capitalize, humanize, itemStatusTone, platformLabel } from '../../sync-runs/hooks/labels';
import { describeOutcome, readMetadata, type SyncListRowItem } from '../hooks/outcome';
import { useRemoveItems } from '../hooks/useRemoveItems';

interface SyncListRowProps {
  item: SyncListRowItem;
  selected: boolean;
  syncing: boolean;
  onSelect(selected: boolean): void;
  onSync(): void;
}

export function SyncListRow({ item, selected, syncing, onSelect, onSync }: SyncListRowProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [updateItem, updateState] = useMutation(UpdateSyncListItemDocument);
  const removeItems = useRemoveItems();
  const meta = readMetadata(item.metadata);
  const name = meta.name ?? item.sourceId;
  const outcome = describeOutcome(item);

  async function update(input: UpdateSyncListItemInput) {
    setProblem(null);
    try {
      const { data } = await updateItem({ variables: { id: item.id, input } });
      const errors = data?.updateSyncListItem.userErrors ?? [];
      if (errors.length > 0) setProblem(errors.map((e) => e.message).join(' '));
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }

  async function remove() {
    setProblem(null);
    const result = await removeItems([item.id]);
    if (result.tone !== 'success') setProblem(result.text);
  }

  return (
    <tr data-sync-list-id={item.id} data-source-id={item.sourceId} className={selected ? 'row-selected' : undefined}>
      <td className="cell-check">
        <input type="checkbox" aria-label={`Select ${name}`} checked={selected} onChange={(e) => onSelect(e.target.checked)} />
      </td>
      <td data-label="Item">
        <strong>{name}</strong>
        <div className="muted small">
          {meta.sku ? <span className="mono">{meta.sku} · </span> : null}
          <span className="mono" title="Source id">{item.sourceId}</span>
        </div>
        {problem ? <p className="row-message row-message-danger" role="alert">{problem}</p> : null}
      </td>
      <td data-label="Type">
        <Badge>{capitalize(humanize(item.itemType))}</Badge>
        <div className="muted small">
          {platformLabel(item.sourcePlatform)} → {platformLabel(item.targetPlatform)}
        </div>
      </td>
      <td data-label="Mode">
        <select
          className="select-compact"
          aria-label={`Sync mode for ${name}`}
          value={item.syncMode}
          disabled={updateState.loading}
          onChange={(e) => void update({ syncMode: e.target.value as SyncMode })}
        >
          <option value="DELTA">Delta</option>
          <option value="FULL">Full</option>
        </select>
      </td>
      <td data-label="Active">
        <label className="switch">
          <input type="checkbox" role="switch" checked={item.isActive} disabled={updateState.loading} onChange={(e) => void update({ isActive: e.target.checked })} />
          <span className="switch-track" aria-hidden="true" />
          <span className="sr-only">Active: {name}</span>
        </label>
      </td>
      <td data-label="Status">
        {item.lastSyncStatus ? <Badge tone={itemStatusTone(item.lastSyncStatus)}>{capitalize(humanize(item.lastSyncStatus))}</Badge> : <span className="muted">—</span>}
        <div className="muted small">{item.lastSyncedAt ? formatDateTime(item.lastSyncedAt) : 'never'}</div>
      </td>
      <td data-label="Last outcome">
        <span className={`outcome outcome-${outcome.tone}`} data-testid="last-outcome">
          {syncing ? 'syncing…' : outcome.text}
        </span>
        {outcome.canRetry && !syncing ? (
          <button type="button" className="btn btn-link btn-small" onClick={onSync} aria-label={`Retry ${name}`}>
            Retry
          </button>
        ) : null}
      </td>
      <td data-label="Actions" className="cell-actions">
        <button type="button" className="btn btn-small" onClick={onSync} disabled={syncing} aria-label={`Sync ${name} now`}>
          Sync now
        </button>
        <ConfirmButton label="Remove" ariaLabel={`Remove ${name}`} question={`Remove ${name} from the sync list?`} confirmLabel="Yes, remove" onConfirm={remove} />
      </td>
    </tr>
  );
}
