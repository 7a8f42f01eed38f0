// Unmeasured setup of the scheduled benchmark: simulators seeded, users, connections and
// already-synced sync-list rows written straight into the database with SQL.
import { randomUUID } from 'node:crypto';
import { createNetSuiteConnector } from '../../packages/server/src/connectors/netsuite/index.js';
import type { CanonicalProduct, SourceRecord } from '../../packages/server/src/connectors/types.js';
import { CredentialCipher } from '../../packages/server/src/crypto/credentials.js';
import { contentHash, mappedFields } from '../../packages/server/src/sync/fields.js';
import { netSuiteDefaultCredentials, type NetSuiteSeedItem } from '../../packages/simulators/src/index.js';
import type { PgPool } from './scheduled-pg.js';
import type { RemoteNetSuite, RemoteShopify } from './sims.js';

export const NS_ACCOUNT = '4455667_SB1';
export const TIME_ZONE = 'UTC';
const DAY = 86_400_000;
const CATEGORIES = ['Apparel', 'Footwear', 'Accessories', 'Outdoor', 'Home', 'Kitchen', 'Toys', 'Garden'];

export interface SeededUser {
  index: number;
  id: string;
  shopifyConnectionId: string;
  netsuiteConnectionId: string;
  /** NetSuite internal ids of the user's items (index*perUser+1 .. index*perUser+perUser). */
  firstSourceId: number;
}

export interface SeedResult {
  users: SeededUser[];
  /** NetSuite internal id → its current title and price (for the changes). */
  items: Map<number, { displayName: string; basePrice: number }>;
  timings: Record<string, number>;
}

function nsItem(id: number): NetSuiteSeedItem & { displayName: string; basePrice: number } {
  return {
    itemId: `SL-${String(id).padStart(7, '0')}`,
    displayName: `Bench product ${id}`,
    basePrice: 5 + ((id * 37) % 9500) / 100,
    isInactive: id % 50 === 0,
    category: CATEGORIES[id % CATEGORIES.length] as string,
    quantities: { '1': (id * 13) % 200, '2': 0 },
  };
}

const chunks = <T>(all: T[], size: number): T[][] => Array.from({ length: Math.ceil(all.length / size) }, (_, i) => all.slice(i * size, (i + 1) * size));

/**
 * Seeds the NetSuite simulator (catalogue two days old), reads it back with the real connector,
 * seeds the matching Shopify products, and writes users, connections, synced rows and cursors.
 */
