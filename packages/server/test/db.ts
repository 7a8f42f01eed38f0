import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { withDatabase, type TestDatabaseContext } from './global-setup.js';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

// "source database ... is being accessed by other users"
const OBJECT_IN_USE = '55006';

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database cloned from the run's template; drop it in afterAll. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const context: TestDatabaseContext = {
    pgAdminUrl: inject('pgAdminUrl'),
    pgTemplate: inject('pgTemplate'),
    pgTestPrefix: inject('pgTestPrefix'),
  };
  const name = `${context.pgTestPrefix}${randomBytes(6).toString('hex')}`;
  const create = `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(context.pgTemplate)}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(context.pgAdminUrl, create);
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== OBJECT_IN_USE || attempt >= 10) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 100));
    }
  }
  let dropping: Promise<void> | undefined;
  return {
    url: withDatabase(context.pgAdminUrl, name),
    name,
    drop: () =>
      (dropping ??= adminQuery(context.pgAdminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)),
  };
}
