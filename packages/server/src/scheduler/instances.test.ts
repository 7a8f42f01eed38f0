import { createNetSuiteSimulator, createShopifySimulator, netSuiteDefaultCredentials, type NetSuiteSimulator, type ShopifySimulator } from '@synclane/simulators';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../auth/tokens.js';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { gqlAt, startInstance, type Instance } from '../../test/instances.js';
import { describeIf } from '../../test/require.js';
import { redisCapability } from '../../test/redis.js';
import { TEST_JWT_SECRET } from '../../test/server.js';
import { collect, wsClient } from '../../test/ws.js';
import { Database } from '../db/database.js';

// Several whole server processes on one database: scheduled work is shared through the
// job queue, each slot runs once, rate limits hold across them.
const NS_ACCOUNT = '1234567_SB1';
const SCHEDULED = 'mutation($slot: String) { runScheduledSync(slot: $slot) { syncHistoryId totalUsers itemsProcessed itemsFailed } }';

interface User {
  id: string;
  token: string;
}

async function seedUsers(instance: Instance, shopify: ShopifySimulator, netsuite: NetSuiteSimulator, count: number, items: (i: number) => Array<Record<string, unknown>>): Promise<User[]> {
  const users: User[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const token = await signToken(TEST_JWT_SECRET, { sub: id, email: `${id}@example.com` }, '1h');
    const create = (input: Record<string, unknown>) => gqlAt<{ createConnection: { connection: { id: string } } }>(instance.url, token, 'mutation($input: CreateConnectionInput!) { createConnection(input: $input) { connection { id } userErrors { message } } }', { input });
    await create({ name: 'S', shopify: { shopDomain: shopify.shopDomain, accessToken: shopify.accessToken, baseUrl: shopify.url } });
    await create({ name: 'N', netsuite: { accountId: NS_ACCOUNT, ...netSuiteDefaultCredentials, baseUrl: netsuite.url, timeZone: 'UTC', locationId: '1' } });
    const added = await gqlAt<{ addToSyncList: { items: unknown[]; userErrors: unknown[] } }>(instance.url, token, 'mutation($input: AddToSyncListInput!) { addToSyncList(input: $input) { items { id } userErrors { message } } }', { input: { items: items(i) } });
    expect(added.data?.addToSyncList.userErrors).toEqual([]);
    users.push({ id, token });
  }
  return users;
}

function skuCounts(shopify: ShopifySimulator): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of shopify.listProducts()) {
    const sku = JSON.stringify(p).match(/"sku":"([^"]+)"/)?.[1] ?? '?';
    counts.set(sku, (counts.get(sku) ?? 0) + 1);
  }
  return counts;
}

