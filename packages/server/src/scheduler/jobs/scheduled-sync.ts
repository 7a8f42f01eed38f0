import type { ScheduledSyncService } from '../scheduled-sync.js';
import { slotOf, type CronJob } from './types.js';

export function scheduledSyncJob(service: ScheduledSyncService, schedule: string): CronJob {
  return {
    name: 'scheduled-sync',
    schedule,
    async run(at) {
      await service.tick(slotOf('cron', at), 'schedule');
    },
  };
}
