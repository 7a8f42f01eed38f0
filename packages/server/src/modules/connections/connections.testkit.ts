import { randomBytes } from 'node:crypto';
import type { GqlResponse, TestServer } from '../../../test/server.js';

// Small per-test seeders for the connections tests (CONVENTIONS 9): every test makes its own rows.

export const FIELDS = 'id platform name status lastError credentialsSet settings { shopDomain accountId apiVersion baseUrl locationId shippingItemId timeZone } createdAt updatedAt';
const ERRORS = 'userErrors { field message code }';
export const CREATE = `mutation($input: CreateConnectionInput!) { createConnection(input: $input) { connection { ${FIELDS} } ${ERRORS} } }`;
export const UPDATE = `mutation($id: ID!, $input: UpdateConnectionInput!) { updateConnection(id: $id, input: $input) { connection { ${FIELDS} } ${ERRORS} } }`;
export const DELETE = `mutation($id: ID!) { deleteConnection(id: $id) { deletedId ${ERRORS} } }`;
export const TEST = `mutation($id: ID!) { testConnection(id: $id) { ok message connection { id status lastError } ${ERRORS} } }`;
export const LIST = `query($platform: Platform) { connections(platform: $platform) { ${FIELDS} } }`;
export const GET = `query($id: ID!) { connection(id: $id) { ${FIELDS} } }`;

export interface UserErrorShape {
  field: string[] | null;
  message: string;
  code: string;
}

export interface ConnectionShape {
  id: string;
  platform: 'SHOPIFY' | 'NETSUITE';
  name: string;
  status: 'ACTIVE' | 'DISABLED' | 'ERROR';
  lastError: string | null;
  credentialsSet: string[];
  settings: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
}

export interface ConnectionPayloadShape {
  connection: ConnectionShape | null;
  userErrors: UserErrorShape[];
}

export interface TestPayloadShape {
  ok: boolean;
  message: string | null;
  connection: { id: string; status: string; lastError: string | null } | null;
  userErrors: UserErrorShape[];
}

export const secretValue = (prefix: string): string => `${prefix}_${randomBytes(12).toString('hex')}`;

export function shopifyInput(overrides: Record<string, unknown> = {}, name = 'Acme store'): Record<string, unknown> {
  return { name, shopify: { shopDomain: 'acme.myshopify.com', accessToken: secretValue('shpat'), ...overrides } };
}

export function netsuiteInput(overrides: Record<string, unknown> = {}, name = 'Acme NetSuite'): Record<string, unknown> {
  return {
    name,
    netsuite: {
      accountId: '1234567_SB1',
      consumerKey: secretValue('ck'),
      consumerSecret: secretValue('cs'),
      tokenId: secretValue('ti'),
      tokenSecret: secretValue('ts'),
      ...overrides,
    },
  };
}

export function connectionsClient(server: TestServer) {
  return {
    create: (token: string, input: Record<string, unknown>) => server.gql<{ createConnection: ConnectionPayloadShape }>(CREATE, { input }, token),
    update: (token: string, id: string, input: Record<string, unknown>) => server.gql<{ updateConnection: ConnectionPayloadShape }>(UPDATE, { id, input }, token),
    delete: (token: string, id: string) => server.gql<{ deleteConnection: { deletedId: string | null; userErrors: UserErrorShape[] } }>(DELETE, { id }, token),
    test: (token: string, id: string) => server.gql<{ testConnection: TestPayloadShape }>(TEST, { id }, token),
    list: (token: string, platform?: string) => server.gql<{ connections: ConnectionShape[] }>(LIST, platform ? { platform } : {}, token),
    get: (token: string, id: string) => server.gql<{ connection: ConnectionShape | null }>(GET, { id }, token),
    /** Creates a connection and fails the test unless it was created. */
    async created(token: string, input: Record<string, unknown>): Promise<ConnectionShape> {
      const res: GqlResponse<{ createConnection: ConnectionPayloadShape }> = await this.create(token, input);
      const connection = res.data?.createConnection.connection;
      if (!connection) throw new Error(`not created: ${JSON.stringify(res.errors ?? res.data?.createConnection.userErrors)}`);
      return connection;
    },
  };
}
