import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { runMigrations } from './migrate.js';
import { parsePrismaSchema } from './prisma-schema.js';

// Prisma's own migrate diff needs a native engine we cannot download, so this test checks
// that the hand-written migrations yield exactly what schema.prisma describes.
const PG_TYPES: Record<string, string> = {
  String: 'text', Uuid: 'uuid', Float: 'float8', Int: 'int4', Boolean: 'bool', DateTime: 'timestamptz', Json: 'jsonb',
};
const ON_DELETE: Record<string, string> = { Cascade: 'c', Restrict: 'r', SetNull: 'n', NoAction: 'a' };

let database: TestDatabase;
let client: pg.Client;
const { models, enums } = parsePrismaSchema();

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe('migrations match schema.prisma', () => {
  it('has exactly the tables of the models (plus the migrations table)', async () => {
    const { rows } = await client.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    expect(rows.map((r) => r.table_name).sort()).toEqual([...models.map((m) => m.table), '_prisma_migrations'].sort());
  });

  it.each(models.map((m) => [m.table, m] as const))('%s: columns, types, nullability and defaults', async (table, model) => {
    const { rows } = await client.query<{ column_name: string; udt_name: string; is_nullable: string; column_default: string | null }>(
      `SELECT column_name, udt_name, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
      [table],
    );
    const actual = Object.fromEntries(rows.map((r) => [r.column_name, r]));
    expect(Object.keys(actual).sort()).toEqual(model.columns.map((c) => c.column).sort());
    for (const c of model.columns) {
      const col = actual[c.column]!;
      const expectedType = c.list ? `_${PG_TYPES[c.type] ?? c.type}` : PG_TYPES[c.type] ?? c.type;
      expect(col.udt_name, `${table}.${c.column} type`).toBe(expectedType);
      // Prisma lists are never null in the client; the column is NOT NULL with a default.
      expect(col.is_nullable === 'YES', `${table}.${c.column} nullable`).toBe(c.optional);
      if (c.hasDefault && !(c.column === 'id')) expect(col.column_default, `${table}.${c.column} default`).not.toBeNull();
    }
  });

  it('stores enums as the seed strings', async () => {
    const { rows } = await client.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const actual = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
    expect(Object.keys(actual).sort()).toEqual([...enums.keys()].sort());
    for (const [name, values] of enums) expect(actual[name], name).toEqual(values);
    expect(actual.SyncDirection).toEqual(['netsuite-to-shopify', 'shopify-to-netsuite', 'bidirectional']);
  });

  it.each(models.map((m) => [m.table, m] as const))('%s: primary key, unique constraints, indexes and ON DELETE', async (table, model) => {
    const { rows: idx } = await client.query<{ unique: boolean; primary: boolean; columns: string[] }>(
      `SELECT i.indisunique AS unique, i.indisprimary AS primary,
              array(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o) AS columns
         FROM pg_index i WHERE i.indrelid = $1::regclass`,
      [`"${table}"`],
    );
    const key = (cols: string[]) => cols.join(',');
    expect(idx.filter((i) => i.primary).map((i) => key(i.columns))).toEqual([key(model.primaryKey)]);
    expect(idx.filter((i) => i.unique && !i.primary).map((i) => key(i.columns)).sort()).toEqual(model.uniques.map(key).sort());
    expect(idx.filter((i) => !i.unique).map((i) => key(i.columns)).sort()).toEqual(model.indexes.map(key).sort());
    const { rows: fks } = await client.query<{ columns: string[]; confdeltype: string }>(
      `SELECT c.confdeltype, array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) AS columns
         FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = $1::regclass`,
      [`"${table}"`],
    );
    const actualFks = Object.fromEntries(fks.map((f) => [key(f.columns), f.confdeltype]));
    const expectedFks = Object.fromEntries([...model.onDelete].map(([cols, action]) => [cols, ON_DELETE[action]]));
    expect(actualFks).toEqual(expectedFks);
  });

  it('is idempotent: a second run applies nothing', async () => {
    expect(await runMigrations(database.url)).toEqual([]);
  });

  it('enables and forces RLS on every table', async () => {
    const { rows } = await client.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname <> '_prisma_migrations'`,
    );
    for (const r of rows) expect([r.relname, r.relrowsecurity, r.relforcerowsecurity]).toEqual([r.relname, true, true]);
  });
});
