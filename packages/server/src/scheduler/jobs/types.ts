/** A cron job as a small object (CONVENTIONS 8): the scheduler wires node-cron and logging around it. */
export interface CronJob {
  name: string;
  /** A cron expression, or "off". */
  schedule: string;
  /** `at` is the scheduled instant of this tick (not the wall clock when it fired). */
  run(at: Date): Promise<void>;
}

/** The slot a tick stands for: its scheduled minute, so instances ticking a few seconds apart agree. */
export function slotOf(name: string, at: Date): string {
  const minute = Math.round(at.getTime() / 60_000) * 60_000;
  return `${name}:${new Date(minute).toISOString()}`;
}
