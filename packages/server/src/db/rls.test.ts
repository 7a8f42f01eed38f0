import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { APP_ROLE, Database } from './database.js';

// RLS is tested at the database level, connected as the application role, without the
// API's own filter in the way.
const TABLES = ['connections', 'saved_search_patterns', 'sync_list', 'sync_history', 'sync_history_items', 'sync_cursors'] as const;

let database: TestDatabase;
let db: Database;
let pool: pg.Pool;
const a = randomUUID();
const b = randomUUID();

async function seedUser(userId: string): Promise<void> {
  await db.asService(async (tx) => {
    await tx.user.create({ data: { id: userId, email: `${userId}@example.com` } });
    const conn = await tx.connection.create({ data: { userId, platform: 'shopify', name: 'c', credentials: 'x' } });
    await tx.savedSearchPattern.create({ data: { userId, name: 'p', direction: 'bidirectional' } });
    const item = await tx.syncListItem.create({
      data: { userId, itemType: 'product', sourcePlatform: 'netsuite', targetPlatform: 'shopify', sourceConnectionId: conn.id, targetConnectionId: conn.id, sourceId: '1' },
    });
    const run = await tx.syncHistory.create({ data: { userId, syncType: 'manual', status: 'completed' } });
    await tx.syncHistoryItem.create({ data: { userId, historyId: run.id, syncListId: item.id, action: 'skipped', reason: 'unchanged' } });
    await tx.syncCursor.create({ data: { userId, connectionId: conn.id, itemType: 'product', watermarkAt: new Date(), watermarkId: '1' } });
  });
}

/** Runs `fn` in a transaction as the application role with app.user_id = userId (or unset). */
async function asApp<T>(userId: string | null, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL ROLE ${APP_ROLE}`);
    if (userId) await client.query(`SELECT set_config('app.user_id', $1, true)`, [userId]);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = new Database({ connectionString: database.url });
  pool = new pg.Pool({ connectionString: database.url, max: 1 });
  await seedUser(a);
  await seedUser(b);
  await db.asService((tx) => tx.syncHistory.create({ data: { userId: null, syncType: 'scheduled', status: 'completed' } }));
});

afterAll(async () => {
  await pool?.end();
  await db?.close();
  await database?.drop();
});

describe('row-level security', () => {
  it.each(TABLES)('%s: a user sees only their own rows', async (table) => {
    const rows = await asApp(a, (c) => c.query(`SELECT user_id FROM ${table}`));
    expect(rows.rows.length).toBeGreaterThan(0);
    expect(new Set(rows.rows.map((r: { user_id: string }) => r.user_id))).toEqual(new Set([a]));
  });

  it.each(TABLES)("%s: another user's rows cannot be updated or deleted", async (table) => {
    const updated = await asApp(a, (c) => c.query(`UPDATE ${table} SET user_id = user_id WHERE user_id = $1`, [b]));
    expect(updated.rowCount).toBe(0);
    const deleted = await asApp(a, (c) => c.query(`DELETE FROM ${table} WHERE user_id = $1`, [b]));
    expect(deleted.rowCount).toBe(0);
    const still = await db.asService((tx) => tx.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1::uuid`, b));
    expect(still[0]!.n).toBeGreaterThan(0);
  });

  it('users: only the own row is visible', async () => {
    const rows = await asApp(a, (c) => c.query('SELECT id FROM users'));
    expect(rows.rows).toEqual([{ id: a }]);
  });

  it('refuses inserting a row for another user', async () => {
    await expect(asApp(a, (c) => c.query(`INSERT INTO saved_search_patterns (id, user_id, name, direction) VALUES ($1, $2, 'x', 'bidirectional')`, [randomUUID(), b]))).rejects.toThrow(
      /row-level security/,
    );
    await expect(asApp(a, (c) => c.query(`INSERT INTO users (id) VALUES ($1)`, [randomUUID()]))).rejects.toThrow(/row-level security/);
  });

  it('refuses moving an own row to another user', async () => {
    await expect(asApp(a, (c) => c.query(`UPDATE saved_search_patterns SET user_id = $1 WHERE user_id = $2`, [b, a]))).rejects.toThrow(/row-level security/);
  });

  it('shows nothing when app.user_id is not set', async () => {
    for (const table of [...TABLES, 'users']) {
      const rows = await asApp(null, (c) => c.query(`SELECT 1 FROM ${table}`));
      expect(rows.rowCount, table).toBe(0);
    }
  });

  it("shows nothing on a pooled connection after another user's transaction (the '' setting)", async () => {
    // The pool has one connection: the second transaction reuses it with app.user_id = ''.
    await asApp(a, (c) => c.query('SELECT 1 FROM sync_list'));
    const rows = await asApp(null, (c) => c.query('SELECT 1 FROM sync_list'));
    expect(rows.rowCount).toBe(0);
  });

  it('the service path sees every row, system-level history included', async () => {
    const runs = await db.asService((tx) => tx.syncHistory.findMany());
    expect(runs.map((r) => r.userId).sort()).toEqual([a, b, null].sort());
  });

  it('asUser holds RLS even though the pool connects as a superuser', async () => {
    const seen = await db.asUser(a, (tx) => tx.syncListItem.findMany());
    expect(seen.every((r) => r.userId === a)).toBe(true);
    const other = await db.asUser(a, (tx) => tx.syncListItem.updateMany({ where: { userId: b }, data: { priority: 5 } }));
    expect(other.count).toBe(0);
  });
});
