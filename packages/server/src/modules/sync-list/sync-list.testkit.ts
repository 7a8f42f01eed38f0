// Test factories for the sync-list and history suites: rows are written straight
// through the service role, as the connections API and the sync engine would.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Database } from '../../db/database.js';
import type { ItemType, Platform, Prisma, SyncItemAction, SyncItemReason } from '../../generated/prisma/client.js';
import { ownerFilter } from '../shared/owner.js';
import { rlsSwitch } from '../../db/database.js';

/** The parts of the test server these factories need (test/server.ts's TestServer fits). */
export interface KitServer {
  runtime: { db: Database };
  token(userId?: string): Promise<string>;
  gql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ status: number; data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;
}

export interface KitUser {
  id: string;
  token: string;
}

/** A user with a row in `users` (created on first sight of the token, as in production). */
export async function newUser(server: KitServer): Promise<KitUser> {
  const id = randomUUID();
  const token = await server.token(id);
  const res = await server.gql<{ me: { id: string } }>('query { me { id } }', {}, token);
  if (res.data?.me.id !== id) throw new Error(`could not create user: ${JSON.stringify(res.errors)}`);
  return { id, token };
}

export function addConnection(server: KitServer, userId: string, platform: Platform, name = `${platform}-${randomUUID().slice(0, 8)}`): Promise<string> {
  return server.runtime.db.asService(async (tx) => {
    const row = await tx.connection.create({ data: { userId, platform, name, config: {}, credentials: 'not-a-real-ciphertext' } });
    return row.id;
  });
}

export interface ItemSeed {
  itemType?: ItemType;
  sourcePlatform?: Platform;
  targetPlatform?: Platform;
  sourceConnectionId: string;
  targetConnectionId: string;
  sourceId: string;
  createdAt?: Date;
  metadata?: Prisma.InputJsonObject;
}

/** Sync-list rows inserted in one statement (fast seeding for paging and query counts). */
export async function insertItems(server: KitServer, userId: string, seeds: ItemSeed[]): Promise<string[]> {
  return server.runtime.db.asService(async (tx) => {
    const rows = await tx.syncListItem.createManyAndReturn({
      data: seeds.map((s) => ({
        userId,
        itemType: s.itemType ?? 'product',
        sourcePlatform: s.sourcePlatform ?? 'netsuite',
        targetPlatform: s.targetPlatform ?? 'shopify',
        sourceConnectionId: s.sourceConnectionId,
        targetConnectionId: s.targetConnectionId,
        sourceId: s.sourceId,
        metadata: s.metadata ?? {},
        ...(s.createdAt ? { createdAt: s.createdAt } : {}),
      })),
    });
    const byKey = new Map(rows.map((r) => [r.sourceId, r.id]));
    return seeds.map((s) => byKey.get(s.sourceId)!);
  });
}

export interface RunSeed {
  userId: string | null;
  syncType?: 'manual' | 'delta' | 'full' | 'scheduled';
  status?: 'running' | 'completed' | 'failed' | 'partial_success';
  createdAt?: Date;
  itemsProcessed?: number;
  durationMs?: number | null;
  finishedAt?: Date | null;
  metadata?: Prisma.InputJsonObject;
}

export function insertRun(server: KitServer, seed: RunSeed): Promise<string> {
  return server.runtime.db.asService(async (tx) => {
    const row = await tx.syncHistory.create({
      data: {
        userId: seed.userId,
        syncType: seed.syncType ?? 'manual',
        status: seed.status ?? 'completed',
        itemsProcessed: seed.itemsProcessed ?? 0,
        durationMs: seed.durationMs ?? null,
        finishedAt: seed.finishedAt ?? null,
        metadata: seed.metadata ?? {},
        ...(seed.createdAt ? { createdAt: seed.createdAt, startedAt: seed.createdAt } : {}),
      },
    });
    return row.id;
  });
}

export interface RunItemSeed {
  syncListId: string | null;
  action?: SyncItemAction;
  reason?: SyncItemReason;
  changedFields?: string[];
  error?: string | null;
  createdAt?: Date;
}

/** Per-item rows of a run; each also becomes its item's `lastResult`, as the engine records it. */
export async function insertRunItems(server: KitServer, userId: string, historyId: string, seeds: RunItemSeed[]): Promise<string[]> {
  const base = Date.now();
  const rows = seeds.map((s, i) => ({
    id: randomUUID(),
    userId,
    historyId,
    syncListId: s.syncListId,
    action: s.action ?? 'updated',
    reason: s.reason ?? 'changed_fields',
    changedFields: s.changedFields ?? [],
    error: s.error ?? null,
    createdAt: s.createdAt ?? new Date(base + i),
  }));
  await server.runtime.db.asService(async (tx) => {
    await tx.syncHistoryItem.createMany({ data: rows });
    const linked = rows.filter((r) => r.syncListId !== null);
    if (linked.length) {
      await tx.$executeRaw`UPDATE sync_list SET last_history_item_id = v.hid
        FROM (SELECT unnest(${linked.map((r) => r.syncListId)}::uuid[]) AS sid, unnest(${linked.map((r) => r.id)}::uuid[]) AS hid) v
        WHERE sync_list.id = v.sid`;
    }
  });
  return rows.map((r) => r.id);
}

