import { ApolloClient, ApolloLink } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { getMainDefinition } from '@apollo/client/utilities';
import { render, type RenderResult } from '@testing-library/react';
import { OperationTypeNode } from 'graphql';
import type { ReactElement } from 'react';
import { Observable, Subject } from 'rxjs';
import { createCache } from '../app/apiClient';
import { PreviewSelectionProvider, type PreviewSelection } from '../modules/preview/hooks/usePreviewSelection';
import { SyncRunsProvider } from '../modules/sync-runs/hooks/useSyncRuns';

export type Variables = Record<string, unknown>;
/** Answers one operation: return the `data` object (with __typename), or throw for a network error. */
export type Handler = (variables: Variables) => unknown;

export interface TestApi {
  client: ApolloClient;
  /** Every operation sent, in order. */
  calls: Array<{ operationName: string; variables: Variables }>;
  callsOf(operationName: string): Variables[];
  /** Pushes one result to every open subscription of that name. */
  emit(operationName: string, data: unknown): void;
  subscribed(operationName: string): boolean;
}

/**
 * A mocked link driven by per-operation handlers: easier to keep right than exact
 * MockedProvider mocks when components refetch after mutations.
 */
export function createTestApi(handlers: Record<string, Handler>): TestApi {
  const calls: TestApi['calls'] = [];
  const subjects = new Map<string, Subject<ApolloLink.Result>>();
  const subscriberCounts = new Map<string, number>();

  const link = new ApolloLink((operation) => {
    const operationName = operation.operationName ?? '';
    const variables = { ...operation.variables };
    calls.push({ operationName, variables });
    const definition = getMainDefinition(operation.query);
    if (definition.kind === 'OperationDefinition' && definition.operation === OperationTypeNode.SUBSCRIPTION) {
      const subject = subjects.get(operationName) ?? new Subject<ApolloLink.Result>();
      subjects.set(operationName, subject);
      return new Observable<ApolloLink.Result>((observer) => {
        subscriberCounts.set(operationName, (subscriberCounts.get(operationName) ?? 0) + 1);
        const subscription = subject.subscribe(observer);
        return () => {
          subscriberCounts.set(operationName, (subscriberCounts.get(operationName) ?? 1) - 1);
          subscription.unsubscribe();
        };
      });
    }
    return new Observable<ApolloLink.Result>((observer) => {
      const handler = handlers[operationName];
      if (!handler) {
        observer.error(new Error(`No test handler for ${operationName}`));
        return;
      }
      Promise.resolve()
        .then(() => handler(variables))
        .then(
          (data) => {
            observer.next({ data: data as Record<string, unknown> });
            observer.complete();
          },
          (error: unknown) => observer.error(error),
        );
    });
  });

  const client = new ApolloClient({ link, cache: createCache() });
  return {
    client,
    calls,
    callsOf: (name) => calls.filter((c) => c.operationName === name).map((c) => c.variables),
    emit(operationName, data) {
      subjects.get(operationName)?.next({ data: data as Record<string, unknown> });
    },
    subscribed: (name) => (subscriberCounts.get(name) ?? 0) > 0,
  };
}

export function renderWithApi(ui: ReactElement, api: TestApi, options: { preview?: Partial<PreviewSelection> } = {}): RenderResult {
  return render(
    <ApolloProvider client={api.client}>
      <SyncRunsProvider>
        <PreviewSelectionProvider initial={options.preview}>{ui}</PreviewSelectionProvider>
      </SyncRunsProvider>
    </ApolloProvider>,
  );
}
