// `pnpm bench scheduled` (issue 7): one scheduled run over 1,000 users × 100 items with 1 %
// changed, against whole server processes (src/main.ts) sharing one database and job queue:
// once with one instance (per worker concurrency), once with two. Prints a table and writes
// bench/results/scheduled-<timestamp>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_ACTOR } from '../packages/server/src/auth/actor.js';
import { signToken } from '../packages/server/src/auth/tokens.js';
import { machineBusyMs, postgresCpuMs } from './lib/cpu.js';
import { benchDatabase, countStatements, sqlStatements, watchActivity, type BenchDatabase } from './lib/db.js';
import { FetchMeter, PhaseMeter } from './lib/meter.js';
import { startBenchRuntime, type BenchRuntime } from './lib/runtime.js';
import { benchPool, type PgPool } from './lib/scheduled-pg.js';
import { BENCH_JWT_SECRET, postGraphql, startServerInstance, type ServerInstance } from './lib/scheduled-instance.js';
import { advanceNetSuiteClock, changeItems, NS_ACCOUNT, seedScheduled, setCursors, TIME_ZONE, type SeedResult } from './lib/scheduled-seed.js';
import { SimHost, type RemoteNetSuite, type RemoteShopify } from './lib/sims.js';
import { mb, ms, n, renderTable, type Row, type Verdict } from './lib/table.js';

const here = dirname(fileURLToPath(import.meta.url));
const log = (m: string) => process.stderr.write(`[bench scheduled] ${m}\n`);
const DAY = 86_400_000;
const HOUR = 3_600_000;

const TARGET = { wallMs: 60_000, rssBytes: 400 * 1024 * 1024 };

interface Options {
  users: number;
  perUser: number;
  changedPercent: number;
  /** SYNC_WORKER_CONCURRENCY values tried with one instance. */
  concurrency: number[];
  /** Users run one by one in-process afterwards, with SQL statements, requests and engine steps counted (0: none). */
  diagUsers: number;
  /** Also run two instances at every concurrency (default: only the best one-instance value). */
  twoAtEach: boolean;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { users: 1000, perUser: 100, changedPercent: 1, concurrency: [2, 4], diagUsers: 20, twoAtEach: false };
  for (const arg of argv) {
    const m = /^--([a-z-]+)=(.+)$/.exec(arg);
    const num = m ? Number(m[2]) : NaN;
    if (m?.[1] === 'users' && num >= 1) o.users = Math.floor(num);
    else if (m?.[1] === 'per-user' && num >= 1) o.perUser = Math.floor(num);
    else if (m?.[1] === 'changed-percent' && num > 0 && num <= 100) o.changedPercent = num;
    else if (m?.[1] === 'concurrency') o.concurrency = (m[2] as string).split(',').map(Number).filter((c) => Number.isInteger(c) && c > 0);
    else if (m?.[1] === 'diag-users' && num >= 0) o.diagUsers = Math.floor(num);
    else if (m?.[1] === 'two-at-each') o.twoAtEach = m[2] === 'true';
    else throw new Error(`bench scheduled: bad argument ${arg}; options: --users=N --per-user=N --changed-percent=P --concurrency=2,4 --diag-users=N --two-at-each=true|false`);
  }
  if (o.concurrency.length === 0) throw new Error('bench scheduled: --concurrency needs at least one positive integer');
  return o;
}

// ---- one measured run -----------------------------------------------------------------------

interface RoundFigures {
  label: string;
  instances: number;
  workerConcurrency: number;
  wallMs: number;
  answeredBy: 'mutation' | 'database';
  answer: Record<string, unknown> | null;
  system: { status: string; itemsTotal: number; processed: number; created: number; updated: number; skipped: number; failed: number; durationMs: number };
  itemsPerSecond: number;
  changed: number;
  source: { requests: number; operations: Record<string, number> };
  target: { requests: number; operations: Record<string, number> };
  peakRssBytes: number[];
  cpuMs: { servers: number[]; simulators: number | null; postgres: number | null; machine: number | null; cores: number; loadAverage1m: number };
  userRuns: { count: number; p50Ms: number; p95Ms: number; maxMs: number; sumMs: number; byInstance: Record<string, number>; firstStartToLastFinishMs: number; statuses: Record<string, number> };
  /** The queue jobs (one per user) from pg-boss's table: time from start to completion. */
  jobs: { count: number; p50Ms: number; p95Ms: number; maxMs: number; sumMs: number };
  historyItems: Record<string, number>;
  postgres: { transactions: number; tuplesInserted: number; tuplesUpdated: number; tuplesFetched: number; tuplesReturned: number; activity: Record<string, number> };
  errors: string[];
}

