import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { CreatePatternDocument, type FilterConfigInput, type SyncDirection } from '../../../gql/graphql';
import { errorMessage } from '../../../ui/errorMessage';
import { SelectField, TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { splitUserErrors } from '../../../ui/userErrors';
import { summarizeFilter } from '../../preview/hooks/filterConfig';
import { DIRECTION_LABELS } from '../../sync-runs/hooks/labels';

interface SavePatternFormProps {
  filter: FilterConfigInput;
  defaultDirection: SyncDirection;
  onSaved(name: string): void;
}

const FIELDS = ['name', 'description', 'direction', 'filterConfig'];

export function SavePatternForm({ filter, defaultDirection, onSaved }: SavePatternFormProps) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  // Follows the preview's source until the user picks a direction.
  const [chosenDirection, setDirection] = useState<SyncDirection | null>(null);
  const direction = chosenDirection ?? defaultDirection;
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [createPattern, { loading }] = useMutation(CreatePatternDocument, { refetchQueries: ['Patterns'] });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setFieldErrors({ name: 'Give the pattern a name' });
      return;
    }
    try {
      const { data } = await createPattern({
        variables: { input: { name: name.trim(), description: description.trim() || null, direction, filterConfig: filter } },
      });
      const payload = data?.createSavedSearchPattern;
      const split = splitUserErrors(payload?.userErrors ?? [], FIELDS);
      setFieldErrors(split.byField);
      setGeneral(split.general);
      if (payload?.pattern && payload.userErrors.length === 0) {
        setName('');
        setDescription('');
        onSaved(payload.pattern.name);
      }
    } catch (error) {
      setGeneral([errorMessage(error)]);
    }
  }

  return (
    <form className="card form" onSubmit={submit} aria-label="Save current filters as pattern" noValidate>
      <h2>Save current filters as pattern</h2>
      <p className="muted">
        Current filters: <strong>{summarizeFilter(filter)}</strong>
      </p>
      {general.length > 0 ? <Notice tone="danger">{general.join(' ')}</Notice> : null}
      {fieldErrors.filterConfig ? <Notice tone="danger">{fieldErrors.filterConfig}</Notice> : null}
      <div className="form-grid form-grid-3">
        <TextField label="Pattern name" value={name} maxLength={120} required error={fieldErrors.name} onChange={(e) => setName(e.target.value)} placeholder="Active electronics" />
        <TextField label="Description (optional)" value={description} maxLength={1000} error={fieldErrors.description} onChange={(e) => setDescription(e.target.value)} />
        <SelectField label="Direction" value={direction} error={fieldErrors.direction} onChange={(e) => setDirection(e.target.value as SyncDirection)}>
          {Object.entries(DIRECTION_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={loading}>
          {loading ? 'Saving…' : 'Save pattern'}
        </button>
      </div>
    </form>
  );
}
