import type { Actor } from '../../auth/actor.js';
import { ConnectorError } from '../../connectors/errors.js';
import type { FilterConfig } from '../../connectors/types.js';
import type { Database } from '../../db/database.js';
import type { ItemType, SyncHistory, SyncTrigger } from '../../generated/prisma/client.js';
import type { ConnectorRegistry } from '../../sync/connectors.js';
import type { SyncEngine } from '../../sync/engine.js';
import type { SyncResult } from '../../sync/types.js';
import { owned } from '../shared/owner.js';
import { fail, NOT_FOUND, ok, type Result, type ServiceError } from '../shared/result.js';

export interface RunDeltaSyncInput {
  syncListIds?: string[] | null;
  itemType?: ItemType | null;
  force?: boolean | null;
}

export interface PreviewProduct {
  sourceId: string;
  name: string;
  sku: string | null;
  price: number | null;
  status: string | null;
  category: string | null;
  updatedAt: Date | null;
  inSyncList: boolean;
}

export interface PreviewPage {
  products: PreviewProduct[];
  nextCursor: string | null;
  hadCursor: boolean;
}

/** What the API, the REST endpoint and the dashboard ask of the engine. */
export class SyncService {
  constructor(
    private readonly db: Database,
    readonly engine: SyncEngine,
    private readonly connectors: ConnectorRegistry,
  ) {}

  /** syncType is FULL with force, else MANUAL when ids are given, else DELTA. */
  async runDeltaSync(actor: Actor, userId: string, input: RunDeltaSyncInput, trigger: SyncTrigger): Promise<{ result: SyncResult; userErrors: ServiceError[] }> {
    const userErrors: ServiceError[] = [];
    let ids: string[] | null = null;
    if (input.syncListIds) {
      const found = await this.db.asUser(userId, (tx) => tx.syncListItem.findMany({ where: { id: { in: input.syncListIds as string[] }, ...owned(userId) }, select: { id: true } }));
      const known = new Set(found.map((f) => f.id));
      input.syncListIds.forEach((id, index) => {
        if (!known.has(id)) userErrors.push({ code: NOT_FOUND, field: ['input', 'syncListIds', String(index)], message: `no sync-list item with id ${id}` });
      });
      ids = [...known];
    }
    const syncType = input.force ? 'full' : ids ? 'manual' : 'delta';
    const result = await this.engine.runSync({ actor, userId, syncListIds: ids, itemType: input.itemType ?? null, force: Boolean(input.force), syncType, trigger });
    return { result, userErrors };
  }

  async cancel(userId: string, runId: string): Promise<Result<SyncHistory>> {
    const run = await this.engine.cancel(userId, runId);
    if (!run) return fail(NOT_FOUND, 'no sync run with this id', ['syncHistoryId']);
    if (run.status !== 'running') return { ok: false, errors: [{ code: 'NOT_RUNNING', field: ['syncHistoryId'], message: `the run already finished (${run.status})` }] };
    return ok(run);
  }

  async productPreview(userId: string, connectionId: string, filter: FilterConfig, first: number, after: string | null): Promise<Result<PreviewPage>> {
    const connection = await this.db.asUser(userId, (tx) => tx.connection.findFirst({ where: { id: connectionId, ...owned(userId) } }));
    if (!connection) return fail(NOT_FOUND, 'no connection with this id', ['connectionId']);
    const connector = (await this.connectors.forUser(userId)).get(connectionId);
    if (!connector) return fail('CONNECTION_DISABLED', 'this connection is disabled or cannot be used', ['connectionId']);
    let page;
    try {
      page = await connector.list('product', filter, after, first);
    } catch (err) {
      // The platform's own message (bad cursor, search warning, auth failure) is the useful answer.
      if (err instanceof ConnectorError) return fail(err.kind === 'auth' ? 'PLATFORM_AUTH' : 'PLATFORM_ERROR', `${connection.platform}: ${err.message}`, ['connectionId']);
      throw err;
    }
    const sourceIds = page.records.map((r) => r.id);
    const listed = await this.db.asUser(userId, (tx) =>
      tx.syncListItem.findMany({ where: { ...owned(userId), sourceConnectionId: connectionId, itemType: 'product', sourceId: { in: sourceIds } }, select: { sourceId: true } }),
    );
    const listedIds = new Set(listed.map((l) => l.sourceId));
    return ok({
      hadCursor: after !== null,
      nextCursor: page.nextCursor,
      products: page.records.map((r) => ({
        sourceId: r.id,
        name: r.data.title,
        sku: r.data.sku || null,
        price: r.data.price === '' ? null : Number(r.data.price),
        status: r.data.status,
        category: r.data.category,
        updatedAt: r.updatedAt,
        inSyncList: listedIds.has(r.id),
      })),
    });
  }
}
