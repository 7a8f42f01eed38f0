import type { Actor } from '../auth/actor.js';
import type { ItemType, SyncItemAction, SyncItemReason, SyncTrigger, SyncType } from '../generated/prisma/client.js';

export interface IdRange {
  from: string | null;
  to: string | null;
}

export interface RunSyncOptions {
  actor: Actor;
  /** The user whose items run (defaults to the actor's). */
  userId?: string;
  syncListIds?: string[] | null;
  itemType?: ItemType | null;
  /** Write every selected item whatever its mode. */
  force?: boolean;
  syncType: SyncType;
  trigger: SyncTrigger;
  /** A scheduled run's system row this user row belongs to. */
  parentId?: string | null;
  /** Add to an existing user row instead of opening one (a batch of a large user's scheduled run). */
  historyId?: string;
  /** A batch of a large user's items: ids in [from, to) (either end open when null). */
  idRange?: IdRange | null;
  /** Leave the run row open (its owner closes it when its last batch finishes). */
  keepOpen?: boolean;
}

/** The seed's delta-sync response, plus itemsSkipped (DESIGN §5). */
export interface SyncResult {
  syncHistoryId: string;
  status: 'running' | 'completed' | 'failed' | 'partial_success';
  itemsProcessed: number;
  itemsCreated: number;
  itemsUpdated: number;
  itemsFailed: number;
  itemsSkipped: number;
  duration: number;
  errors: Array<{ itemId: string; error: string; sourceId?: string }>;
}

export interface Outcome {
  itemId: string;
  sourceId: string;
  action: SyncItemAction;
  reason: SyncItemReason;
  changedFields: string[];
  error: string | null;
  attempt: number;
  durationMs: number;
  /** Set when the item was written (or its target found gone). */
  targetId?: string | null;
  contentHash?: string;
  contentFields?: Record<string, string>;
  sourceVersion?: string;
  /** Transient failures: when a delta run may try again. */
  nextAttemptAt?: Date | null;
}
