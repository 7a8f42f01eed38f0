import { ApolloProvider } from '@apollo/client/react';
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { createApiClient, type ApiClient } from './apiClient';
import { clearToken } from './session';

type SocketReady = (timeoutMs?: number) => Promise<void>;

const SocketReadyContext = createContext<SocketReady>(() => Promise.resolve());

/** Waits until the subscription socket is up, so a run's first events are not missed. */
export function useSocketReady(): SocketReady {
  return useContext(SocketReadyContext);
}

export function ApiProvider({ token, children }: { token: string; children: ReactNode }) {
  // One client per token: signing in as someone else starts from an empty cache and a new socket.
  const api = useMemo(
    () => createApiClient(token, () => clearToken('Your session has expired or the token was refused. Please sign in again.')),
    [token],
  );
  // Dispose the previous client when the token changes (not in an effect cleanup, which
  // StrictMode runs on a client that is still in use). On sign-out the subscriptions end,
  // and graphql-ws closes its lazy socket by itself.
  const previous = useRef<ApiClient | null>(null);
  useEffect(() => {
    if (previous.current && previous.current !== api) previous.current.dispose();
    previous.current = api;
  }, [api]);
  return (
    <ApolloProvider client={api.client}>
      <SocketReadyContext.Provider value={api.whenSocketReady}>{children}</SocketReadyContext.Provider>
    </ApolloProvider>
  );
}
