import type { ApolloClient } from '@apollo/client';

/**
 * Refetches the named queries that are on screen now. Naming a query that is not mounted in
 * `refetchQueries({ include })` logs a warning, and a page that is not mounted fetches afresh anyway.
 */
export function refetchActive(client: ApolloClient, names: ReadonlyArray<string>): void {
  const active = [...client.getObservableQueries('active')].filter((query) => query.queryName && names.includes(query.queryName));
  for (const query of active) void query.refetch().catch(() => undefined);
}
