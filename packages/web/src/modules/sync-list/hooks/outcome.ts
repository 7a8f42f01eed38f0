import type { SyncListQuery } from '../../../gql/graphql';
import type { Tone } from '../../../ui/Notice';
import { humanize } from '../../sync-runs/hooks/labels';

export type SyncListRowItem = SyncListQuery['syncList']['edges'][number]['node'];

export interface Outcome {
  tone: Tone | 'neutral';
  text: string;
  canRetry: boolean;
}

/**
 * One line that answers "what happened to this item last time, and why":
 * "skipped: unchanged", "updated: price, title", "created: never synced", "failed: <error>".
 */
export function describeOutcome(item: Pick<SyncListRowItem, 'lastResult' | 'lastSyncStatus' | 'errorMessage'>): Outcome {
  const result = item.lastResult;
  if (!result) {
    if (item.lastSyncStatus === 'FAILED') return { tone: 'danger', text: `failed: ${item.errorMessage ?? 'unknown error'}`, canRetry: true };
    if (item.lastSyncStatus === 'SUCCESS') return { tone: 'success', text: 'synced', canRetry: false };
    return { tone: 'neutral', text: 'not synced yet', canRetry: false };
  }
  const action = humanize(result.action);
  switch (result.action) {
    case 'FAILED':
      return { tone: 'danger', text: `failed: ${result.error ?? item.errorMessage ?? humanize(result.reason)}`, canRetry: true };
    case 'SKIPPED':
      return { tone: result.reason === 'UNCHANGED' ? 'neutral' : 'warning', text: `skipped: ${humanize(result.reason)}`, canRetry: result.reason !== 'UNCHANGED' };
    default: {
      const detail = result.changedFields.length > 0 ? result.changedFields.join(', ') : humanize(result.reason);
      return { tone: result.action === 'CREATED' ? 'success' : 'info', text: `${action}: ${detail}`, canRetry: false };
    }
  }
}

export interface ItemMetadata {
  name: string | null;
  sku: string | null;
  price: number | string | null;
}

/** Metadata is free-form JSON: read the seed's name, SKU and price when they are there. */
export function readMetadata(metadata: unknown): ItemMetadata {
  const record = typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
  const price = record.price;
  return {
    name: text(record.name),
    sku: text(record.sku),
    price: typeof price === 'number' || (typeof price === 'string' && price) ? price : null,
  };
}