interface Ctx {
  o: Options;
  database: BenchDatabase;
  pool: PgPool;
  host: SimHost;
  ns: RemoteNetSuite;
  shop: RemoteShopify;
  seed: SeedResult;
  round: number;
}

const SCHEDULED = 'mutation($slot: String) { runScheduledSync(slot: $slot) { syncHistoryId totalUsers totalItems itemsProcessed itemsSucceeded itemsFailed duration } }';

async function pgStats(pool: PgPool): Promise<Record<string, number>> {
  const { rows } = await pool.query<Record<string, string>>(
    `SELECT xact_commit + xact_rollback AS tx, tup_inserted, tup_updated, tup_fetched, tup_returned FROM pg_stat_database WHERE datname = current_database()`,
  );
  const r = rows[0] ?? {};
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)]));
}

/** Shopify counts operations (root fields); an update sends productUpdate + productVariantsBulkUpdate in one request. */
const shopifyRequests = (ops: Record<string, number>) =>
  Object.entries(ops).reduce((sum, [k, v]) => (k === 'productVariantsBulkUpdate' ? sum : sum + v), 0) + Math.max(0, (ops.productVariantsBulkUpdate ?? 0) - (ops.productUpdate ?? 0));

const pct = (sorted: number[], p: number) => (sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number) : 0);

/** Prepares the next round's state: clock hours ahead, cursors after the last round, fresh changes. */
async function prepareRound(c: Ctx): Promise<number[]> {
  c.round += 1;
  let cursorAt: Date;
  if (c.round === 1) cursorAt = new Date(Date.now() - DAY);
  else {
    // The last round's changes fall before the connector's one-hour overlap of the new cursor.
    const now = await advanceNetSuiteClock(c.ns, 3 * HOUR);
    cursorAt = new Date(now.getTime() - 1.5 * HOUR);
  }
  await setCursors(c.pool, c.seed.users, cursorAt);
  await c.pool.query('VACUUM ANALYZE');
  const count = Math.round((c.o.users * c.o.perUser * c.o.changedPercent) / 100);
  return changeItems(c.ns, c.seed, c.o.perUser, count, c.round);
}

