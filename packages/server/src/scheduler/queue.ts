import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { Database } from '../db/database.js';
import { SERVICE_ROLE } from '../db/database.js';
import type { Logger } from '../logger.js';

export const SCHEDULED_QUEUE = 'synclane-scheduled-sync';
export const SCHEDULED_DEAD_QUEUE = 'synclane-scheduled-sync-dead';
const SCHEMA = 'pgboss';
// Any constant shared by every instance.
const QUEUE_SETUP_LOCK = 7_412_990_312;

export interface UserBatchJob {
  systemId: string;
  userRunId: string;
  userId: string;
  batch: number;
  idFrom: string | null;
  idTo: string | null;
}

export interface QueueOptions {
  db: Database;
  logger: Logger;
  /** A job's expiry: longer than an item claim, so a live worker never loses its job. */
  expireInSeconds: number;
  retryLimit: number;
  /** How often expired jobs are noticed (pg-boss maintenance). */
  maintenanceIntervalSeconds: number;
}

/**
 * pg-boss on the application's own pool and database, so the embedded default needs
 * nothing more; jobs are enqueued inside the transaction that counts them.
 */
export class JobQueue {
  readonly boss: PgBoss;

  constructor(private readonly o: QueueOptions) {
    const pool = o.db.pool;
    this.boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values as unknown[]) },
      schema: SCHEMA,
      supervise: true,
      schedule: false,
      migrate: true,
      maintenanceIntervalSeconds: o.maintenanceIntervalSeconds,
    });
    this.boss.on('error', (err: Error) => o.logger.warn({ err: err.message }, 'job queue error'));
  }

  async start(): Promise<void> {
    await this.boss.start();
    for (let attempt = 1; ; attempt++) {
      try {
        await this.setUpQueues();
        return;
      } catch (err) {
        // Instances starting together on a fresh database can still trip over each other.
        if (attempt >= 5 || !/deadlock|already exists|duplicate key|could not serialize/i.test(String(err))) throw err;
        this.o.logger.warn({ err: String(err), attempt }, 'job queue start raced another instance; retrying');
        await new Promise((r) => setTimeout(r, 200 * attempt + Math.random() * 200));
      }
    }
  }

  private async setUpQueues(): Promise<void> {
    // Queue creation and grants run one instance at a time: concurrent GRANT ... ON ALL
    // TABLES from two starting instances deadlocked (seen in CI).
    const client = await this.o.db.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [QUEUE_SETUP_LOCK]);
      const options = { retryLimit: this.o.retryLimit, retryDelay: 0, expireInSeconds: this.o.expireInSeconds, deadLetter: SCHEDULED_DEAD_QUEUE };
      for (const [name, opts] of [[SCHEDULED_DEAD_QUEUE, { retryLimit: 2 }], [SCHEDULED_QUEUE, options]] as const) {
        if (!(await this.boss.getQueue(name))) await this.boss.createQueue(name, { name, ...opts });
      }
      // The tick enqueues as the service role (it counts the rows it creates in one transaction).
      await client.query(`GRANT USAGE ON SCHEMA ${SCHEMA} TO ${SERVICE_ROLE}; GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${SCHEMA} TO ${SERVICE_ROLE}; GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${SCHEMA} TO ${SERVICE_ROLE}`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [QUEUE_SETUP_LOCK]).catch(() => undefined);
      client.release();
    }
  }

  /** Inserts jobs with the caller's client, inside its transaction. */
  async enqueue(client: pg.PoolClient, jobs: UserBatchJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.boss.insert(
      jobs.map((data) => ({
        name: SCHEDULED_QUEUE,
        data,
        // Batch 0 of every user before batch 1 of anyone: a large user cannot starve the others.
        priority: Math.max(0, 1000 - data.batch),
        retryLimit: this.o.retryLimit,
        expireInSeconds: this.o.expireInSeconds,
        deadLetter: SCHEDULED_DEAD_QUEUE,
      })),
      { db: { executeSql: (text: string, values: unknown[]) => client.query(text, values as unknown[]) } },
    );
  }

  async work(concurrency: number, handler: (job: UserBatchJob, retry: number) => Promise<void>, onDead: (job: UserBatchJob) => Promise<void>): Promise<void> {
    for (let i = 0; i < concurrency; i++) {
      let workerId = '';
      workerId = await this.boss.work<UserBatchJob>(SCHEDULED_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true, priority: true }, async ([job]) => {
        if (!job) return;
        await handler(job.data, job.retryCount);
        // pg-boss waits out the polling interval after every job; while jobs remain, fetch
        // the next at once (measured: 2 jobs/s per worker otherwise, for 0.2 s jobs).
        if (workerId) this.boss.notifyWorker(workerId);
      });
    }
    await this.boss.work<UserBatchJob>(SCHEDULED_DEAD_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
      if (job) await onDead(job.data);
    });
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 }).catch((err: unknown) => this.o.logger.warn({ err }, 'job queue stop failed'));
  }
}
