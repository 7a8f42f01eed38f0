import { createNetSuiteSimulator, createShopifySimulator, netSuiteDefaultCredentials } from '@synclane/simulators';
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { signToken } from '../auth/tokens.js';
import { Database } from '../db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { gqlAt, startInstance } from '../../test/instances.js';
import { TEST_JWT_SECRET } from '../../test/server.js';

it('on SIGTERM a run stops taking items, closes as failed ("shutdown") and leaves no claim; the process exits', async () => {
  const database = await createTestDatabase();
  const db = new Database({ connectionString: database.url, max: 2 });
  const netsuite = createNetSuiteSimulator({ accountId: '1234567_SB1', catalogue: { products: 40, seed: 2 }, timeZone: 'UTC', concurrencyLimit: 50 });
  const shopify = createShopifySimulator({ bucket: { size: 1_000_000, restoreRate: 1_000_000 }, faults: { latencyMs: 300 } });
  await Promise.all([netsuite.start(), shopify.start()]);
  const instance = await startInstance(database.url, { SYNC_ITEM_CONCURRENCY: '2' });
  try {
    const id = randomUUID();
    const token = await signToken(TEST_JWT_SECRET, { sub: id }, '1h');
    const create = (input: Record<string, unknown>) => gqlAt(instance.url, token, 'mutation($input: CreateConnectionInput!) { createConnection(input: $input) { connection { id } } }', { input });
    await create({ name: 'S', shopify: { shopDomain: shopify.shopDomain, accessToken: shopify.accessToken, baseUrl: shopify.url } });
    await create({ name: 'N', netsuite: { accountId: '1234567_SB1', ...netSuiteDefaultCredentials, baseUrl: netsuite.url, timeZone: 'UTC' } });
    const items = Array.from({ length: 30 }, (_, i) => ({ itemType: 'PRODUCT', sourcePlatform: 'NETSUITE', targetPlatform: 'SHOPIFY', sourceId: String(i + 1) }));
    await gqlAt(instance.url, token, 'mutation($input: AddToSyncListInput!) { addToSyncList(input: $input) { items { id } } }', { input: { items } });
    const running = gqlAt(instance.url, token, 'mutation { runDeltaSync { result { status } } }').catch(() => undefined);
    await new Promise((r) => setTimeout(r, 2_000));
    const started = Date.now();
    await instance.stop();
    expect(Date.now() - started).toBeLessThan(14_000);
    expect(instance.process.exitCode).toBe(0);
    await running;
    const runs = await db.asService((tx) => tx.syncHistory.findMany({ where: { userId: id } }));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'failed', metadata: expect.objectContaining({ reason: 'shutdown' }) });
    // Items not started were recorded as skipped (cancelled), not written.
    expect(runs[0]!.itemsCreated).toBeLessThan(30);
    expect(runs[0]!.itemsSkipped).toBeGreaterThan(0);
    const claimed = await db.asService((tx) => tx.syncListItem.count({ where: { userId: id, lockedBy: { not: null } } }));
    expect(claimed).toBe(0);
  } finally {
    await instance.stop();
    await Promise.all([netsuite.stop(), shopify.stop()]);
    await db.close();
    await database.drop();
  }
}, 120_000);
