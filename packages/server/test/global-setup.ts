import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/db/embedded.js';
import { runMigrations } from '../src/db/migrate.js';

export interface TestDatabaseContext {
  /** A URL allowed to create and drop databases. */
  pgAdminUrl: string;
  /** The migrated database every test database is cloned from. */
  pgTemplate: string;
  /** Name prefix of every test database of this run, so teardown can find them. */
  pgTestPrefix: string;
}

declare module 'vitest' {
  export interface ProvidedContext extends TestDatabaseContext {}
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function withAdmin(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: EmbeddedPostgres | undefined;
  let tempDir: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'synclane-test-pg-'));
    // As root, postgres runs as the "postgres" OS user, which must traverse this 0700 dir.
    await fs.chmod(tempDir, 0o755);
    server = await startEmbeddedPostgres({ dataDir: path.join(tempDir, 'data') });
    adminUrl = server.url;
  }
  const admin = adminUrl;
  const suffix = randomBytes(4).toString('hex');
  const context: TestDatabaseContext = {
    pgAdminUrl: admin,
    pgTemplate: `synclane_tpl_${suffix}`,
    pgTestPrefix: `synclane_test_${suffix}_`,
  };

  const teardown = async (): Promise<void> => {
    // A throwaway embedded cluster goes away as a whole; a shared server must be left clean.
    if (!server) {
      await withAdmin(admin, async (client) => {
        const { rows } = await client.query<{ datname: string }>(
          'SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $2)',
          [context.pgTemplate, context.pgTestPrefix],
        );
        for (const { datname } of rows) {
          await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
        }
      });
    }
    await server?.stop();
    if (tempDir) await fs.rm(tempDir, { recursive: true, force: true });
  };

  try {
    const template = pg.escapeIdentifier(context.pgTemplate);
    await withAdmin(admin, (client) => client.query(`CREATE DATABASE ${template}`));
    await runMigrations(withDatabase(admin, context.pgTemplate));
    // CREATE DATABASE ... TEMPLATE fails while anyone is connected to the template.
    await withAdmin(admin, async (client) => {
      await client.query(`ALTER DATABASE ${template} WITH ALLOW_CONNECTIONS false`);
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
        context.pgTemplate,
      ]);
    });
  } catch (err) {
    await teardown();
    throw err;
  }

  project.provide('pgAdminUrl', context.pgAdminUrl);
  project.provide('pgTemplate', context.pgTemplate);
  project.provide('pgTestPrefix', context.pgTestPrefix);
  return teardown;
}