export type Walls = 'both walls' | 'owner filter only (RLS off)' | 'RLS only (owner filter off)';
export const WALLS: Walls[] = ['both walls', 'owner filter only (RLS off)', 'RLS only (owner filter off)'];

/** Runs `fn` with one wall taken down, restoring both whatever happens. */
export async function withWalls<T>(walls: Walls, fn: () => Promise<T>): Promise<T> {
  rlsSwitch.enabled = walls !== 'owner filter only (RLS off)';
  ownerFilter.enabled = walls !== 'RLS only (owner filter off)';
  try {
    return await fn();
  } finally {
    rlsSwitch.enabled = true;
    ownerFilter.enabled = true;
  }
}

interface Statement {
  client: number;
  text: string;
  values: readonly unknown[];
}

/**
 * Counts the SQL statements the server sends for one user while `active`. Background work
 * (the job queue's polling, the stale-run sweeper) shares the pool, so only the transactions
 * that set that user's `app.user_id` are counted.
 */
export function queryCounter(db: Database): { start(): void; stop(userId: string): string[] } {
  const seen: Statement[] = [];
  let active = false;
  const wrapped = new WeakSet<pg.PoolClient>();
  let clients = 0;
  db.pool.on('acquire', (client) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const id = ++clients;
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      if (active) {
        const [first, second] = args;
        const text = typeof first === 'string' ? first : String((first as { text?: string }).text ?? '');
        const values = Array.isArray(second) ? second : ((first as { values?: unknown[] }).values ?? []);
        seen.push({ client: id, text, values });
      }
      return original(...args);
    };
  });
  return {
    start() {
      seen.length = 0;
      active = true;
    },
    stop(userId) {
      active = false;
      const byClient = new Map<number, Statement[][]>();
      for (const statement of seen) {
        const transactions = byClient.get(statement.client) ?? byClient.set(statement.client, [[]]).get(statement.client)!;
        transactions.at(-1)!.push(statement);
        if (/^\s*(COMMIT|ROLLBACK)\b/i.test(statement.text)) transactions.push([]);
      }
      return [...byClient.values()]
        .flat()
        .filter((tx) => tx.some((st) => st.values.includes(userId)))
        .flat()
        .map((st) => st.text);
    },
  };
}

export const ITEM_FIELDS =
  'id itemType sourcePlatform targetPlatform sourceConnectionId targetConnectionId sourceId targetId syncMode isActive priority lastSyncedAt lastSyncStatus errorMessage filterConfig { status priceMin priceMax category updatedAfter search } metadata createdAt updatedAt';
export const ADD = `mutation($input: AddToSyncListInput!) { addToSyncList(input: $input) { items { ${ITEM_FIELDS} } userErrors { field message code } } }`;
export const LIST = `query($first: Int, $after: String, $filter: SyncListFilter) { syncList(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id sourceId lastResult { action reason changedFields error } } } } }`;
export const GET = `query($id: ID!) { syncListItem(id: $id) { ${ITEM_FIELDS} lastResult { id action reason changedFields error } } }`;
export const UPDATE = `mutation($id: ID!, $input: UpdateSyncListItemInput!) { updateSyncListItem(id: $id, input: $input) { item { id syncMode isActive priority } userErrors { field message code } } }`;
export const REMOVE = `mutation($ids: [ID!]!) { removeFromSyncList(ids: $ids) { removedIds userErrors { field message code } } }`;

export interface UserErrorShape {
  field: string[] | null;
  message: string;
  code: string;
}
export interface ItemShape {
  id: string;
  sourceId: string;
  targetId: string | null;
  syncMode: string;
  isActive: boolean;
  priority: number;
  metadata: unknown;
  filterConfig: Record<string, unknown> | null;
  sourceConnectionId: string;
  targetConnectionId: string;
  lastResult?: { action: string; reason: string; changedFields: string[]; error: string | null } | null;
}
export interface AddResult {
  addToSyncList: { items: ItemShape[]; userErrors: UserErrorShape[] };
}
export interface ListResult {
  syncList: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: { id: string; sourceId: string; lastResult: ItemShape['lastResult'] } }>;
  };
}

/** How many sync-list rows a user has, read past both walls. */
export function countItems(server: KitServer, userId: string): Promise<number> {
  return server.runtime.db.asService((tx) => tx.syncListItem.count({ where: { userId } }));
}
