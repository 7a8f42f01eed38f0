import type { SyncHistory, SyncListItem } from '../generated/prisma/client.js';

export type SyncProgressKind = 'started' | 'item' | 'finished';

export interface SyncProgressEvent {
  userId: string;
  syncHistoryId: string;
  kind: SyncProgressKind;
  syncListItemId: string | null;
  action: 'created' | 'updated' | 'skipped' | 'failed' | null;
  error: string | null;
  processed: number;
  total: number;
  /** The run row as committed when the event was published (STARTED, FINISHED). */
  run: SyncHistory | null;
}

export interface SyncListItemUpdatedEvent {
  userId: string;
  item: SyncListItem;
}

/** Every event, declared once (CONVENTIONS 6). Published after the commit it describes. */
export interface EventMap {
  syncProgress: SyncProgressEvent;
  syncListItemUpdated: SyncListItemUpdatedEvent;
}
