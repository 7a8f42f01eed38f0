import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';

export interface ApiClient {
  client: ApolloClient;
  /** Resolves once the subscription socket is acknowledged (or after `timeoutMs`). */
  whenSocketReady(timeoutMs?: number): Promise<void>;
  dispose(): void;
}

/** The server closes the socket with 4401 when the token is bad or has expired. */
const UNAUTHORIZED_CLOSE = 4401;

function socketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // Preview rows are a view of another system: nothing to normalise.
      PreviewProduct: { keyFields: false },
      FilterConfig: { merge: true },
      SyncListItem: { fields: { lastResult: { merge: false } } },
    },
  });
}

export function createApiClient(token: string, onUnauthorized: () => void): ApiClient {
  let socketReady = false;
  const waiters = new Set<() => void>();
  const ws: Client = createClient({
    url: socketUrl(),
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 20,
    keepAlive: 15_000,
    shouldRetry: (event) => !(isCloseEvent(event) && event.code === UNAUTHORIZED_CLOSE),
    on: {
      connected: () => {
        socketReady = true;
        for (const wake of waiters) wake();
        waiters.clear();
      },
      closed: (event) => {
        socketReady = false;
        if (isCloseEvent(event) && event.code === UNAUTHORIZED_CLOSE) onUnauthorized();
      },
    },
  });

  // A 401 answer means the token is bad or expired: back to sign-in.
  const fetchWithAuthCheck: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (response.status === 401) onUnauthorized();
    return response;
  };

  const errorLink = new ErrorLink(({ error }) => {
    if (ServerError.is(error) && error.statusCode === 401) onUnauthorized();
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      onUnauthorized();
    }
  });

  const http = new HttpLink({
    uri: '/graphql',
    headers: { authorization: `Bearer ${token}` },
    fetch: fetchWithAuthCheck,
  });

  const link = ApolloLink.from([
    errorLink,
    ApolloLink.split(
      ({ query }) => {
        const definition = getMainDefinition(query);
        return definition.kind === 'OperationDefinition' && definition.operation === OperationTypeNode.SUBSCRIPTION;
      },
      new GraphQLWsLink(ws),
      http,
    ),
  ]);

  const client = new ApolloClient({ link, cache: createCache() });

  return {
    client,
    whenSocketReady(timeoutMs = 3_000) {
      if (socketReady) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(resolve);
          resolve();
        }, timeoutMs);
        waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    dispose() {
      void ws.dispose();
      client.stop();
    },
  };
}

function isCloseEvent(event: unknown): event is { code: number } {
  return typeof event === 'object' && event !== null && 'code' in event && typeof event.code === 'number';
}
