import type { ShopifySimulator } from './simulator.js';

export interface GraphqlAnswer {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }> | string;
    extensions?: Record<string, unknown> & {
      cost?: { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } };
      search?: Array<{ path: unknown[]; query: string; warnings: Array<{ field: string; message: string }> }>;
    };
  };
}

/** A bare GraphQL call to the simulator, for tests and scripts (the connector has its own client). */
export async function postGraphql(
  sim: ShopifySimulator, query: string, variables: Record<string, unknown> = {},
  options: { token?: string; version?: string } = {},
): Promise<GraphqlAnswer> {
  const res = await fetch(sim.graphqlUrl(options.version), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': options.token ?? sim.accessToken },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GraphqlAnswer['body'] };
}
