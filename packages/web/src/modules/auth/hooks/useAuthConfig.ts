import { useCallback, useEffect, useState } from 'react';
import { fetchAuthConfig, type AuthConfig } from './authApi';

export type AuthConfigState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'ready'; config: AuthConfig };

export function useAuthConfig(): AuthConfigState {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<AuthConfigState>({ status: 'loading' });
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchAuthConfig(controller.signal).then(
      (config) => setState({ status: 'ready', config }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error, retry });
      },
    );
    return () => controller.abort();
  }, [attempt, retry]);

  return state;
}
