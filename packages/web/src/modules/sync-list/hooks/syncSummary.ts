import type { ResultFieldsFragment } from '../../../gql/graphql';
import { humanize } from '../../sync-runs/hooks/labels';

/** "Sync completed: 3 processed — 1 created, 1 updated, 1 skipped, 0 failed." */
export function summarizeSyncResult(result: ResultFieldsFragment): string {
  if (result.status === 'RUNNING') return 'Sync started.';
  const counts = `${result.itemsCreated} created, ${result.itemsUpdated} updated, ${result.itemsSkipped} skipped, ${result.itemsFailed} failed`;
  return `Sync ${humanize(result.status)}: ${result.itemsProcessed} processed — ${counts}.`;
}
