import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken } from '../../packages/server/src/auth/tokens.js';
import { loadConfig } from '../../packages/server/src/config.js';
import { createLogger } from '../../packages/server/src/logger.js';
import { startRuntime, type Runtime, type RuntimeOverrides } from '../../packages/server/src/runtime.js';

const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const ENCRYPTION_KEY = Buffer.alloc(32, 11).toString('base64');

export interface BenchRuntime {
  runtime: Runtime;
  url: string;
  token(userId: string): Promise<string>;
  gql<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T>;
  stop(): Promise<void>;
}

/** The whole server in this process (as packages/server/test/server.ts starts it), on a free loopback port. */
export async function startBenchRuntime(databaseUrl: string, overrides: RuntimeOverrides = {}): Promise<BenchRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'synclane-bench-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    JWT_SECRET,
    SYNCLANE_ENCRYPTION_KEY: ENCRYPTION_KEY,
    DEMO_MODE: 'false',
    SYNC_CRON: 'off',
    DATA_DIR: dataDir,
    OUTBOUND_ALLOWED_HOSTS: '*.myshopify.com,*.suitetalk.api.netsuite.com,127.0.0.1,localhost',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
  });
  const runtime = await startRuntime(config, createLogger(config.LOG_LEVEL), overrides);
  const url = runtime.app.url;
  return {
    runtime,
    url,
    token: (userId = randomUUID()) => signToken(JWT_SECRET, { sub: userId, role: 'authenticated', email: `${userId}@bench.example.com` }, '6h'),
    async gql<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T; errors?: unknown[] };
      if (!body.data || body.errors?.length) throw new Error(`GraphQL failed (${res.status}): ${JSON.stringify(body).slice(0, 2000)}`);
      return body.data;
    },
    async stop() {
      await runtime.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