export async function seedScheduled(
  pool: PgPool,
  ns: RemoteNetSuite,
  shop: RemoteShopify,
  o: { users: number; perUser: number; log: (m: string) => void },
): Promise<SeedResult> {
  const timings: Record<string, number> = {};
  const t = (label: string, since: number) => (timings[label] = Math.round(performance.now() - since));
  const total = o.users * o.perUser;
  const twoDaysAgo = new Date(Math.floor((Date.now() - 2 * DAY) / 1000) * 1000);

  // 1. NetSuite: internal ids 1..total (the simulator allocates them in order).
  let started = performance.now();
  const items = new Map<number, { displayName: string; basePrice: number }>();
  for (const part of chunks(Array.from({ length: total }, (_, i) => i + 1), 10_000)) {
    const seeded = await ns.seedItems(part.map((id) => ({ ...nsItem(id), lastModifiedDate: twoDaysAgo })));
    seeded.forEach((s, i) => {
      const want = part[i] as number;
      if (Number(s.id) !== want) throw new Error(`the NetSuite simulator gave internal id ${s.id} where ${want} was expected (not a fresh simulator?)`);
      items.set(want, { displayName: s.displayName ?? '', basePrice: s.basePrice ?? 0 });
    });
  }
  t('netsuiteSeedMs', started);

  // 2. Read every record back with the real connector: the synced state is computed from what the engine will read.
  started = performance.now();
  const connector = createNetSuiteConnector({
    settings: { accountId: ns.accountId, baseUrl: ns.url, timeZone: TIME_ZONE, locationId: '1' },
    credentials: netSuiteDefaultCredentials,
    concurrencyLimit: 8,
  });
  const records = new Map<string, SourceRecord<CanonicalProduct>>();
  for (const part of chunks(Array.from({ length: total }, (_, i) => String(i + 1)), 8_000)) {
    const read = (await connector.readMany('product', part)) as Map<string, SourceRecord<CanonicalProduct>>;
    for (const id of part) {
      const r = read.get(id);
      if (!r) throw new Error(`the NetSuite connector did not read item ${id}`);
      records.set(id, r);
    }
  }
  t('netsuiteReadBackMs', started);

  // 3. Shopify: the products the items were synced to.
  started = performance.now();
  const targetIds = new Map<string, string>();
  for (const part of chunks([...records.values()], 5_000)) {
    const seeded = await shop.seedProducts(part.map((r) => ({ sku: r.data.sku, title: r.data.title, price: r.data.price, status: r.data.status, productType: r.data.category ?? '', handle: `synclane-ns-${r.id}`, quantity: 0, updatedAt: twoDaysAgo, createdAt: twoDaysAgo })));
    seeded.forEach((p, i) => targetIds.set((part[i] as SourceRecord).id, p.id));
  }
  t('shopifySeedMs', started);

  // 4. Users and connections.
  started = performance.now();
  const cipher = new CredentialCipher((await import('./scheduled-instance.js')).BENCH_ENCRYPTION_KEY);
  const users: SeededUser[] = Array.from({ length: o.users }, (_, index) => ({ index, id: randomUUID(), shopifyConnectionId: randomUUID(), netsuiteConnectionId: randomUUID(), firstSourceId: index * o.perUser + 1 }));
  for (const part of chunks(users, 500)) {
    await pool.query(`INSERT INTO users (id, email) SELECT id, 'bench-' || n || '@bench.example.com' FROM unnest($1::uuid[], $2::int[]) AS t(id, n)`, [part.map((u) => u.id), part.map((u) => u.index)]);
    const rows = part.flatMap((u) => [
      { id: u.shopifyConnectionId, user: u.id, platform: 'shopify', name: 'Shop', config: { shopDomain: shop.shopDomain, baseUrl: shop.url }, credentials: cipher.encrypt({ accessToken: shop.accessToken }) },
      { id: u.netsuiteConnectionId, user: u.id, platform: 'netsuite', name: 'NetSuite', config: { accountId: ns.accountId, baseUrl: ns.url, timeZone: TIME_ZONE, locationId: '1' }, credentials: cipher.encrypt({ ...netSuiteDefaultCredentials }) },
    ]);
    await pool.query(
      `INSERT INTO connections (id, user_id, platform, name, config, credentials, status)
       SELECT id, user_id, platform::"Platform", name, config, credentials, 'active' FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[], $6::text[]) AS t(id, user_id, platform, name, config, credentials)`,
      [rows.map((r) => r.id), rows.map((r) => r.user), rows.map((r) => r.platform), rows.map((r) => r.name), rows.map((r) => JSON.stringify(r.config)), rows.map((r) => r.credentials)],
    );
  }
  t('usersAndConnectionsMs', started);

  // 5. Sync-list rows in the state a completed sync leaves them (hash of the mapped fields, target id).
  started = performance.now();
  const syncedAt = new Date(twoDaysAgo.getTime() + 3_600_000);
  const base = Date.now() - 3 * DAY;
  for (const part of chunks(users, 50)) {
    const cols = { id: [] as string[], user: [] as string[], src: [] as string[], tgt: [] as string[], sourceId: [] as string[], targetId: [] as string[], version: [] as string[], hash: [] as string[], fields: [] as string[], created: [] as string[] };
    for (const u of part) {
      for (let k = 0; k < o.perUser; k++) {
        const sourceId = String(u.firstSourceId + k);
        const r = records.get(sourceId) as SourceRecord<CanonicalProduct>;
        const fields = mappedFields(r.data);
        cols.id.push(randomUUID());
        cols.user.push(u.id);
        cols.src.push(u.netsuiteConnectionId);
        cols.tgt.push(u.shopifyConnectionId);
        cols.sourceId.push(sourceId);
        cols.targetId.push(targetIds.get(sourceId) as string);
        cols.version.push(r.updatedAt.toISOString());
        cols.hash.push(contentHash(fields));
        cols.fields.push(JSON.stringify(fields));
        cols.created.push(new Date(base + u.index * o.perUser + k).toISOString());
      }
    }
    await pool.query(
      `INSERT INTO sync_list (id, user_id, item_type, source_platform, target_platform, source_connection_id, target_connection_id, source_id, target_id,
                              sync_mode, is_active, last_synced_at, last_sync_status, source_version, content_hash, content_fields, created_at, updated_at)
       SELECT id, user_id, 'product', 'netsuite', 'shopify', src, tgt, source_id, target_id, 'delta', true, $11::timestamptz, 'success', version, hash, fields, created, $11::timestamptz
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::timestamptz[])
              AS t(id, user_id, src, tgt, source_id, target_id, version, hash, fields, created)`,
      [cols.id, cols.user, cols.src, cols.tgt, cols.sourceId, cols.targetId, cols.version, cols.hash, cols.fields, cols.created, syncedAt.toISOString()],
    );
  }
  t('syncListMs', started);
  await pool.query('VACUUM ANALYZE');
  return { users, items, timings };
}

