import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken } from '../src/auth/tokens.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startRuntime, type Runtime, type RuntimeOverrides } from '../src/runtime.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown>; path?: unknown[] }>;
}

export interface TestServer {
  url: string;
  runtime: Runtime;
  database: TestDatabase;
  /** A token for a user (a fresh random one when no id is given). */
  token(userId?: string, extra?: { email?: string; role?: 'authenticated' | 'service_role' }): Promise<string>;
  serviceToken(): Promise<string>;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  stop(): Promise<void>;
}

/** A real server (HTTP + WS) on a free port with its own migrated database. */
export async function startTestServer(env: Record<string, string> = {}, overrides: RuntimeOverrides = {}, databaseUrl?: string): Promise<TestServer> {
  const database: TestDatabase = databaseUrl ? { url: databaseUrl, name: '', drop: async () => undefined } : await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    JWT_SECRET: TEST_JWT_SECRET,
    SYNCLANE_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    DEMO_MODE: 'false',
    SYNC_CRON: 'off',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'synclane-test-data-')),
    OUTBOUND_ALLOWED_HOSTS: '*.myshopify.com,*.suitetalk.api.netsuite.com,127.0.0.1,localhost',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  const runtime = await startRuntime(config, createLogger(config.LOG_LEVEL), overrides);
  const url = runtime.app.url;
  const token: TestServer['token'] = (userId = randomUUID(), extra = {}) =>
    signToken(TEST_JWT_SECRET, { sub: userId, role: extra.role ?? 'authenticated', email: extra.email }, '1h');
  return {
    url,
    runtime,
    database,
    token,
    serviceToken: () => signToken(TEST_JWT_SECRET, { role: 'service_role' }, '1h'),
    async gql(query, variables, bearer) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GqlResponse;
      return { ...body, status: res.status } as GqlResponse<never>;
    },
    async stop() {
      await runtime.stop();
      await database.drop();
    },
  };
}
