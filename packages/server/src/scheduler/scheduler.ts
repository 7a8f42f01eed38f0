import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../logger.js';
import type { CronJob } from './jobs/types.js';

/** node-cron in-process; each tick calls its job with the scheduled instant. */
export class Scheduler {
  private readonly tasks: ScheduledTask[] = [];

  constructor(private readonly logger: Logger, private readonly timezone: string) {}

  start(jobs: CronJob[]): void {
    for (const job of jobs) {
      if (job.schedule === 'off') {
        this.logger.info({ job: job.name }, 'cron job is off');
        continue;
      }
      const task = cron.schedule(
        job.schedule,
        async (ctx) => {
          const started = Date.now();
          try {
            await job.run(ctx.date);
            this.logger.debug({ job: job.name, ms: Date.now() - started }, 'cron job ran');
          } catch (err) {
            this.logger.error({ err, job: job.name }, 'cron job failed');
          }
        },
        { timezone: this.timezone, name: job.name, noOverlap: true },
      );
      this.tasks.push(task);
    }
  }

  async stop(): Promise<void> {
    for (const t of this.tasks) await t.stop();
    this.tasks.length = 0;
  }
}
