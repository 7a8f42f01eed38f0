import { useState, type FormEvent } from 'react';
import { saveToken, takeSignOutReason } from '../../../app/session';
import { ErrorState, Loading } from '../../../ui/DataState';
import { SelectField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { requestDemoToken, type AuthConfig } from '../hooks/authApi';
import { useAuthConfig } from '../hooks/useAuthConfig';

function DemoSignIn({ config }: { config: AuthConfig }) {
  const [email, setEmail] = useState(config.demoUsers[0]?.email ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      saveToken(await requestDemoToken(email));
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not sign in.');
      setBusy(false);
    }
  }

  if (config.demoUsers.length === 0) return <Notice tone="warning">Demo mode is on, but the server lists no demo users.</Notice>;
  return (
    <form onSubmit={submit} className="stack">
      <p className="muted">This server runs in demo mode: pick a demo user to explore with.</p>
      <SelectField label="Sign in as" value={email} onChange={(e) => setEmail(e.target.value)}>
        {config.demoUsers.map((user) => (
          <option key={user.email} value={user.email}>
            {user.name ? `${user.name} (${user.email})` : user.email}
          </option>
        ))}
      </SelectField>
      {error ? <Notice tone="danger">{error}</Notice> : null}
      <button type="submit" className="btn btn-primary btn-block" disabled={busy || !email}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

function TokenSignIn() {
  const [token, setToken] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (token.trim()) saveToken(token);
  }
  return (
    <form onSubmit={submit} className="stack">
      <div className="field">
        <label htmlFor="access-token">Access token</label>
        <textarea
          id="access-token"
          rows={4}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          placeholder="eyJhbGciOi…"
          spellCheck={false}
          autoComplete="off"
          aria-describedby="access-token-hint"
        />
        <p className="field-hint" id="access-token-hint">
          Paste a JWT from your identity provider. It is kept only for this browser session.
        </p>
      </div>
      <button type="submit" className="btn btn-primary btn-block" disabled={!token.trim()}>
        Use this token
      </button>
    </form>
  );
}

export function SignInPage() {
  const state = useAuthConfig();
  const [reason] = useState(takeSignOutReason);

  return (
    <main className="signin">
      <div className="signin-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          Synclane
        </div>
        <h1>Sign in</h1>
        <p className="muted">Keep products, inventory and orders in step between NetSuite and Shopify.</p>
        {reason ? <Notice tone="warning">{reason}</Notice> : null}
        {state.status === 'loading' ? <Loading label="Loading sign-in options…" /> : null}
        {state.status === 'error' ? <ErrorState title="Could not load the sign-in options" error={state.error} onRetry={state.retry} /> : null}
        {state.status === 'ready' ? (
          <div className="stack">
            {state.config.demoMode ? <DemoSignIn config={state.config} /> : null}
            {state.config.signInUrl ? (
              <a className="btn btn-block" href={state.config.signInUrl}>
                Continue to your sign-in page
              </a>
            ) : null}
            {state.config.demoMode ? (
              <details className="disclosure">
                <summary>Use an access token instead</summary>
                <TokenSignIn />
              </details>
            ) : (
              <TokenSignIn />
            )}
          </div>
        ) : null}
      </div>
    </main>
  );
}
