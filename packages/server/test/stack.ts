import { randomUUID } from 'node:crypto';
import { createNetSuiteSimulator, createShopifySimulator, netSuiteDefaultCredentials, type NetSuiteSimulator, type ShopifySimulator } from '@synclane/simulators';
import type { RuntimeOverrides } from '../src/runtime.js';
import { startTestServer, type TestServer } from './server.js';

export interface TestStackOptions {
  /** Added to every simulator answer, so a run takes visible time (dashboard e2e). */
  simulatorLatencyMs?: number;
  /** Catalogue sizes seeded in each simulator. */
  netsuiteProducts?: number;
  shopifyProducts?: number;
  shopifyOrders?: number;
  env?: Record<string, string>;
  overrides?: RuntimeOverrides;
  /** Reuse a database (several instances on one database). */
  databaseUrl?: string;
}

export interface TestStack {
  url: string;
  server: TestServer;
  shopify: ShopifySimulator;
  netsuite: NetSuiteSimulator;
  /** A signed-up user with one connection to each simulator. */
  user: TestUser;
  newUser(): Promise<TestUser>;
  stop(): Promise<void>;
}

export interface TestUser {
  id: string;
  token: string;
  shopifyConnectionId: string;
  netsuiteConnectionId: string;
}

const NS_ACCOUNT = '1234567_SB1';

/** A server on a free port with its own database, both simulators, and a user connected to them. */
export async function startTestStack(o: TestStackOptions = {}): Promise<TestStack> {
  const faults = o.simulatorLatencyMs ? { latencyMs: o.simulatorLatencyMs } : {};
  const shopify = createShopifySimulator({ catalogue: { products: o.shopifyProducts ?? 0, orders: o.shopifyOrders ?? 0, seed: 7 }, bucket: { size: 1_000_000, restoreRate: 1_000_000 }, faults });
  const netsuite = createNetSuiteSimulator({ accountId: NS_ACCOUNT, catalogue: { products: o.netsuiteProducts ?? 20, seed: 7 }, timeZone: 'America/New_York', concurrencyLimit: 15, faults });
  await Promise.all([shopify.start(), netsuite.start()]);
  let server: TestServer;
  try {
    server = await startTestServer(o.env, o.overrides, o.databaseUrl);
  } catch (err) {
    await Promise.all([shopify.stop(), netsuite.stop()]);
    throw err;
  }
  const newUser = async (): Promise<TestUser> => {
    const id = randomUUID();
    const token = await server.token(id, { email: `${id}@example.com` });
    const create = async (input: Record<string, unknown>) => {
      const res = await server.gql<{ createConnection: { connection: { id: string } | null; userErrors: unknown[] } }>(
        'mutation($input: CreateConnectionInput!) { createConnection(input: $input) { connection { id } userErrors { field message code } } }',
        { input },
        token,
      );
      const conn = res.data?.createConnection.connection;
      if (!conn) throw new Error(`createConnection failed: ${JSON.stringify(res)}`);
      return conn.id;
    };
    const shopifyConnectionId = await create({ name: 'Sim Shopify', shopify: { shopDomain: shopify.shopDomain, accessToken: shopify.accessToken, baseUrl: shopify.url } });
    const netsuiteConnectionId = await create({
      name: 'Sim NetSuite',
      netsuite: { accountId: NS_ACCOUNT, ...netSuiteDefaultCredentials, baseUrl: netsuite.url, timeZone: 'America/New_York', locationId: '1', shippingItemId: String(o.netsuiteProducts ?? 20) },
    });
    return { id, token, shopifyConnectionId, netsuiteConnectionId };
  };
  const user = await newUser();
  return {
    url: server.url,
    server,
    shopify,
    netsuite,
    user,
    newUser,
    async stop() {
      await server.stop();
      await Promise.all([shopify.stop(), netsuite.stop()]);
    },
  };
}

/** Adds items through the API and answers their ids in order. */
export async function addItems(stack: TestStack, user: TestUser, items: Array<Record<string, unknown>>): Promise<string[]> {
  const res = await stack.server.gql<{ addToSyncList: { items: Array<{ id: string }>; userErrors: unknown[] } }>(
    'mutation($input: AddToSyncListInput!) { addToSyncList(input: $input) { items { id } userErrors { field message code } } }',
    { input: { items } },
    user.token,
  );
  const payload = res.data?.addToSyncList;
  if (!payload || payload.userErrors.length) throw new Error(`addToSyncList failed: ${JSON.stringify(res)}`);
  return payload.items.map((i) => i.id);
}
