import type { Connector, ItemType } from '../../packages/server/src/connectors/types.js';

export interface NaiveItem {
  id: string;
  itemType: ItemType;
  sourceId: string;
  targetId: string | null;
  lastSyncedAt: Date | null;
}

export interface NaiveResult {
  items: number;
  reads: number;
  writes: number;
  failed: number;
  wallMs: number;
}

/**
 * The seed's edge function, as a baseline: for each item in turn, read the source record by
 * id with one request, and write it to the target when its timestamp moved past the item's
 * last sync. No batching, no concurrency, no content hash. It keeps no state of its own (the
 * seed would also update the row per written item: left out, which only flatters it).
 */
export async function naiveSync(items: NaiveItem[], source: Connector, target: Connector): Promise<NaiveResult> {
  const started = performance.now();
  let reads = 0;
  let writes = 0;
  let failed = 0;
  for (const item of items) {
    try {
      reads += 1;
      const record = (await source.readMany(item.itemType, [item.sourceId])).get(item.sourceId);
      if (!record || !item.targetId) {
        failed += 1;
        continue;
      }
      if (!item.lastSyncedAt || record.updatedAt.getTime() > item.lastSyncedAt.getTime()) {
        writes += 1;
        await target.update(item.itemType, item.targetId, record.data as never);
      }
    } catch {
      failed += 1;
    }
  }
  return { items: items.length, reads, writes, failed, wallMs: performance.now() - started };
}