describe('two instances on one database', () => {
  let database: TestDatabase;
  let shopify: ShopifySimulator;
  let netsuite: NetSuiteSimulator;
  let a: Instance;
  let b: Instance;
  let db: Database;
  const env = { SYNC_WORKER_CONCURRENCY: '1', SYNC_CLAIM_TTL_MS: '2000', SYNC_HEARTBEAT_MS: '300', SYNC_STALE_AFTER_MS: '3000' };

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Database({ connectionString: database.url, max: 2 });
    shopify = createShopifySimulator({ bucket: { size: 1_000_000, restoreRate: 1_000_000 } });
    netsuite = createNetSuiteSimulator({ accountId: NS_ACCOUNT, catalogue: { products: 120, seed: 5 }, concurrencyLimit: 5, timeZone: 'UTC' });
    await Promise.all([shopify.start(), netsuite.start()]);
    [a, b] = await Promise.all([startInstance(database.url, env), startInstance(database.url, env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await Promise.all([shopify?.stop(), netsuite?.stop()]);
    await db?.close();
    await database?.drop();
  });

  it('runs each of 10 ticks exactly once across both, and both instances work', async () => {
    await seedUsers(a, shopify, netsuite, 20, (i) => [{ itemType: 'PRODUCT', sourcePlatform: 'NETSUITE', targetPlatform: 'SHOPIFY', sourceId: String(i + 1) }]);
    const service = await signToken(TEST_JWT_SECRET, { role: 'service_role' }, '1h');
    for (let tick = 1; tick <= 10; tick++) {
      const [x, y] = await Promise.all([gqlAt<{ runScheduledSync: { syncHistoryId: string; totalUsers: number; itemsProcessed: number } }>(a.url, service, SCHEDULED, { slot: `tick-${tick}` }), gqlAt<{ runScheduledSync: { syncHistoryId: string } }>(b.url, service, SCHEDULED, { slot: `tick-${tick}` })]);
      expect(x.errors).toBeUndefined();
      expect(x.data!.runScheduledSync.syncHistoryId).toBe(y.data!.runScheduledSync.syncHistoryId);
      expect(x.data!.runScheduledSync).toMatchObject({ totalUsers: 20, itemsProcessed: 20 });
    }
    const systems = await db.asService((tx) => tx.syncHistory.findMany({ where: { userId: null } }));
    expect(systems).toHaveLength(10);
    const userRows = await db.asService((tx) => tx.syncHistory.findMany({ where: { parentId: { in: systems.map((s) => s.id) } } }));
    expect(userRows).toHaveLength(200);
    const outcomes = await db.asService((tx) => tx.syncHistoryItem.count());
    expect(outcomes).toBe(200);
    // The first tick created 20 products; the nine after it wrote nothing.
    expect(shopify.listProducts()).toHaveLength(20);
    expect([...skuCounts(shopify).values()].every((n) => n === 1)).toBe(true);
    expect(new Set(userRows.map((r) => r.instanceId)).size).toBe(2);
  }, 240_000);

  it('keeps a NetSuite account under its concurrency limit of 5 across both instances (zero 429s)', async () => {
    const users = await seedUsers(a, shopify, netsuite, 6, (i) =>
      Array.from({ length: 8 }, (_, k) => ({ itemType: 'PRODUCT', sourcePlatform: 'NETSUITE', targetPlatform: 'SHOPIFY', sourceId: String(40 + i * 8 + k) })),
    );
    netsuite.setFaults({ latencyMs: 60 });
    const before = netsuite.counters.get('rejected.429');
    try {
      const run = (u: User, url: string) => gqlAt<{ runDeltaSync: { result: { itemsFailed: number } } }>(url, u.token, 'mutation { runDeltaSync(input: { force: true }) { result { itemsFailed itemsProcessed } } }');
      const results = await Promise.all(users.map((u, i) => run(u, i % 2 ? a.url : b.url)));
      for (const r of results) expect(r.data!.runDeltaSync.result.itemsFailed).toBe(0);
    } finally {
      netsuite.setFaults({});
    }
    expect(netsuite.counters.get('rejected.429') - before).toBe(0);
    expect(netsuite.concurrency().peak).toBeLessThanOrEqual(5);
  }, 120_000);

  it('finishes the work after an instance is SIGKILLed mid-run, with no duplicate in the target', async () => {
    const users = await seedUsers(a, shopify, netsuite, 4, (i) =>
      Array.from({ length: 6 }, (_, k) => ({ itemType: 'PRODUCT', sourcePlatform: 'NETSUITE', targetPlatform: 'SHOPIFY', sourceId: String(90 + i * 6 + k) })),
    );
    shopify.setFaults({ latencyMs: 250 });
    const service = await signToken(TEST_JWT_SECRET, { role: 'service_role' }, '1h');
    const pending = gqlAt(b.url, service, SCHEDULED, { slot: 'crash' }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 1500));
    a.kill();
    await pending;
    shopify.setFaults({});
    const system = await db.asService((tx) => tx.syncHistory.findUnique({ where: { scheduleSlot: 'api:crash' } }));
    expect(system!.status).not.toBe('running');
    const open = await db.asService((tx) => tx.syncHistory.count({ where: { status: 'running' } }));
    expect(open).toBe(0);
    // No claim outlives its expiry.
    await new Promise((r) => setTimeout(r, 2500));
    const claimed = await db.asService((tx) => tx.syncListItem.count({ where: { lockedUntil: { gt: new Date() } } }));
    expect(claimed).toBe(0);
    const next = await gqlAt<{ runScheduledSync: { itemsFailed: number } }>(b.url, service, SCHEDULED, { slot: 'after-crash' });
    expect(next.data!.runScheduledSync.itemsFailed).toBe(0);
    const synced = await db.asService((tx) => tx.syncListItem.count({ where: { userId: { in: users.map((u) => u.id) }, lastSyncStatus: 'success' } }));
    expect(synced).toBe(24);
    expect([...skuCounts(shopify).values()].every((n) => n === 1)).toBe(true);
  }, 180_000);
});

const redis = await redisCapability();

describeIf(redis)('Redis fan-out', () => {
  it('delivers progress of a run on instance B to a subscriber on instance A', async () => {
    const database = await createTestDatabase();
    const netsuite = createNetSuiteSimulator({ accountId: NS_ACCOUNT, catalogue: { products: 5, seed: 1 }, timeZone: 'UTC' });
    const shopify = createShopifySimulator({ bucket: { size: 1_000_000, restoreRate: 1_000_000 } });
    await Promise.all([netsuite.start(), shopify.start()]);
    const env = { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', SYNC_WORKER_CONCURRENCY: '0' };
    const [x, y] = await Promise.all([startInstance(database.url, env), startInstance(database.url, env)]);
    try {
      const [user] = await seedUsers(x, shopify, netsuite, 1, () => [{ itemType: 'PRODUCT', sourcePlatform: 'NETSUITE', targetPlatform: 'SHOPIFY', sourceId: '1' }]);
      const { client } = wsClient(x.url, `Bearer ${user!.token}`);
      const events = collect<{ syncProgress: { kind: string } }>(client, 'subscription { syncProgress(syncHistoryId: null) { kind processed total } }', {}, 3, 20_000);
      await new Promise((r) => setTimeout(r, 500));
      await gqlAt(y.url, user!.token, 'mutation { runDeltaSync { result { status } } }');
      expect((await events).map((e) => e.syncProgress.kind)).toEqual(['STARTED', 'ITEM', 'FINISHED']);
      await client.dispose();
    } finally {
      await Promise.all([x.stop(), y.stop()]);
      await Promise.all([netsuite.stop(), shopify.stop()]);
      await database.drop();
    }
  }, 120_000);
});
