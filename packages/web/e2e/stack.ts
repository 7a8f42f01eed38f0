// The one place that knows the server's test harness. If the harness's shape changes,
// adapt it here; the test itself only uses `E2eStack` and the helpers below.
//
// Used from `@synclane/server/test/stack.js` (packages/server/test/stack.ts):
//
//   startTestStack({ simulatorLatencyMs }): Promise<{ url, user: { token }, shopify, netsuite, stop() }>
//
// - `url`: the server (a free port, a fresh database), serving the built dashboard at `/`,
//   `/graphql` (HTTP and graphql-ws) and `/auth/*`, allowing calls to the simulators on loopback.
// - `simulatorLatencyMs`: added to every simulator answer, so that a run of three items takes
//   long enough for the progress bar to be seen between 0 and 100 %.
// - `user.token`: a signed-in user's JWT, pasted on the sign-in page when demo mode is off.
// - `shopify`: `{ url, shopDomain, accessToken }`; `netsuite`: `{ url, accountId, credentials:
//   { consumerKey, consumerSecret, tokenId, tokenSecret }, changeItem(id, { basePrice }) }`.
// - `stop()`: stops the server and the simulators and drops the database.

export interface ShopifyConnectionValues {
  shopDomain: string;
  accessToken: string;
  baseUrl?: string;
  apiVersion?: string;
  locationId?: string;
}

export interface NetSuiteConnectionValues {
  accountId: string;
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
  baseUrl?: string;
  locationId?: string;
}

/** What the test needs from the stack. */
export interface E2eStack {
  url: string;
  /** A valid token for the sign-in page's "Access token" form (used when demo mode is off). */
  token: string | null;
  shopify: { url: string; connectionInput: ShopifyConnectionValues };
  netsuite: { url: string; connectionInput: NetSuiteConnectionValues; changePrice(id: string, price: number): Promise<void> };
  stop(): Promise<void>;
}

/** The harness's stack, as far as the test uses it. */
interface HarnessStack {
  url: string;
  user?: { token: string };
  shopify: { url: string; shopDomain: string; accessToken: string };
  netsuite: {
    url: string;
    accountId: string;
    credentials: { consumerKey: string; consumerSecret: string; tokenId: string; tokenSecret: string };
    changeItem(idOrItemId: string, patch: { basePrice?: number }): unknown;
  };
  stop(): Promise<void>;
}

type StartTestStack = (options: { simulatorLatencyMs: number }) => Promise<HarnessStack>;

function adapt(stack: HarnessStack): E2eStack {
  return {
    url: stack.url,
    token: stack.user?.token ?? null,
    shopify: {
      url: stack.shopify.url,
      connectionInput: { shopDomain: stack.shopify.shopDomain, accessToken: stack.shopify.accessToken, baseUrl: stack.shopify.url },
    },
    netsuite: {
      url: stack.netsuite.url,
      connectionInput: { accountId: stack.netsuite.accountId, ...stack.netsuite.credentials, baseUrl: stack.netsuite.url, locationId: '1' },
      async changePrice(id, price) {
        await stack.netsuite.changeItem(id, { basePrice: price });
      },
    },
    stop: () => stack.stop(),
  };
}

/** Loads the harness; `missing` says why it cannot be used. */
export async function loadHarness(): Promise<{ start(options: { simulatorLatencyMs: number }): Promise<E2eStack> } | { missing: string }> {
  try {
    const module = (await import('@synclane/server/test/stack.js')) as { startTestStack?: StartTestStack };
    const startTestStack = module.startTestStack;
    if (typeof startTestStack !== 'function') return { missing: '@synclane/server/test/stack.js exports no startTestStack' };
    return { start: async (options) => adapt(await startTestStack(options)) };
  } catch (error) {
    return { missing: `@synclane/server/test/stack.js could not be loaded (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
}

/** Changes a source product's price in the NetSuite simulator, so its next delta sync writes `price`. */
export async function changeSourcePrice(stack: E2eStack, sourceId: string, price: number): Promise<void> {
  await stack.netsuite.changePrice(sourceId, price);
}
