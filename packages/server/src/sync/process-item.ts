import { ConnectorError } from '../connectors/errors.js';
import type { CanonicalItem, Connector, ItemType, SourceRecord } from '../connectors/types.js';
import type { SyncItemReason, SyncListItem } from '../generated/prisma/client.js';
import type { PageItem } from './selection.js';
import { changedFields, contentHash, mappedFields, readFieldValues } from './fields.js';
import type { Outcome } from './types.js';

export interface ItemContext {
  item: PageItem;
  /** The source record, or undefined when the source no longer has it. */
  record: SourceRecord | undefined;
  target: Connector | null;
  /** Write whatever the item's mode (a FULL run). */
  force: boolean;
  /** Engine-level attempts for transient failures (each attempt already has the connector's own retries). */
  maxAttempts: number;
  backoffMs: (attempt: number) => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Directions the connectors support (issue 5): products both ways, inventory NS→Shopify, orders Shopify→NS. */
export function supportedDirection(type: ItemType, source: string, target: string): boolean {
  if (source === target) return false;
  if (type === 'product') return true;
  if (type === 'inventory') return source === 'netsuite' && target === 'shopify';
  return source === 'shopify' && target === 'netsuite';
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Whether an item must be written (DESIGN §5 step 3), without writing: the engine claims only these. */
export function needsWrite(item: Pick<SyncListItem, 'syncMode' | 'contentHash' | 'targetId'>, record: SourceRecord, force: boolean): boolean {
  if (force || item.syncMode === 'full' || !item.contentHash || !item.targetId) return true;
  return item.contentHash !== contentHash(mappedFields(record.data));
}

/** Decides and, when needed, writes one item (DESIGN §5 steps 3–5). Never throws. */
export async function processItem(ctx: ItemContext): Promise<Outcome> {
  const started = Date.now();
  const { item } = ctx;
  const base = { itemId: item.id, sourceId: item.sourceId, changedFields: [] as string[], error: null as string | null, attempt: 1 };
  const done = (o: Partial<Outcome> & Pick<Outcome, 'action' | 'reason'>): Outcome => ({ ...base, ...o, durationMs: Date.now() - started });

  if (!ctx.target) return done({ action: 'failed', reason: 'connection_missing', error: 'the target connection is missing or disabled' });
  if (!supportedDirection(item.itemType, item.sourcePlatform, item.targetPlatform)) {
    return done({ action: 'failed', reason: 'permanent_error', error: `syncing ${item.itemType} from ${item.sourcePlatform} to ${item.targetPlatform} is not supported` });
  }
  if (!ctx.record) return done({ action: 'failed', reason: 'source_missing', error: `${item.sourcePlatform} has no record ${item.sourceId}` });

  if (ctx.record.unsyncable) return done({ action: 'failed', reason: 'permanent_error', error: ctx.record.unsyncable, sourceVersion: ctx.record.updatedAt.toISOString() });
  const data: CanonicalItem = ctx.record.data;
  const fields = mappedFields(data);
  const hash = contentHash(fields);
  const previous = readFieldValues(item.contentFields);
  const changed = changedFields(previous, fields);
  const sourceVersion = ctx.record.updatedAt.toISOString();

  let reason: SyncItemReason;
  if (ctx.force || item.syncMode === 'full') reason = 'full_mode';
  else if (!item.contentHash || !item.targetId) reason = 'never_synced';
  else if (item.contentHash !== hash) reason = 'changed_fields';
  else return done({ action: 'skipped', reason: 'unchanged', sourceVersion });

  const written = { contentHash: hash, contentFields: fields, sourceVersion, changedFields: reason === 'never_synced' ? [] : changed };
  const sleep = ctx.sleep ?? realSleep;
  const target = ctx.target;
  const key = { syncListId: item.id, sourceId: item.sourceId, sku: 'sku' in data ? data.sku : undefined };
  for (let attempt = 1; ; attempt++) {
    try {
      if (!item.targetId) {
        const targetId = await target.create(item.itemType, data as never, key);
        return done({ action: 'created', reason, targetId, attempt, ...written });
      }
      try {
        await target.update(item.itemType, item.targetId, data as never);
        return done({ action: 'updated', reason, attempt, ...written });
      } catch (err) {
        if (!(err instanceof ConnectorError) || err.kind !== 'not_found') throw err;
        // The target record is gone: clear target_id and go through the create path once.
        const targetId = await target.create(item.itemType, data as never, key);
        return done({ action: 'created', reason: 'target_missing', targetId, attempt, ...written });
      }
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const transient = err instanceof ConnectorError ? err.kind === 'transient' : false;
      if (transient && attempt < ctx.maxAttempts) {
        await sleep(ctx.backoffMs(attempt));
        continue;
      }
      return done({
        action: 'failed',
        reason: transient ? 'transient_error' : 'permanent_error',
        error,
        attempt,
        sourceVersion,
        nextAttemptAt: transient ? new Date(Date.now() + retryDelayMs(item.attempts + 1)) : null,
      });
    }
  }
}

/** Backoff between runs for an item whose transient failures outlasted a run's retries. */
export function retryDelayMs(attempts: number): number {
  return Math.min(6 * 60 * 60_000, 60_000 * 2 ** Math.min(attempts - 1, 12));
}
