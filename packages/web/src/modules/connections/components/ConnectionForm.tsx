import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { CreateConnectionDocument } from '../../../gql/graphql';
import { errorMessage } from '../../../ui/errorMessage';
import { TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { splitUserErrors } from '../../../ui/userErrors';
import { buildCreateConnectionInput, fieldsFor, missingRequired, type ConnectionFieldSpec, type ConnectionPlatform } from '../hooks/connectionFields';

interface ConnectionFormProps {
  onCreated(name: string): void;
  onCancel(): void;
}

export function ConnectionForm({ onCreated, onCancel }: ConnectionFormProps) {
  const [platform, setPlatform] = useState<ConnectionPlatform>('NETSUITE');
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [generalErrors, setGeneralErrors] = useState<string[]>([]);
  const [createConnection, { loading }] = useMutation(CreateConnectionDocument, { refetchQueries: ['Connections'] });
  const specs = fieldsFor(platform);

  function choosePlatform(next: ConnectionPlatform) {
    setPlatform(next);
    // Secrets typed for one platform never travel with the other.
    setValues({});
    setFieldErrors({});
    setGeneralErrors([]);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = missingRequired(platform, name, values);
    if (missing.length > 0) {
      setFieldErrors(Object.fromEntries(missing.map((field) => [field, 'Required'])));
      setGeneralErrors([]);
      return;
    }
    try {
      const { data } = await createConnection({ variables: { input: buildCreateConnectionInput(platform, name, values) } });
      const payload = data?.createConnection;
      const split = splitUserErrors(payload?.userErrors ?? [], ['name', ...specs.map((s) => s.name)]);
      setFieldErrors(split.byField);
      setGeneralErrors(split.general);
      if (payload?.connection && payload.userErrors.length === 0) {
        setValues({});
        setName('');
        onCreated(payload.connection.name);
      }
    } catch (error) {
      setGeneralErrors([errorMessage(error)]);
    }
  }

  const renderField = (spec: ConnectionFieldSpec) => (
    <TextField
      key={`${platform}-${spec.name}`}
      label={spec.required ? spec.label : `${spec.label} (optional)`}
      name={spec.name}
      type={spec.secret ? 'password' : 'text'}
      autoComplete={spec.secret ? 'new-password' : 'off'}
      spellCheck={false}
      placeholder={spec.placeholder}
      hint={spec.hint}
      required={spec.required}
      value={values[spec.name] ?? ''}
      error={fieldErrors[spec.name]}
      onChange={(e) => setValues((v) => ({ ...v, [spec.name]: e.target.value }))}
    />
  );

  return (
    <form className="card form" onSubmit={submit} aria-label="New connection" noValidate>
      <h2>New connection</h2>
      <fieldset className="segmented" aria-describedby="platform-hint">
        <legend>Platform</legend>
        {(['NETSUITE', 'SHOPIFY'] as const).map((p) => (
          <label key={p} className={platform === p ? 'segment segment-active' : 'segment'}>
            <input type="radio" name="platform" value={p} checked={platform === p} onChange={() => choosePlatform(p)} />
            {p === 'NETSUITE' ? 'NetSuite' : 'Shopify'}
          </label>
        ))}
      </fieldset>
      <p className="field-hint" id="platform-hint">
        Secrets are stored encrypted and are never shown again after you save.
      </p>
      {generalErrors.length > 0 ? <Notice tone="danger">{generalErrors.join(' ')}</Notice> : null}
      <div className="form-grid">
        <TextField
          label="Connection name"
          name="name"
          required
          value={name}
          error={fieldErrors.name}
          placeholder={platform === 'SHOPIFY' ? 'Main store' : 'Production account'}
          onChange={(e) => setName(e.target.value)}
        />
        {specs.filter((s) => !s.advanced).map(renderField)}
      </div>
      <details className="disclosure" open={specs.some((s) => s.advanced && fieldErrors[s.name]) || undefined}>
        <summary>Advanced settings</summary>
        <div className="form-grid">{specs.filter((s) => s.advanced).map(renderField)}</div>
      </details>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={loading}>
          {loading ? 'Saving…' : 'Save connection'}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