/**
 * Every user's NetSuite cursor at `at`: after the catalogue's last change, before the round's
 * changes (and, from round two on, more than the connector's one-hour overlap after the last round's).
 */
export async function setCursors(pool: PgPool, users: SeededUser[], at: Date): Promise<void> {
  await pool.query(
    `INSERT INTO sync_cursors (user_id, connection_id, item_type, watermark_at, watermark_id, updated_at)
     SELECT user_id, connection_id, 'product', $3::timestamptz, '0', now() FROM unnest($1::uuid[], $2::uuid[]) AS t(user_id, connection_id)
     ON CONFLICT (user_id, connection_id, item_type) DO UPDATE SET watermark_at = EXCLUDED.watermark_at, watermark_id = EXCLUDED.watermark_id, updated_at = now()`,
    [users.map((u) => u.id), users.map((u) => u.netsuiteConnectionId), at.toISOString()],
  );
}

/**
 * Changes `count` items spread evenly over the users (title or price, both mapped fields), a
 * different item of each user per round. Answers the NetSuite internal ids changed.
 */
export async function changeItems(ns: RemoteNetSuite, seed: SeedResult, perUser: number, count: number, round: number): Promise<number[]> {
  const users = seed.users.length;
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const user = Math.floor((i * users) / count);
    const k = (user * 37 + round * 41 + Math.floor(i / users) * 13) % perUser;
    ids.push(user * perUser + 1 + k);
  }
  const patches: Array<[string, { displayName?: string; basePrice?: number }]> = ids.map((id, i) => {
    const cur = seed.items.get(id) as { displayName: string; basePrice: number };
    const next = i % 2 === 0 ? { ...cur, displayName: `${cur.displayName} r${round}` } : { ...cur, basePrice: Math.round((cur.basePrice + 1.25) * 100) / 100 };
    seed.items.set(id, next);
    return [String(id), i % 2 === 0 ? { displayName: next.displayName } : { basePrice: next.basePrice }];
  });
  await ns.changeItems(patches);
  return ids;
}

/** Moves the NetSuite simulator's clock (control API), so rounds' changes are hours apart. */
export async function advanceNetSuiteClock(ns: RemoteNetSuite, ms: number): Promise<Date> {
  const res = await fetch(`${ns.url}/__sim/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: ms }) });
  if (!res.ok) throw new Error(`clock: ${res.status} ${await res.text()}`);
  return new Date(((await res.json()) as { now: string }).now);
}

export async function netSuiteNow(ns: RemoteNetSuite): Promise<Date> {
  const res = await fetch(`${ns.url}/__sim/clock`);
  return new Date(((await res.json()) as { now: string }).now);
}