async function measureRound(c: Ctx, instances: number, workerConcurrency: number): Promise<RoundFigures> {
  const label = `${instances} instance${instances > 1 ? 's' : ''}, ${workerConcurrency} workers each`;
  log(`--- ${label}: starting ${instances} server process(es)`);
  const servers: ServerInstance[] = await Promise.all(
    Array.from({ length: instances }, () => startServerInstance(c.database.url, { SYNC_WORKER_CONCURRENCY: String(workerConcurrency) })),
  );
  try {
    const changedIds = await prepareRound(c);
    await Promise.all([c.ns.resetCounters(), c.shop.resetCounters()]);
    const before = await pgStats(c.pool);
    const cpu0 = { servers: servers.map((s) => s.cpuMs() ?? 0), sims: c.host.cpuMs(), pg: postgresCpuMs(), machine: machineBusyMs() };
    const activity = await watchActivity(c.database.url, 50);
    const token = await signToken(BENCH_JWT_SECRET, { role: 'service_role' }, '6h');
    const slot = `bench-round-${c.round}`;
    let systemId: string | null = null;
    let dbClosedAt: number | null = null;
    const started = performance.now();
    const answer = postGraphql<{ runScheduledSync: Record<string, unknown> }>((servers[0] as ServerInstance).url, token, SCHEDULED, { slot }).then(
      (r) => ({ ok: true as const, at: performance.now(), r }),
      (err: unknown) => ({ ok: false as const, at: performance.now(), err }),
    );
    // Watch the system row too: the answer could be lost (a proxy or server timeout on a slow run).
    let answered = false;
    void answer.then(() => (answered = true));
    while (!answered && dbClosedAt === null) {
      await new Promise((r) => setTimeout(r, 250));
      const { rows } = await c.pool.query<{ id: string; status: string }>(`SELECT id, status FROM sync_history WHERE schedule_slot = $1`, [`api:${slot}`]);
      if (rows[0]) {
        systemId = rows[0].id;
        if (rows[0].status !== 'running') dbClosedAt = performance.now();
      }
    }
    const got = await Promise.race([answer, new Promise<null>((r) => setTimeout(() => r(null), 5_000))]);
    let wallMs: number;
    let answeredBy: RoundFigures['answeredBy'] = 'mutation';
    let answerData: Record<string, unknown> | null = null;
    const errors: string[] = [];
    if (got && got.ok && got.r.body.data?.runScheduledSync) {
      wallMs = got.at - started;
      answerData = got.r.body.data.runScheduledSync;
      systemId = String(answerData.syncHistoryId);
    } else {
      answeredBy = 'database';
      wallMs = (dbClosedAt ?? performance.now()) - started;
      errors.push(`the mutation did not answer: ${got ? (got.ok ? JSON.stringify(got.r.body).slice(0, 500) : String(got.err)) : 'no answer 5 s after the system row closed'}`);
    }
    const peakRssBytes = servers.map((s) => s.peakRssBytes() ?? 0);
    const cpuServers = servers.map((s, i) => Math.round((s.cpuMs() ?? 0) - (cpu0.servers[i] ?? 0)));
    const simsNow = c.host.cpuMs();
    const pgNow = postgresCpuMs();
    const machineNow = machineBusyMs();
    const watched = await activity.stop();
    const after = await pgStats(c.pool);
    const [nsOps, shopOps] = await Promise.all([c.ns.counters(), c.shop.counters()]);
    if (!systemId) throw new Error(`no system row for slot ${slot}`);

    const sys = (
      await c.pool.query<Record<string, unknown>>(
        `SELECT status, items_total, items_processed, items_created, items_updated, items_skipped, items_failed, duration_ms FROM sync_history WHERE id = $1`,
        [systemId],
      )
    ).rows[0] as Record<string, unknown>;
    const users = (
      await c.pool.query<{ duration_ms: number | null; instance_id: string | null; status: string; started_at: Date; finished_at: Date | null; metadata: { errors?: string[] } }>(
        `SELECT duration_ms, instance_id, status, started_at, finished_at, metadata FROM sync_history WHERE parent_id = $1`,
        [systemId],
      )
    ).rows;
    const durations = users.map((u) => u.duration_ms ?? 0).sort((a, b) => a - b);
    const byInstance: Record<string, number> = {};
    const statuses: Record<string, number> = {};
    for (const u of users) {
      const key = (u.instance_id ?? '?').replace(/^[^:]*:/, 'pid ');
      byInstance[key] = (byInstance[key] ?? 0) + 1;
      statuses[u.status] = (statuses[u.status] ?? 0) + 1;
      for (const e of u.metadata?.errors ?? []) if (errors.length < 10) errors.push(e);
    }
    const starts = users.map((u) => new Date(u.started_at).getTime());
    const ends = users.map((u) => (u.finished_at ? new Date(u.finished_at).getTime() : 0));
    const hist = await c.pool.query<{ action: string; reason: string; n: number }>(
      `SELECT h.action::text, h.reason::text, count(*)::int AS n FROM sync_history_items h JOIN sync_history r ON r.id = h.history_id WHERE r.parent_id = $1 GROUP BY 1, 2`,
      [systemId],
    );
    // The user rows open at the tick, so their duration includes the wait in the queue; the jobs' own times do not.
    const jobs = (
      await c.pool.query<{ ms: number }>(
        `SELECT (extract(epoch FROM (completed_on - started_on)) * 1000)::int AS ms FROM pgboss.job WHERE name = 'synclane-scheduled-sync' AND data->>'systemId' = $1 AND completed_on IS NOT NULL`,
        [systemId],
      ).catch(() => ({ rows: [] as Array<{ ms: number }> }))
    ).rows.map((r) => r.ms).sort((a, b) => a - b);
    const failedRows = await c.pool.query<{ source_id: string; error: string }>(
      `SELECT h.source_id, h.error FROM sync_history_items h JOIN sync_history r ON r.id = h.history_id WHERE r.parent_id = $1 AND h.action = 'failed' LIMIT 5`,
      [systemId],
    );
    for (const f of failedRows.rows) errors.push(`${f.source_id}: ${f.error}`);
    const system = {
      status: String(sys.status),
      itemsTotal: Number(sys.items_total),
      processed: Number(sys.items_processed),
      created: Number(sys.items_created),
      updated: Number(sys.items_updated),
      skipped: Number(sys.items_skipped),
      failed: Number(sys.items_failed),
      durationMs: Number(sys.duration_ms),
    };
    const avg = (v: number) => Number((v / Math.max(1, watched.samples)).toFixed(2));
    const figures: RoundFigures = {
      label,
      instances,
      workerConcurrency,
      wallMs,
      answeredBy,
      answer: answerData,
      system,
      itemsPerSecond: system.processed / (wallMs / 1000),
      changed: changedIds.length,
      source: { requests: Object.entries(nsOps).filter(([k]) => k !== 'total').reduce((s, [, v]) => s + v, 0), operations: nsOps },
      target: { requests: shopifyRequests(shopOps), operations: shopOps },
      peakRssBytes,
      cpuMs: {
        servers: cpuServers,
        simulators: simsNow !== undefined && cpu0.sims !== undefined ? Math.round(simsNow - cpu0.sims) : null,
        postgres: pgNow !== undefined && cpu0.pg !== undefined ? Math.round(pgNow - cpu0.pg) : null,
        machine: machineNow !== undefined && cpu0.machine !== undefined ? Math.round(machineNow - cpu0.machine) : null,
        cores: os.cpus().length,
        loadAverage1m: Number(os.loadavg()[0]?.toFixed(2)),
      },
      userRuns: {
        count: users.length,
        p50Ms: pct(durations, 50),
        p95Ms: pct(durations, 95),
        maxMs: durations[durations.length - 1] ?? 0,
        sumMs: durations.reduce((s, d) => s + d, 0),
        byInstance,
        firstStartToLastFinishMs: users.length ? Math.max(...ends) - Math.min(...starts) : 0,
        statuses,
      },
      jobs: { count: jobs.length, p50Ms: pct(jobs, 50), p95Ms: pct(jobs, 95), maxMs: jobs[jobs.length - 1] ?? 0, sumMs: jobs.reduce((a, b) => a + b, 0) },
      historyItems: Object.fromEntries(hist.rows.map((r) => [`${r.action}/${r.reason}`, r.n])),
      postgres: {
        transactions: (after.tx ?? 0) - (before.tx ?? 0),
        tuplesInserted: (after.tup_inserted ?? 0) - (before.tup_inserted ?? 0),
        tuplesUpdated: (after.tup_updated ?? 0) - (before.tup_updated ?? 0),
        tuplesFetched: (after.tup_fetched ?? 0) - (before.tup_fetched ?? 0),
        tuplesReturned: (after.tup_returned ?? 0) - (before.tup_returned ?? 0),
        activity: {
          samples: watched.samples,
          lockWait: avg(watched.totals.lockWait),
          ioWait: avg(watched.totals.ioWait),
          lwlock: avg(watched.totals.lwlock),
          activeOnCpu: avg(watched.totals.activeOnCpu),
          idleInTransaction: avg(watched.totals.idleInTransaction),
          otherWait: avg(watched.totals.otherWait),
        },
      },
      errors,
    };
    log(
      `${label}: ${ms(wallMs)} (${answeredBy}); ${system.status}; processed ${n(system.processed)} (updated ${system.updated}, skipped ${n(system.skipped)}, failed ${system.failed}); ` +
        `${n(figures.itemsPerSecond)} items/s; NetSuite ${figures.source.requests} req ${JSON.stringify(nsOps)}; Shopify ≈${figures.target.requests} req ${JSON.stringify(shopOps)}; ` +
        `peak RSS ${peakRssBytes.map(mb).join(' + ')}; jobs p50 ${ms(figures.jobs.p50Ms)} p95 ${ms(figures.jobs.p95Ms)} sum ${ms(figures.jobs.sumMs)}; user rows p50 ${ms(figures.userRuns.p50Ms)} p95 ${ms(figures.userRuns.p95Ms)} max ${ms(figures.userRuns.maxMs)}, by instance ${JSON.stringify(byInstance)}; ` +
        `cpu servers ${cpuServers.map((v) => n(v)).join(' + ')} ms, sims ${figures.cpuMs.simulators ?? '?'} ms, postgres ${figures.cpuMs.postgres ?? '?'} ms, machine ${figures.cpuMs.machine ?? '?'} ms; ` +
        `pg ${n(figures.postgres.transactions)} tx, ${n(figures.postgres.tuplesInserted)} ins, ${n(figures.postgres.tuplesUpdated)} upd; activity ${JSON.stringify(figures.postgres.activity)}`,
    );
    if (errors.length) log(`  errors: ${JSON.stringify(errors.slice(0, 5))}`);
    return figures;
  } catch (err) {
    for (const s of servers) log(`server ${s.pid} output (tail):\n${s.output().slice(-3000)}`);
    throw err;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

// ---- diagnostic: a few users one by one, in-process, with everything counted -----------------

interface Diagnosis {
  users: number;
  perUserMs: { p50: number; mean: number; max: number };
  perUser: { sqlStatements: number; transactions: number; netsuiteRequests: number; netsuiteMs: number; shopifyRequests: number; shopifyMs: number };
  /** Mean latency of one request as this process saw it (the simulator's time plus loopback). */
  msPerRequest: { netsuite: number; shopify: number };
  netsuiteOperations: Record<string, number>;
  shopifyOperations: Record<string, number>;
  topStatements: Record<string, { perUser: number; msPerUser: number }>;
  phasesPerUser: Record<string, { calls: number; ms: number }>;
}

async function diagnose(c: Ctx): Promise<Diagnosis> {
  const k = Math.min(c.o.diagUsers, c.seed.users.length);
  log(`--- diagnostic: ${k} users one by one in this process (SQL statements, requests, engine steps counted)`);
  const rt: BenchRuntime = await startBenchRuntime(c.database.url);
  try {
    const fetches = new FetchMeter();
    const phases = new PhaseMeter();
    const { runtime } = rt;
    const engine = runtime.services.engine;
    for (const m of ['deltaPasses', 'readPass', 'processPage', 'recordSkipped', 'recordWritten']) phases.wrap(engine, m, `engine.${m}`);
    for (const m of ['claim', 'recordSkipped', 'recordOne', 'openRun', 'closeRun', 'loadCursor', 'saveCursor', 'release', 'addToTotal']) phases.wrap(engine.store, m, `store.${m}`);
    phases.wrap(runtime.services.connectors, 'forUser', 'connectors.forUser');
    phases.wrap(runtime.services.pubsub, 'publish', 'pubsub.publish');
    const deps = (runtime.services.connectors as unknown as { o?: { deps?: { shopify?: { limiter?: object }; netsuite?: { limiter?: object } } } }).o?.deps;
    if (deps?.netsuite?.limiter) phases.wrap(deps.netsuite.limiter, 'acquire', 'netsuite.limiter.acquire');
    if (deps?.shopify?.limiter) for (const m of ['reserve', 'report']) phases.wrap(deps.shopify.limiter, m, `shopify.limiter.${m}`);
    const tx = { count: 0 };
    const db = runtime.db as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    for (const m of ['asUser', 'asService']) {
      const fn = db[m] as (...a: unknown[]) => Promise<unknown>;
      db[m] = function (this: unknown, ...args: unknown[]) {
        tx.count += 1;
        return fn.apply(runtime.db, args);
      };
    }
    countStatements();
    fetches.install();
    await prepareRound(c);
    await Promise.all([c.ns.resetCounters(), c.shop.resetCounters()]);
    fetches.reset();
    phases.reset();
    sqlStatements.byShape.clear();
    const statementsBefore = sqlStatements.count;
    const times: number[] = [];
    for (const u of c.seed.users.slice(0, k)) {
      const started = performance.now();
      // As a queue job runs a user (ScheduledSyncService.processJob), with its own history row here.
      await engine.runSync({ actor: SYSTEM_ACTOR, userId: u.id, syncType: 'scheduled', trigger: 'schedule' });
      times.push(performance.now() - started);
    }
    fetches.uninstall();
    const nsStats = fetches.get(new URL(c.ns.url).origin);
    const shopStats = fetches.get(new URL(c.shop.url).origin);
    const sorted = [...times].sort((a, b) => a - b);
    const per = (v: number) => Math.round((v / k) * 10) / 10;
    const phaseSnap = phases.snapshot();
    return {
      users: k,
      perUserMs: { p50: Math.round(pct(sorted, 50)), mean: Math.round(times.reduce((s, t) => s + t, 0) / k), max: Math.round(sorted[sorted.length - 1] ?? 0) },
      perUser: {
        sqlStatements: per(sqlStatements.count - statementsBefore),
        transactions: per(tx.count),
        netsuiteRequests: per(nsStats.requests),
        netsuiteMs: per(nsStats.ms),
        shopifyRequests: per(shopStats.requests),
        shopifyMs: per(shopStats.ms),
      },
      msPerRequest: { netsuite: Math.round((nsStats.ms / Math.max(1, nsStats.requests)) * 10) / 10, shopify: Math.round((shopStats.ms / Math.max(1, shopStats.requests)) * 10) / 10 },
      netsuiteOperations: await c.ns.counters(),
      shopifyOperations: await c.shop.counters(),
      topStatements: Object.fromEntries(
        [...sqlStatements.byShape.entries()]
          .sort((a, b) => b[1].ms - a[1].ms)
          .slice(0, 15)
          .map(([shape, v]) => [shape, { perUser: per(v.count), msPerUser: per(v.ms) }]),
      ),
      phasesPerUser: Object.fromEntries(Object.entries(phaseSnap).map(([label, v]) => [label, { calls: per(v.calls), ms: per(v.ms) }])),
    };
  } finally {
    await rt.stop();
  }
}

// ---- the benchmark ------------------------------------------------------------------------------

export async function runScheduledBench(argv: string[]): Promise<void> {
  const o = parseOptions(argv);
  const total = o.users * o.perUser;
  log(`${o.users} users × ${o.perUser} items = ${n(total)} items, ${o.changedPercent} % changed; worker concurrency ${o.concurrency.join(', ')}; ${os.cpus().length} cores`);
  const setupStarted = performance.now();
  const database = await benchDatabase();
  log(`database: ${database.kind} (${ms(database.setupMs)})`);
  const pool = benchPool(database.url);
  const host = await SimHost.start();
  try {
    const ns = await host.netsuite('ns', { accountId: NS_ACCOUNT, timeZone: TIME_ZONE, concurrencyLimit: 1000 });
    const shop = await host.shopify('shop', { bucket: { size: 1e9, restoreRate: 1e9 } });
    const seed = await seedScheduled(pool, ns, shop, { users: o.users, perUser: o.perUser, log });
    const setupMs = performance.now() - setupStarted;
    log(`setup ${ms(setupMs)}: ${JSON.stringify(seed.timings)}`);
    const c: Ctx = { o, database, pool, host, ns, shop, seed, round: 0 };

    const one: RoundFigures[] = [];
    for (const conc of o.concurrency) one.push(await measureRound(c, 1, conc));
    const best = [...one].sort((a, b) => a.wallMs - b.wallMs)[0] as RoundFigures;
    const two: RoundFigures[] = [];
    for (const conc of o.twoAtEach ? o.concurrency : [best.workerConcurrency]) two.push(await measureRound(c, 2, conc));
    const bestTwo = [...two].sort((a, b) => a.wallMs - b.wallMs)[0] as RoundFigures;
    const diagnosis = o.diagUsers > 0 ? await diagnose(c) : null;

    // ---- table ----------------------------------------------------------------------------------
    const expectedChanged = Math.round((total * o.changedPercent) / 100);
    const rows: Row[] = [];
    const verdict = (ok: boolean): Verdict => (ok ? 'PASS' : 'FAIL');
    const correct = (r: RoundFigures) => r.system.processed === total && r.system.failed === 0 && r.system.updated === expectedChanged && r.system.created === 0;
    for (const r of [...one, ...two]) {
      const section = `${r.label}${r === best ? ' (best 1)' : ''}`;
      rows.push({ section, figure: 'wall time (trigger → answer)', value: ms(r.wallMs), target: '< 60,000 ms', verdict: verdict(r.wallMs < TARGET.wallMs) });
      rows.push({ section, figure: 'items per second', value: n(r.itemsPerSecond), target: '', verdict: '' });
      rows.push({ section, figure: 'processed / updated / skipped / failed', value: `${n(r.system.processed)} / ${n(r.system.updated)} / ${n(r.system.skipped)} / ${n(r.system.failed)}`, target: `${n(total)} / ${n(expectedChanged)} / ${n(total - expectedChanged)} / 0`, verdict: verdict(correct(r)) });
      rows.push({ section, figure: 'NetSuite (source) requests', value: `${n(r.source.requests)} (${Object.entries(r.source.operations).filter(([k]) => k !== 'total').map(([k, v]) => `${k} ${v}`).join(', ')})`, target: '', verdict: '' });
      rows.push({ section, figure: 'Shopify (target) requests ≈ (operations)', value: `${n(shopifyRequests(r.target.operations))} (${Object.entries(r.target.operations).map(([k, v]) => `${k} ${v}`).join(', ')})`, target: '', verdict: '' });
      r.peakRssBytes.forEach((b, i) => rows.push({ section, figure: `peak RSS, instance ${i + 1}`, value: mb(b), target: '< 400 MB', verdict: verdict(b > 0 && b < TARGET.rssBytes) }));
      rows.push({ section, figure: 'queue job (one user) p50 / p95 / max', value: `${n(r.jobs.p50Ms)} / ${n(r.jobs.p95Ms)} / ${n(r.jobs.maxMs)} ms`, target: '', verdict: '' });
      rows.push({ section, figure: 'jobs busy / worker time available', value: `${n(r.jobs.sumMs)} / ${n(r.wallMs * r.instances * r.workerConcurrency)} ms`, target: '', verdict: '' });
      rows.push({ section, figure: 'user row (tick → closed) p50 / p95 / max', value: `${n(r.userRuns.p50Ms)} / ${n(r.userRuns.p95Ms)} / ${n(r.userRuns.maxMs)} ms`, target: '', verdict: '' });
      rows.push({ section, figure: 'CPU server(s) / sims / postgres / machine', value: `${r.cpuMs.servers.map((v) => n(v)).join('+')} / ${r.cpuMs.simulators === null ? '?' : n(r.cpuMs.simulators)} / ${r.cpuMs.postgres === null ? '?' : n(r.cpuMs.postgres)} / ${r.cpuMs.machine === null ? '?' : n(r.cpuMs.machine)} ms`, target: `${r.cpuMs.cores} cores, load ${r.cpuMs.loadAverage1m}`, verdict: '' });
    }
    rows.push({ section: 'two vs one instance', figure: 'speed-up (best one / best two)', value: `${(best.wallMs / bestTwo.wallMs).toFixed(2)}x`, target: 'reported', verdict: '' });
    if (diagnosis) {
      const d = diagnosis;
      const section = `diagnostic (${d.users} users, one by one)`;
      rows.push({ section, figure: 'per-user run p50 / mean / max', value: `${d.perUserMs.p50} / ${d.perUserMs.mean} / ${d.perUserMs.max} ms`, target: '', verdict: '' });
      rows.push({ section, figure: 'per user: SQL statements / transactions', value: `${d.perUser.sqlStatements} / ${d.perUser.transactions}`, target: '', verdict: '' });
      rows.push({ section, figure: 'per user: NetSuite requests / ms', value: `${d.perUser.netsuiteRequests} / ${d.perUser.netsuiteMs} ms (${d.msPerRequest.netsuite} ms each)`, target: '', verdict: '' });
      rows.push({ section, figure: 'per user: Shopify requests / ms', value: `${d.perUser.shopifyRequests} / ${d.perUser.shopifyMs} ms (${d.msPerRequest.shopify} ms each)`, target: '', verdict: '' });
    }
    const table = renderTable(rows);
    console.log(table);
    const passed = [...one, ...two].every((r) => correct(r)) && best.wallMs < TARGET.wallMs && [...one, ...two].every((r) => r.peakRssBytes.every((b) => b > 0 && b < TARGET.rssBytes));
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = join(here, 'results', `scheduled-${stamp}.json`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      JSON.stringify(
        {
          benchmark: 'scheduled',
          at: new Date().toISOString(),
          options: o,
          machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, memoryBytes: os.totalmem(), node: process.version, loadAverage: os.loadavg() },
          database: database.kind,
          simulators: 'one NetSuite account and one Shopify shop in a child process (bench/lib/sim-host.ts); server instances are separate processes (src/main.ts)',
          setupMs: Math.round(setupMs),
          setupTimings: seed.timings,
          targets: TARGET,
          runs: [...one, ...two],
          bestOneInstance: best.label,
          bestTwoInstances: bestTwo.label,
          speedUp: best.wallMs / bestTwo.wallMs,
          diagnosis,
          passed,
          table,
        },
        null,
        2,
      ),
    );
    log(`wrote ${file}`);
    if (!passed) process.exitCode = 1;
  } finally {
    await host.stop().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await database.drop().catch((err: unknown) => log(`dropping the database failed: ${String(err)}`));
  }
}
