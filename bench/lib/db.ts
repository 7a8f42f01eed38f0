import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEmbeddedPostgres } from '../../packages/server/src/db/embedded.js';
import { runMigrations } from '../../packages/server/src/db/migrate.js';

// `pg` is a dependency of the server package, not of the root: load it from there.
const requireServer = createRequire(new URL('../../packages/server/package.json', import.meta.url));

interface PgClient {
  connect(): Promise<void>;
  query(sql: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
  end(): Promise<void>;
}
interface PgModule {
  Client: (new (options: { connectionString: string }) => PgClient) & { prototype: { query: (...args: unknown[]) => unknown } };
  escapeIdentifier(name: string): string;
}
const pg = requireServer('pg') as PgModule;

/** SQL statements sent by every pg client of this process (the runtime's pool included), since start, and by shape. */
export const sqlStatements = { count: 0, byShape: new Map<string, { count: number; ms: number }>() };

/** A statement's shape: its first words, literals and parameters folded. */
function shapeOf(sql: string): string {
  return sql.replace(/\s+/g, ' ').replace(/\$\d+/g, '?').replace(/'[^']*'/g, "'…'").trim().slice(0, 90);
}
let counting = false;

/** Counts statements at the driver: pg.Client.prototype.query is wrapped once (the pool's clients are pg.Client). */
export function countStatements(): void {
  if (counting) return;
  counting = true;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    sqlStatements.count += 1;
    const first = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: unknown } | null)?.text;
    const shape = typeof text === 'string' ? shapeOf(text) : '(other)';
    const entry = sqlStatements.byShape.get(shape) ?? { count: 0, ms: 0 };
    entry.count += 1;
    sqlStatements.byShape.set(shape, entry);
    const started = performance.now();
    const out = original.apply(this, args);
    // Promise-style calls (Prisma's adapter, the limiters) are timed to their answer.
    if (out && typeof (out as Promise<unknown>).then === 'function') {
      (out as Promise<unknown>).then(
        () => (entry.ms += performance.now() - started),
        () => (entry.ms += performance.now() - started),
      );
    }
    return out;
  };
}

export interface ActivitySample {
  /** Backends of the bench database by what they were doing. */
  lockWait: number;
  ioWait: number;
  lwlock: number;
  activeOnCpu: number;
  idleInTransaction: number;
  otherWait: number;
}

/**
 * Samples pg_stat_activity of one database every `everyMs` on its own connection: tells time
 * waiting on row locks (a hot row) from time on WAL flushes, CPU, or the client (idle in transaction).
 */
export async function watchActivity(url: string, everyMs = 20): Promise<{ stop(): Promise<{ samples: number; totals: ActivitySample }> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const totals: ActivitySample = { lockWait: 0, ioWait: 0, lwlock: 0, activeOnCpu: 0, idleInTransaction: 0, otherWait: 0 };
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query(
        `SELECT state, wait_event_type FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
      );
      samples += 1;
      for (const r of rows) {
        const state = r.state as string | null;
        const wait = r.wait_event_type as string | null;
        if (state === 'idle in transaction') totals.idleInTransaction += 1;
        else if (state !== 'active') continue;
        else if (wait === 'Lock') totals.lockWait += 1;
        else if (wait === 'IO') totals.ioWait += 1;
        else if (wait === 'LWLock') totals.lwlock += 1;
        else if (!wait) totals.activeOnCpu += 1;
        else totals.otherWait += 1;
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop.catch(() => undefined);
      await client.end();
      return { samples, totals };
    },
  };
}

export interface BenchDatabase {
  /** The fresh, migrated database the runtime uses. */
  url: string;
  /** "embedded" or "DATABASE_URL". */
  kind: string;
  setupMs: number;
  /** Drops the database (and stops the embedded cluster, removing its files). */
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one benchmark: created in DATABASE_URL's server when set, else in an
 * embedded PostgreSQL started in a temp dir; migrated; dropped at the end.
 */
export async function benchDatabase(): Promise<BenchDatabase> {
  const started = performance.now();
  let adminUrl = process.env.DATABASE_URL;
  let stopCluster: (() => Promise<void>) | undefined;
  let tempDir: string | undefined;
  if (!adminUrl) {
    tempDir = await mkdtemp(join(tmpdir(), 'synclane-bench-pg-'));
    // As root, postgres runs as the "postgres" OS user, which must traverse this dir.
    await chmod(tempDir, 0o755);
    const cluster = await startEmbeddedPostgres({ dataDir: join(tempDir, 'data') });
    adminUrl = cluster.url;
    stopCluster = () => cluster.stop();
  }
  const name = `synclane_bench_${randomBytes(4).toString('hex')}`;
  const adminAt = adminUrl;
  let dropping: Promise<void> | undefined;
  const drop = () =>
    (dropping ??= (async () => {
      try {
        await admin(adminAt, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await stopCluster?.();
        if (tempDir) await rm(tempDir, { recursive: true, force: true });
      }
    })());
  try {
    await admin(adminAt, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    const url = withDatabase(adminAt, name);
    await runMigrations(url);
    return { url, kind: stopCluster ? 'embedded PostgreSQL (temp dir)' : 'DATABASE_URL (fresh database)', setupMs: performance.now() - started, drop };
  } catch (err) {
    await drop().catch(() => undefined);
    throw err;
  }
}
