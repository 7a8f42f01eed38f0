import type { Database } from '../../db/database.js';
import type { Logger } from '../../logger.js';
import type { CronJob } from './types.js';

/** Deletes finished history older than the retention (its per-item rows go with it). Idempotent, so every instance may run it. */
export async function pruneHistory(db: Database, retentionDays: number): Promise<number> {
  return db.asService((tx) =>
    tx.$executeRaw`DELETE FROM sync_history WHERE status <> 'running' AND created_at < now() - make_interval(days => ${retentionDays})`,
  );
}

export function pruneHistoryJob(db: Database, retentionDays: number, logger: Logger): CronJob {
  return {
    name: 'prune-history',
    schedule: '17 3 * * *',
    async run() {
      const n = await pruneHistory(db, retentionDays);
      if (n) logger.info({ deleted: n, retentionDays }, 'pruned sync history');
    },
  };
}
