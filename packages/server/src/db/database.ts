import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client.js';

export const APP_ROLE = 'synclane_app';
export const SERVICE_ROLE = 'synclane_service';

export type Tx = Prisma.TransactionClient;

export interface DatabaseOptions {
  connectionString: string;
  /** Pool size; the default suits a 2-core machine. */
  max?: number;
  /** Called for every SQL statement Prisma runs (tests count queries with it). */
  onQuery?: (sql: string) => void;
}

/** Test-only: run user transactions without RLS, to prove the API's own filter holds alone. */
export const rlsSwitch = { enabled: true };

const TX_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;

/**
 * The only door to the database. `asUser` runs a short transaction as the application
 * role (no BYPASSRLS) with `app.user_id` set, so RLS holds even when the pool connects
 * as a superuser; `asService` runs as the service role, which sees every row.
 */
export class Database {
  readonly pool: pg.Pool;
  readonly prisma: PrismaClient;

  constructor(options: DatabaseOptions) {
    this.pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
    // An idle client that errors (server restart) must not crash the process.
    this.pool.on('error', () => undefined);
    const adapter = new PrismaPg(this.pool);
    this.prisma = new PrismaClient({
      adapter,
      log: options.onQuery ? [{ emit: 'event', level: 'query' }] : [],
    });
    if (options.onQuery) {
      const onQuery = options.onQuery;
      (this.prisma as unknown as { $on(e: 'query', cb: (ev: { query: string }) => void): void }).$on('query', (ev) => onQuery(ev.query));
    }
  }

  /**
   * `bookkeeping`: the sync engine's own records (outcomes, counters, claims), which a crash
   * may lose without harm (target writes are idempotent, claims expire): their commit does
   * not wait for the disk flush. Visibility to other sessions is unchanged.
   */
  asUser<T>(userId: string, fn: (tx: Tx) => Promise<T>, opts: { bookkeeping?: boolean } = {}): Promise<T> {
    return this.prisma.$transaction(async (tx) => {
      // One round trip: role, user id (and commit mode), all transaction-local.
      const role = rlsSwitch.enabled ? APP_ROLE : SERVICE_ROLE;
      const commit = opts.bookkeeping ? 'off' : 'on';
      await tx.$executeRaw`SELECT set_config('role', ${role}, true), set_config('app.user_id', ${userId}, true), set_config('synchronous_commit', ${commit}, true)`;
      return fn(tx);
    }, TX_OPTIONS);
  }

  asService<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('role', ${SERVICE_ROLE}, true), set_config('app.user_id', '', true)`;
      return fn(tx);
    }, TX_OPTIONS);
  }

  /**
   * A client whose every operation runs in its own RLS-scoped transaction for this user
   * (Prisma's batch-transaction RLS pattern). Pothos' prisma plugin uses it for the
   * relations it loads on its own.
   */
  userClient(userId: string): PrismaClient {
    const prisma = this.prisma;
    return prisma.$extends({
      query: {
        $allModels: {
          async $allOperations({ args, query }) {
            const [, result] = await prisma.$transaction([
              prisma.$executeRaw`SELECT set_config('role', ${APP_ROLE}, true), set_config('app.user_id', ${userId}, true)`,
              query(args),
            ]);
            return result;
          },
        },
      },
    }) as unknown as PrismaClient;
  }

  /**
   * A raw pg client in a service-role transaction, for libraries that take a `db` adapter
   * (the job queue enqueues inside the same transaction as the rows it counts).
   */
  async withServiceClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('role', $1, true), set_config('app.user_id', '', true)`, [SERVICE_ROLE]);
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.prisma.$disconnect();
    await this.pool.end().catch(() => undefined);
  }
}
