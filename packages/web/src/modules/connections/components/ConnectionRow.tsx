import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { DeleteConnectionDocument, TestConnectionDocument, UpdateConnectionDocument, type ConnectionsQuery } from '../../../gql/graphql';
import { Badge } from '../../../ui/Badge';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { errorMessage } from '../../../ui/errorMessage';
import type { Tone } from '../../../ui/Notice';
import { capitalize, humanize, platformLabel } from '../../sync-runs/hooks/labels';
import { credentialLabel } from '../hooks/connectionFields';

type Connection = ConnectionsQuery['connections'][number];

const STATUS_TONES: Record<string, Tone | 'neutral'> = { ACTIVE: 'success', DISABLED: 'neutral', ERROR: 'danger' };

export function ConnectionRow({ connection }: { connection: Connection }) {
  const [message, setMessage] = useState<{ tone: Tone; text: string } | null>(null);
  const [testConnection, testState] = useMutation(TestConnectionDocument);
  const [updateConnection, updateState] = useMutation(UpdateConnectionDocument);
  const [deleteConnection] = useMutation(DeleteConnectionDocument, { refetchQueries: ['Connections'] });
  const disabled = connection.status === 'DISABLED';

  async function run(action: () => Promise<{ tone: Tone; text: string } | null>) {
    setMessage(null);
    try {
      setMessage(await action());
    } catch (error) {
      setMessage({ tone: 'danger', text: errorMessage(error) });
    }
  }

  const test = () =>
    run(async () => {
      const { data } = await testConnection({ variables: { id: connection.id } });
      const payload = data?.testConnection;
      if (!payload) return null;
      if (payload.userErrors.length > 0) return { tone: 'danger', text: payload.userErrors.map((e) => e.message).join(' ') };
      return payload.ok
        ? { tone: 'success', text: payload.message ?? 'Connection works.' }
        : { tone: 'danger', text: payload.message ?? 'The connection test failed.' };
    });

  const toggle = () =>
    run(async () => {
      const { data } = await updateConnection({ variables: { id: connection.id, input: { enabled: disabled } } });
      const errors = data?.updateConnection.userErrors ?? [];
      return errors.length > 0 ? { tone: 'danger', text: errors.map((e) => e.message).join(' ') } : null;
    });

  const remove = () =>
    run(async () => {
      const { data } = await deleteConnection({ variables: { id: connection.id } });
      const errors = data?.deleteConnection.userErrors ?? [];
      if (errors.length === 0) return null;
      // IN_USE carries the count of sync-list items still using it: say it as the API does.
      return { tone: 'danger', text: errors.map((e) => (e.code === 'IN_USE' ? `Still in use: ${e.message}` : e.message)).join(' ') };
    });

  return (
    <tr data-connection-id={connection.id}>
      <td data-label="Platform">
        <span className={`platform platform-${connection.platform.toLowerCase()}`}>{platformLabel(connection.platform)}</span>
      </td>
      <td data-label="Name">
        <strong>{connection.name}</strong>
        {message ? (
          <p className={`row-message row-message-${message.tone}`} role={message.tone === 'danger' ? 'alert' : 'status'}>
            {message.text}
          </p>
        ) : null}
      </td>
      <td data-label="Status">
        <Badge tone={STATUS_TONES[connection.status] ?? 'neutral'}>{capitalize(humanize(connection.status))}</Badge>
      </td>
      <td data-label="Last error" className="cell-error">
        {connection.lastError ?? <span className="muted">—</span>}
      </td>
      <td data-label="Credentials">
        <span className="chips">
          {connection.credentialsSet.length === 0 ? <span className="muted">None set</span> : null}
          {connection.credentialsSet.map((name) => (
            <span key={name} className="chip" title="Set (hidden)">
              ✓ {credentialLabel(name)}
            </span>
          ))}
        </span>
      </td>
      <td data-label="Actions" className="cell-actions">
        <button type="button" className="btn btn-small" onClick={test} disabled={testState.loading} aria-label={`Test ${connection.name}`}>
          {testState.loading ? 'Testing…' : 'Test'}
        </button>
        <button type="button" className="btn btn-small" onClick={toggle} disabled={updateState.loading} aria-label={`${disabled ? 'Enable' : 'Disable'} ${connection.name}`}>
          {disabled ? 'Enable' : 'Disable'}
        </button>
        <ConfirmButton label="Delete" ariaLabel={`Delete ${connection.name}`} question={`Delete “${connection.name}”?`} onConfirm={remove} />
      </td>
    </tr>
  );
}
