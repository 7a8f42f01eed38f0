// `pnpm bench sync` (issue 6): delta sync of 10,000 items both ways against the simulators on
// loopback, the same with 1 % changed, a throttled full sync, peak RSS, and a naive per-item
// baseline on the same data. Prints a table and writes bench/results/sync-<timestamp>.json.
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Actor } from '../packages/server/src/auth/actor.js';
import type { CanonicalProduct, Connector, SourceRecord } from '../packages/server/src/connectors/types.js';
import { InMemoryConcurrencyLimiter } from '../packages/server/src/connectors/limits/concurrency.js';
import { InMemoryCostLimiter } from '../packages/server/src/connectors/limits/cost-bucket.js';
import { contentHash, mappedFields } from '../packages/server/src/sync/fields.js';
import type { RunSyncOptions, SyncResult } from '../packages/server/src/sync/types.js';
import { generateCatalogue, netSuiteDefaultCredentials, type NetSuiteSeedItem, type SeedProductInput } from '../packages/simulators/src/index.js';
import { cpuWindow, type CpuWindow } from './lib/cpu.js';
import { benchDatabase, countStatements, sqlStatements, watchActivity, type ActivitySample, type BenchDatabase } from './lib/db.js';
import { FetchMeter, PhaseMeter, RssSampler } from './lib/meter.js';
import { profiled } from './lib/profile.js';
import { naiveSync, type NaiveItem, type NaiveResult } from './lib/naive.js';
import { startBenchRuntime, type BenchRuntime } from './lib/runtime.js';
import { SimHost, type RemoteNetSuite, type RemoteShopify } from './lib/sims.js';
import { mb, ms, n, renderTable, type Row, type Verdict } from './lib/table.js';

const here = dirname(fileURLToPath(import.meta.url));

// A full GC before and after each measured run tells live heap from garbage not yet collected.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const liveHeap = (): number => {
  gc();
  return process.memoryUsage().heapUsed;
};

// ---- options ------------------------------------------------------------------------------

export interface SyncBenchOptions {
  /** Items per direction (issue: 10,000). */
  items: number;
  /** Products in the throttled full sync (issue: 2,000). */
  fullItems: number;
  /** Items the naive baseline walks; its figures are scaled to `items` (0: all of them). */
  baselineItems: number;
  /** Percent changed in the "changed" case (issue: 1). */
  changedPercent: number;
  /**
   * How the items get to "synced" before anything is measured:
   * - seed: targets seeded in the simulators, rows written with createMany (state computed with
   *   the engine's own mapping and hash), then one unmeasured whole-list run that must skip
   *   every item (it also sets the changed-since cursors). Minutes faster.
   * - sync: addToSyncList through the API (500 per call) and real initial runs that create
   *   every target record through the connectors.
   */
  setup: 'seed' | 'sync';
  /**
   * The connectors' rate limiters: "shared" is the runtime's default without REDIS_URL (state in
   * Postgres, DESIGN §10); "memory" swaps in the in-process limiters, to tell their cost apart.
   */
  limiter: 'shared' | 'memory';
  /** Record a CPU profile of the engine process during each measured run (top frames go to the JSON). */
  profile: boolean;
}

const USAGE = 'options: --items=N --full-items=N --baseline-items=N (0 = all) --changed-percent=P --setup=seed|sync --limiter=shared|memory --profile=true|false';

function parseOptions(argv: string[]): SyncBenchOptions {
  const o: SyncBenchOptions = { items: 10_000, fullItems: 2_000, baselineItems: 1_000, changedPercent: 1, setup: 'seed', limiter: 'shared', profile: false };
  for (const arg of argv) {
    const m = /^--([a-z-]+)=(.+)$/.exec(arg);
    const num = m ? Number(m[2]) : NaN;
    if (m?.[1] === 'setup' && (m[2] === 'seed' || m[2] === 'sync')) o.setup = m[2];
    else if (m?.[1] === 'limiter' && (m[2] === 'shared' || m[2] === 'memory')) o.limiter = m[2];
    else if (m?.[1] === 'profile' && (m[2] === 'true' || m[2] === 'false')) o.profile = m[2] === 'true';
    else if (m && Number.isFinite(num) && num >= 0 && m[1] === 'items') o.items = Math.floor(num);
    else if (m && Number.isFinite(num) && num >= 0 && m[1] === 'full-items') o.fullItems = Math.floor(num);
    else if (m && Number.isFinite(num) && num >= 0 && m[1] === 'baseline-items') o.baselineItems = Math.floor(num);
    else if (m && Number.isFinite(num) && num > 0 && m[1] === 'changed-percent') o.changedPercent = num;
    else throw new Error(`bench sync: bad argument ${arg}; ${USAGE}`);
  }
  if (o.items < 100) throw new Error('bench sync: --items must be at least 100');
  o.fullItems = Math.min(o.fullItems, o.items);
  return o;
}

// ---- targets (issue 6) --------------------------------------------------------------------

const TARGET = {
  idsSourceRequestsNetSuite: 10,
  idsSourceRequestsShopify: 50,
  wholeListSourceRequests: 3,
  unchangedTargetWrites: 0,
  unchangedEngineMs: 2_000,
  restoreFraction: 0.9,
};

const FULL_BUCKET = { size: 2_000, restoreRate: 1_000 };
const LARGE_BUCKET = { size: 1_000_000, restoreRate: 1_000_000 };

// ---- the data -----------------------------------------------------------------------------

const NS_SOURCE_ACCOUNT = '1234567_SB1';
const NS_TARGET_ACCOUNT = '7654321_SB1';
const TIME_ZONE = 'America/New_York';
const DAY = 86_400_000;

/**
 * A catalogue that has been sitting a while: last modified one every 37 s over the days before
 * "yesterday", so a changed-since read after the initial sync finds only real changes (plus the
 * connector's overlap window), as in a live account.
 */
function spreadTimes(count: number, index: number): Date {
  const newest = Math.floor((Date.now() - DAY) / 1000) * 1000;
  return new Date(newest - (count - index) * 37_000);
}

function netsuiteItems(count: number): NetSuiteSeedItem[] {
  return generateCatalogue({ products: count, seed: 7 }).products.map((p) => ({
    itemId: p.sku,
    displayName: p.title,
    basePrice: Number(p.price),
    isInactive: p.status !== 'active',
    category: p.category,
    quantities: { '1': p.quantity, '2': 0 },
    lastModifiedDate: spreadTimes(count, p.index),
  }));
}

/** Shopify products with their own SKUs, so nothing is adopted across the two directions. */
function shopifyProducts(count: number): SeedProductInput[] {
  return generateCatalogue({ products: count, seed: 11 }).products.map((p) => {
    const at = spreadTimes(count, p.index);
    return {
      sku: `SHOP-${String(p.index).padStart(6, '0')}`,
      title: p.title,
      price: p.price,
      status: p.status,
      productType: p.category,
      handle: `shop-${p.index}`,
      quantity: p.quantity,
      updatedAt: at,
      createdAt: at,
    };
  });
}

// ---- endpoints and measuring --------------------------------------------------------------

interface Endpoint {
  name: string;
  origin: string;
  /** Calls by operation, as the simulator counted them. */
  operations(): Promise<Record<string, number>>;
  /** Write requests the simulator received. */
  writes(): Promise<number>;
  reset(): Promise<void>;
}

function shopifyEndpoint(name: string, sim: RemoteShopify): Endpoint {
  return {
    name,
    origin: new URL(sim.url).origin,
    operations: () => sim.counters(),
    // One request can carry two mutation fields (productUpdate + productVariantsBulkUpdate): count requests that wrote.
    writes: async () => {
      const all = await sim.counters();
      return (all.productSet ?? 0) + (all.productCreate ?? 0) + Math.max(all.productUpdate ?? 0, all.productVariantsBulkUpdate ?? 0) + (all.inventorySetQuantities ?? 0);
    },
    reset: () => sim.resetCounters(),
  };
}

function netsuiteEndpoint(name: string, sim: RemoteNetSuite): Endpoint {
  return {
    name,
    origin: new URL(sim.url).origin,
    operations: () => sim.counters(),
    writes: async () => Object.entries(await sim.counters()).filter(([k]) => /^record\.(put|patch|post)$/.test(k)).reduce((s, [, v]) => s + v, 0),
    reset: () => sim.resetCounters(),
  };
}

interface RunFigures {
  label: string;
  result: Pick<SyncResult, 'status' | 'itemsProcessed' | 'itemsCreated' | 'itemsUpdated' | 'itemsSkipped' | 'itemsFailed'>;
  engineMs: number;
  source: { name: string; requests: number; ms: number; operations: Record<string, number> };
  target: { name: string; requests: number; ms: number; writes: number; operations: Record<string, number> };
  /** Transactions through the Database doors and SQL statements at the driver (top shapes). */
  db: { transactions: number; txMs: number; statements: number; topStatements: Record<string, { count: number; ms: number }> };
  /** Average number of the bench database's backends in each state over the run. */
  postgresActivity: ActivitySample & { samples: number };
  /** Calls and summed time of the engine's steps (concurrent steps sum past wall time). */
  phases: Record<string, { calls: number; ms: number }>;
  cpu: CpuWindow;
  /** Event-loop delay over the run: p50 / p99 / max in ms. */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  peakRssBytes: number;
  peakHeapUsedBytes: number;
  /** With --profile=true: the engine process's top self-time frames over the run. */
  cpuProfile?: { totalMs: number; top: Array<{ frame: string; selfMs: number }> };
  /** V8 heap after a full GC, before and after the run. */
  liveHeapBeforeBytes: number;
  liveHeapAfterBytes: number;
  errors?: SyncResult['errors'];
}

interface Bench {
  profile: boolean;
  host: SimHost;
  rt: BenchRuntime;
  database: BenchDatabase;
  fetches: FetchMeter;
  phases: PhaseMeter;
  rss: RssSampler;
  dbStats: { transactions: number; ms: number };
}

/** Times the engine's steps in place on this process's own objects: no engine code changes. */
function instrument(rt: BenchRuntime, fetches: FetchMeter, phases: PhaseMeter): { transactions: number; ms: number } {
  const { runtime } = rt;
  const engine = runtime.services.engine;
  for (const m of ['readPass', 'deltaPasses', 'processPage', 'decide', 'recordSkipped', 'recordWritten']) phases.wrap(engine, m, `engine.${m}`);
  for (const m of ['claim', 'recordSkipped', 'recordOne', 'openRun', 'closeRun', 'loadCursor', 'saveCursor', 'heartbeat', 'release']) phases.wrap(engine.store, m, `store.${m}`);
  phases.wrap(runtime.services.pubsub, 'publish', 'pubsub.publish');
  phases.wrap(runtime.services.connectors, 'forUser', 'connectors.forUser');
  // The limiters every connector request goes through (the registry's deps; private, reached for timing only).
  const deps = (runtime.services.connectors as unknown as { o?: { deps?: { shopify?: { limiter?: object }; netsuite?: { limiter?: object } } } }).o?.deps;
  if (deps?.shopify?.limiter) for (const m of ['reserve', 'report']) phases.wrap(deps.shopify.limiter, m, `shopify.limiter.${m}`);
  if (deps?.netsuite?.limiter) phases.wrap(deps.netsuite.limiter, 'acquire', 'netsuite.limiter.acquire');
  const dbStats = { transactions: 0, ms: 0 };
  const db = runtime.db as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  for (const m of ['asUser', 'asService']) {
    const fn = db[m] as (...a: unknown[]) => Promise<unknown>;
    db[m] = function (this: unknown, ...args: unknown[]) {
      const started = performance.now();
      dbStats.transactions += 1;
      return fn.apply(runtime.db, args).finally(() => {
        dbStats.ms += performance.now() - started;
      });
    };
  }
  countStatements();
  fetches.install();
  return dbStats;
}

async function measured(b: Bench, label: string, source: Endpoint, target: Endpoint, run: () => Promise<SyncResult>): Promise<RunFigures> {
  await source.reset();
  await target.reset();
  b.fetches.reset();
  b.phases.reset();
  b.dbStats.transactions = 0;
  b.dbStats.ms = 0;
  const statementsBefore = sqlStatements.count;
  sqlStatements.byShape.clear();
  const liveHeapBeforeBytes = liveHeap();
  b.rss.window();
  const activity = await watchActivity(b.database.url);
  const cpu = cpuWindow(() => b.host.cpuMs());
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  let result: SyncResult;
  let cpuProfile: RunFigures['cpuProfile'];
  try {
    if (b.profile) {
      const p = await profiled(run);
      result = p.result;
      cpuProfile = { totalMs: p.totalMs, top: p.top };
    } else result = await run();
  } finally {
    loop.disable();
  }
  const engineMs = performance.now() - started;
  const cpuUsed = cpu();
  const watched = await activity.stop();
  await b.fetches.settle();
  const s = b.fetches.get(source.origin);
  const t = b.fetches.get(target.origin);
  const avg = (v: number) => Number((v / Math.max(1, watched.samples)).toFixed(2));
  const figures: RunFigures = {
    label,
    result: { status: result.status, itemsProcessed: result.itemsProcessed, itemsCreated: result.itemsCreated, itemsUpdated: result.itemsUpdated, itemsSkipped: result.itemsSkipped, itemsFailed: result.itemsFailed },
    engineMs,
    source: { name: source.name, requests: s.requests, ms: Math.round(s.ms), operations: await source.operations() },
    target: { name: target.name, requests: t.requests, ms: Math.round(t.ms), writes: await target.writes(), operations: await target.operations() },
    db: { transactions: b.dbStats.transactions, txMs: Math.round(b.dbStats.ms), statements: sqlStatements.count - statementsBefore, topStatements: Object.fromEntries([...sqlStatements.byShape.entries()].sort((a, c) => c[1].ms - a[1].ms).slice(0, 15).map(([k, v]) => [k, { count: v.count, ms: Math.round(v.ms) }])) },
    postgresActivity: {
      samples: watched.samples,
      lockWait: avg(watched.totals.lockWait),
      ioWait: avg(watched.totals.ioWait),
      lwlock: avg(watched.totals.lwlock),
      activeOnCpu: avg(watched.totals.activeOnCpu),
      idleInTransaction: avg(watched.totals.idleInTransaction),
      otherWait: avg(watched.totals.otherWait),
    },
    phases: b.phases.snapshot(),
    cpu: cpuUsed,
    eventLoopDelayMs: { p50: round1(loop.percentile(50) / 1e6), p99: round1(loop.percentile(99) / 1e6), max: round1(loop.max / 1e6) },
    peakHeapUsedBytes: b.rss.heapWindowPeak(),
    peakRssBytes: b.rss.window(),
    liveHeapBeforeBytes,
    liveHeapAfterBytes: liveHeap(),
    ...(cpuProfile ? { cpuProfile } : {}),
    ...(result.errors.length ? { errors: result.errors.slice(0, 5) } : {}),
  };
  log(
    `${label}: ${ms(engineMs)} ${result.status}; processed ${result.itemsProcessed} (created ${result.itemsCreated}, updated ${result.itemsUpdated}, skipped ${result.itemsSkipped}, failed ${result.itemsFailed}); ` +
      `source ${s.requests} req ${JSON.stringify(figures.source.operations)}; target ${t.requests} req ${JSON.stringify(figures.target.operations)}; ` +
      `${b.dbStats.transactions} tx / ${figures.db.statements} SQL; cpu engine ${n(cpuUsed.nodeMs)} ms, simulators ${cpuUsed.simulatorsMs === null ? '?' : n(cpuUsed.simulatorsMs)} ms, postgres ${cpuUsed.postgresMs === null ? '?' : n(cpuUsed.postgresMs)} ms, machine ${cpuUsed.machineMs === null ? '?' : n(cpuUsed.machineMs)} ms; load ${cpuUsed.loadAverage1m}`,
  );
  if (result.errors.length) log(`  first errors: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return figures;
}

type Baseline = NaiveResult & { label: string; sourceRequests: number; targetRequests: number; targetWrites: number; totalItems: number; scale: number; cpu: CpuWindow };

async function naive(b: Bench, label: string, userId: string, source: Endpoint, target: Endpoint, limit: number): Promise<Baseline> {
  const { runtime } = b.rt;
  const rows = await runtime.db.asUser(userId, (tx) =>
    tx.syncListItem.findMany({
      where: { userId, isActive: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, itemType: true, sourceId: true, targetId: true, lastSyncedAt: true, sourceConnectionId: true, targetConnectionId: true },
    }),
  );
  const connectors = await runtime.services.connectors.forUser(userId);
  const first = rows[0];
  const src = first?.sourceConnectionId ? connectors.get(first.sourceConnectionId) : null;
  const dst = first?.targetConnectionId ? connectors.get(first.targetConnectionId) : null;
  if (!src || !dst) throw new Error(`${label}: the user's connectors are missing`);
  const items: NaiveItem[] = (limit > 0 ? rows.slice(0, limit) : rows).map((r) => ({ id: r.id, itemType: r.itemType, sourceId: r.sourceId, targetId: r.targetId, lastSyncedAt: r.lastSyncedAt }));
  await source.reset();
  await target.reset();
  b.fetches.reset();
  const cpu = cpuWindow(() => b.host.cpuMs());
  const out = await naiveSync(items, src as Connector, dst as Connector);
  const figures: Baseline = {
    label,
    ...out,
    sourceRequests: b.fetches.get(source.origin).requests,
    targetRequests: b.fetches.get(target.origin).requests,
    targetWrites: await target.writes(),
    totalItems: rows.length,
    scale: rows.length / Math.max(1, items.length),
    cpu: cpu(),
  };
  log(`${label}: ${ms(out.wallMs)} over ${items.length} of ${rows.length} items; ${figures.sourceRequests} source req, ${figures.targetRequests} target req, ${out.writes} writes, ${out.failed} failed`);
  return figures;
}

// ---- the run ------------------------------------------------------------------------------

const t0 = performance.now();
function log(message: string): void {
  console.error(`[bench sync +${((performance.now() - t0) / 1000).toFixed(1)}s] ${message}`);
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

function check(cond: boolean, message: string): void {
  if (!cond) throw new Error(`bench sync: ${message}`);
}

/** `percent` % of `count` indexes spread evenly, starting at `offset`. */
function pickChanged(count: number, percent: number, offset: number): number[] {
  const want = Math.max(1, Math.round((count * percent) / 100));
  const step = Math.max(1, Math.floor(count / want));
  const out: number[] = [];
  for (let i = offset % step; i < count && out.length < want; i += step) out.push(i);
  return out;
}

interface User {
  id: string;
  token: string;
  actor: Actor;
  shopifyConnectionId: string;
  netsuiteConnectionId: string;
}

export async function runSyncBench(argv: string[]): Promise<void> {
  const o = parseOptions(argv);
  const rss = new RssSampler();
  rss.start();
  const fetches = new FetchMeter();
  const phases = new PhaseMeter();
  log(`${o.items} items per direction, throttled full sync of ${o.fullItems}, ${o.changedPercent} % changed, baseline over ${o.baselineItems || 'all'} items, setup "${o.setup}", ${o.limiter} limiters; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);

  // Simulators in their own process: NetSuite and Shopify sources with a catalogue that has been
  // sitting a while, the targets empty.
  const host = await SimHost.start();
  let database: BenchDatabase | undefined;
  let rt: BenchRuntime | undefined;
  const rows: Row[] = [];
  try {
    const nsSource = await host.netsuite('nsSource', { accountId: NS_SOURCE_ACCOUNT, timeZone: TIME_ZONE, concurrencyLimit: 15 });
    // 20 catalogue items give the target account its classes (categories).
    const nsTarget = await host.netsuite('nsTarget', { accountId: NS_TARGET_ACCOUNT, timeZone: TIME_ZONE, concurrencyLimit: 15, catalogue: { products: 20, seed: 3 } });
    const shopTarget = await host.shopify('shopTarget', { shopDomain: 'bench-target.myshopify.com', bucket: LARGE_BUCKET });
    const shopSource = await host.shopify('shopSource', { shopDomain: 'bench-source.myshopify.com', bucket: LARGE_BUCKET });
    const shopThrottled = await host.shopify('shopThrottled', { shopDomain: 'bench-throttled.myshopify.com', bucket: LARGE_BUCKET });
    const nsIds = (await nsSource.seedItems(netsuiteItems(o.items))).map((i) => i.id);
    const shopIds = (await shopSource.seedProducts(shopifyProducts(o.items))).map((p) => p.id);
    log(`simulators up (process ${host.pid}); seeded ${nsIds.length} NetSuite items and ${shopIds.length} Shopify products`);

    database = await benchDatabase();
    log(`database ready (${database.kind}, ${ms(database.setupMs)})`);
    rt = await startBenchRuntime(
      database.url,
      o.limiter === 'memory' ? { connectorDeps: { shopify: { limiter: new InMemoryCostLimiter() }, netsuite: { limiter: new InMemoryConcurrencyLimiter() } } } : {},
    );
    const dbStats = instrument(rt, fetches, phases);
    const b: Bench = { profile: o.profile, host, rt, database, fetches, phases, rss, dbStats };
    const runtime = rt.runtime;
    log(`runtime up at ${rt.url}`);

    // Users and connections through the GraphQL API, as test/stack.ts does.
    const rtc = rt;
    const newUser = async (ns: RemoteNetSuite, shop: RemoteShopify, name: string): Promise<User> => {
      const id = randomUUID();
      const token = await rtc.token(id);
      const create = async (input: Record<string, unknown>) => {
        const data = await rtc.gql<{ createConnection: { connection: { id: string } | null; userErrors: unknown[] } }>(
          'mutation($input: CreateConnectionInput!) { createConnection(input: $input) { connection { id } userErrors { field message code } } }',
          { input },
          token,
        );
        const conn = data.createConnection.connection;
        if (!conn) throw new Error(`createConnection failed for ${name}: ${JSON.stringify(data.createConnection.userErrors)}`);
        return conn.id;
      };
      const shopifyConnectionId = await create({ name: `${name} Shopify`, shopify: { shopDomain: shop.shopDomain, accessToken: shop.accessToken, baseUrl: shop.url } });
      const netsuiteConnectionId = await create({
        name: `${name} NetSuite`,
        netsuite: { accountId: ns.accountId, ...netSuiteDefaultCredentials, baseUrl: ns.url, timeZone: TIME_ZONE, locationId: '1', shippingItemId: '1' },
      });
      return { id, token, actor: { kind: 'user', userId: id, email: null, expiresAt: null }, shopifyConnectionId, netsuiteConnectionId };
    };
    const connectorOf = async (user: User, connectionId: string): Promise<Connector> => {
      const c = (await runtime.services.connectors.forUser(user.id)).get(connectionId);
      if (!c) throw new Error(`no connector for ${connectionId}`);
      return c;
    };

    /** addToSyncList through the API, 500 per call (the API's limit). */
    const addThroughApi = async (user: User, sourcePlatform: 'NETSUITE' | 'SHOPIFY', sourceIds: string[]) => {
      const out: string[] = [];
      for (let i = 0; i < sourceIds.length; i += 500) {
        const data = await rtc.gql<{ addToSyncList: { items: Array<{ id: string }>; userErrors: unknown[] } }>(
          'mutation($input: AddToSyncListInput!) { addToSyncList(input: $input) { items { id } userErrors { field message code } } }',
          { input: { items: sourceIds.slice(i, i + 500).map((sourceId) => ({ itemType: 'PRODUCT', sourcePlatform, targetPlatform: sourcePlatform === 'NETSUITE' ? 'SHOPIFY' : 'NETSUITE', sourceId })) } },
          user.token,
        );
        if (data.addToSyncList.userErrors.length) throw new Error(`addToSyncList: ${JSON.stringify(data.addToSyncList.userErrors.slice(0, 3))}`);
        out.push(...data.addToSyncList.items.map((it) => it.id));
      }
      return out;
    };

    /**
     * Items in the state a completed sync leaves them: the target record exists (seeded in the
     * target simulator from the source record), the row carries its target id, the mapped fields
     * and their hash (the engine's own mappedFields/contentHash over the connector's read).
     */
    const addSynced = async (user: User, direction: 'ns-to-shopify' | 'shopify-to-ns', sourceIds: string[], targetSim: RemoteShopify | RemoteNetSuite) => {
      const fromNs = direction === 'ns-to-shopify';
      const source = await connectorOf(user, fromNs ? user.netsuiteConnectionId : user.shopifyConnectionId);
      const read = (await source.readMany('product', sourceIds)) as Map<string, SourceRecord<CanonicalProduct>>;
      const records = sourceIds.map((id) => read.get(id) ?? (() => { throw new Error(`source has no ${id}`); })());
      let targetIds: string[];
      if (fromNs) {
        targetIds = (
          await (targetSim as RemoteShopify).seedProducts(records.map((r) => ({ sku: r.data.sku, title: r.data.title, price: r.data.price, status: r.data.status, productType: r.data.category ?? '', handle: `synclane-ns-${r.id}` })))
        ).map((p) => p.id);
      } else {
        targetIds = (
          await (targetSim as RemoteNetSuite).seedItems(records.map((r) => ({ itemId: r.data.sku, displayName: r.data.title, basePrice: Number(r.data.price), isInactive: r.data.status !== 'active', category: r.data.category })))
        ).map((i) => i.id);
      }
      const syncedAt = new Date();
      const base = Date.now();
      const data = records.map((r, i) => {
        const fields = mappedFields(r.data);
        return {
          id: randomUUID(),
          userId: user.id,
          itemType: 'product' as const,
          sourcePlatform: fromNs ? ('netsuite' as const) : ('shopify' as const),
          targetPlatform: fromNs ? ('shopify' as const) : ('netsuite' as const),
          sourceConnectionId: fromNs ? user.netsuiteConnectionId : user.shopifyConnectionId,
          targetConnectionId: fromNs ? user.shopifyConnectionId : user.netsuiteConnectionId,
          sourceId: sourceIds[i] as string,
          targetId: targetIds[i] as string,
          lastSyncedAt: syncedAt,
          lastSyncStatus: 'success' as const,
          sourceVersion: r.updatedAt.toISOString(),
          contentHash: contentHash(fields),
          contentFields: fields,
          createdAt: new Date(base + i),
        };
      });
      for (let i = 0; i < data.length; i += 1000) {
        const chunk = data.slice(i, i + 1000);
        await runtime.db.asService((tx) => tx.syncListItem.createMany({ data: chunk }));
      }
      return data.map((d) => d.id);
    };

    const nsToShop = await newUser(nsSource, shopTarget, 'NS→Shopify');
    const shopToNs = await newUser(nsTarget, shopSource, 'Shopify→NS');
    const throttled = await newUser(nsSource, shopThrottled, 'Throttled');
    const engine = runtime.services.engine;
    const sync = (user: User, extra: Partial<RunSyncOptions>) => engine.runSync({ actor: user.actor, userId: user.id, syncType: 'delta', trigger: 'api', ...extra });
    const ep = {
      nsSource: netsuiteEndpoint('NetSuite source', nsSource),
      nsTarget: netsuiteEndpoint('NetSuite target', nsTarget),
      shopTarget: shopifyEndpoint('Shopify target', shopTarget),
      shopSource: shopifyEndpoint('Shopify source', shopSource),
      shopThrottled: shopifyEndpoint('Shopify throttled', shopThrottled),
    };

    // ---- setup (not measured against targets) ---------------------------------------------
    const setupStarted = performance.now();
    const setup: Record<string, RunFigures> = {};
    let nsToShopItems: string[];
    let shopToNsItems: string[];
    let throttledItems: string[];
    if (o.setup === 'sync') {
      nsToShopItems = await addThroughApi(nsToShop, 'NETSUITE', nsIds);
      shopToNsItems = await addThroughApi(shopToNs, 'SHOPIFY', shopIds);
      throttledItems = await addThroughApi(throttled, 'NETSUITE', nsIds.slice(0, o.fullItems));
      log(`added ${nsToShopItems.length + shopToNsItems.length + throttledItems.length} items through addToSyncList (500 per call) in ${ms(performance.now() - setupStarted)}`);
      setup.nsToShop = await measured(b, 'initial NS→Shopify (whole list, creates)', ep.nsSource, ep.shopTarget, () => sync(nsToShop, {}));
      setup.shopToNs = await measured(b, 'initial Shopify→NS (whole list, creates)', ep.shopSource, ep.nsTarget, () => sync(shopToNs, {}));
      setup.throttled = await measured(b, `initial NS→Shopify of ${o.fullItems} (creates, large bucket)`, ep.nsSource, ep.shopThrottled, () => sync(throttled, { syncType: 'manual', syncListIds: throttledItems }));
      for (const [k, f] of Object.entries(setup)) check(f.result.itemsFailed === 0 && f.result.itemsCreated === f.result.itemsProcessed, `initial sync ${k} did not create every item: ${JSON.stringify(f.result)} ${JSON.stringify(f.errors ?? [])}`);
    } else {
      nsToShopItems = await addSynced(nsToShop, 'ns-to-shopify', nsIds, shopTarget);
      shopToNsItems = await addSynced(shopToNs, 'shopify-to-ns', shopIds, nsTarget);
      throttledItems = await addSynced(throttled, 'ns-to-shopify', nsIds.slice(0, o.fullItems), shopThrottled);
      log(`seeded targets and ${nsToShopItems.length + shopToNsItems.length + throttledItems.length} synced items (createMany) in ${ms(performance.now() - setupStarted)}`);
      // The first whole-list run reads every source record (no cursor yet) and must find nothing to write.
      setup.nsToShop = await measured(b, 'initial NS→Shopify (whole list, no cursor yet)', ep.nsSource, ep.shopTarget, () => sync(nsToShop, {}));
      setup.shopToNs = await measured(b, 'initial Shopify→NS (whole list, no cursor yet)', ep.shopSource, ep.nsTarget, () => sync(shopToNs, {}));
      for (const [k, f] of Object.entries(setup)) check(f.result.itemsSkipped === o.items && f.target.writes === 0, `seeded state of ${k} is not "synced": ${JSON.stringify(f.result)} ${JSON.stringify(f.errors ?? [])}`);
    }
    const setupMs = performance.now() - setupStarted;

    // ---- 1. unchanged ------------------------------------------------------------------------
    const runs: Record<string, RunFigures> = {};
    const baselines: Record<string, Baseline> = {};
    // Ids given: the engine directly (runDeltaSync takes at most 1,000 ids per call; runSync has no such limit).
    runs.nsIdsUnchanged = await measured(b, 'NS→Shopify unchanged, ids given', ep.nsSource, ep.shopTarget, () => sync(nsToShop, { syncType: 'manual', syncListIds: nsToShopItems }));
    runs.nsWholeUnchanged = await measured(b, 'NS→Shopify unchanged, whole list', ep.nsSource, ep.shopTarget, () => sync(nsToShop, {}));
    runs.shopIdsUnchanged = await measured(b, 'Shopify→NS unchanged, ids given', ep.shopSource, ep.nsTarget, () => sync(shopToNs, { syncType: 'manual', syncListIds: shopToNsItems }));
    runs.shopWholeUnchanged = await measured(b, 'Shopify→NS unchanged, whole list', ep.shopSource, ep.nsTarget, () => sync(shopToNs, {}));
    baselines.nsUnchanged = await naive(b, 'naive NS→Shopify unchanged', nsToShop.id, ep.nsSource, ep.shopTarget, o.baselineItems);
    baselines.shopUnchanged = await naive(b, 'naive Shopify→NS unchanged', shopToNs.id, ep.shopSource, ep.nsTarget, o.baselineItems);

    // ---- 2. 1 % changed ------------------------------------------------------------------------
    // Set X for the baseline and the ids-given runs (same data), then set Y for the whole-list runs.
    const changeNs = (indexes: number[], round: number) => nsSource.changeItems(indexes.map((i) => [nsIds[i] as string, { basePrice: 1000 + round * 100 + (i % 97) + 0.25 }]));
    const changeShop = (indexes: number[], round: number) => shopSource.changeProducts(indexes.map((i) => [shopIds[i] as string, { price: `${1000 + round * 100 + (i % 97)}.75` }]));
    const setX = pickChanged(o.items, o.changedPercent, 0);
    const setY = pickChanged(o.items, o.changedPercent, 1);
    await changeNs(setX, 1);
    await changeShop(setX, 1);
    baselines.nsChanged = await naive(b, `naive NS→Shopify ${o.changedPercent} % changed`, nsToShop.id, ep.nsSource, ep.shopTarget, o.baselineItems);
    baselines.shopChanged = await naive(b, `naive Shopify→NS ${o.changedPercent} % changed`, shopToNs.id, ep.shopSource, ep.nsTarget, o.baselineItems);
    runs.nsIdsChanged = await measured(b, `NS→Shopify ${o.changedPercent} % changed, ids given`, ep.nsSource, ep.shopTarget, () => sync(nsToShop, { syncType: 'manual', syncListIds: nsToShopItems }));
    runs.shopIdsChanged = await measured(b, `Shopify→NS ${o.changedPercent} % changed, ids given`, ep.shopSource, ep.nsTarget, () => sync(shopToNs, { syncType: 'manual', syncListIds: shopToNsItems }));
    await changeNs(setY, 2);
    await changeShop(setY, 2);
    runs.nsWholeChanged = await measured(b, `NS→Shopify ${o.changedPercent} % changed, whole list`, ep.nsSource, ep.shopTarget, () => sync(nsToShop, {}));
    runs.shopWholeChanged = await measured(b, `Shopify→NS ${o.changedPercent} % changed, whole list`, ep.shopSource, ep.nsTarget, () => sync(shopToNs, {}));

    // ---- 3. throttled full sync --------------------------------------------------------------
    await shopThrottled.setBucket({ ...FULL_BUCKET, currentlyAvailable: FULL_BUCKET.size });
    // One cheap call, so the shop's limiter learns the new bucket (as it would from any answer).
    await (await connectorOf(throttled, throttled.shopifyConnectionId)).test();
    fetches.watchCost(ep.shopThrottled.origin);
    const samples: Array<{ t: number; available: number }> = [];
    const sampleFrom = performance.now();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const t = Math.round(performance.now() - sampleFrom);
        samples.push({ t, available: (await shopThrottled.bucket()).currentlyAvailable });
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const startLevel = (await shopThrottled.bucket()).currentlyAvailable;
    const full = await measured(b, `full sync of ${o.fullItems} into the throttled shop`, ep.nsSource, ep.shopThrottled, () => sync(throttled, { syncType: 'full', force: true, syncListIds: throttledItems }));
    sampling = false;
    await sampler;
    const endLevel = (await shopThrottled.bucket()).currentlyAvailable;
    const cost = fetches.get(ep.shopThrottled.origin);
    const seconds = full.engineMs / 1000;
    const spentPerSecond = cost.actualCost / seconds;
    // Points restored during the run = spent − what the bucket gave up from its starting level.
    const restoredFraction = (cost.actualCost - (startLevel - endLevel)) / (FULL_BUCKET.restoreRate * seconds);
    const levels = samples.map((s) => s.available);
    const throttledFigures = {
      bucket: FULL_BUCKET,
      items: o.fullItems,
      seconds,
      requests: cost.requests,
      throttledAnswers: cost.throttled,
      requestedPoints: cost.requestedCost,
      actualPoints: cost.actualCost,
      pointsPerItem: cost.actualCost / Math.max(1, o.fullItems),
      spentPerSecond,
      spentFraction: spentPerSecond / FULL_BUCKET.restoreRate,
      restoredFraction,
      bucketStart: startLevel,
      bucketEnd: endLevel,
      bucketMin: levels.length ? Math.min(...levels) : null,
      bucketMedian: median(levels),
      shareOfTimeBucketBelow200: levels.length ? levels.filter((l) => l < 200).length / levels.length : 0,
      shareOfTimeBucketAbove1800: levels.length ? levels.filter((l) => l > 1800).length / levels.length : 0,
      run: full,
    };
    log(
      `throttled full sync: ${n(cost.actualCost)} points in ${seconds.toFixed(1)} s = ${spentPerSecond.toFixed(0)}/s (${(throttledFigures.spentFraction * 100).toFixed(1)} % of the restore rate; restored only ${(restoredFraction * 100).toFixed(1)} %), ` +
        `${cost.throttled} THROTTLED answers; bucket median ${throttledFigures.bucketMedian}, above 1,800 ${(throttledFigures.shareOfTimeBucketAbove1800 * 100).toFixed(0)} % of the time`,
    );

    // ---- 4. RSS -------------------------------------------------------------------------------
    const maxRssBytes = process.resourceUsage().maxRSS * 1024;
    const simulatorsRssBytes = host.peakRssBytes() ?? null;

    // ---- the table ----------------------------------------------------------------------------
    const verdict = (ok: boolean): Verdict => (ok ? 'PASS' : 'FAIL');
    const q = (v: number | null) => (v === null ? '?' : n(v));
    const cpuText = (f: RunFigures) => `${n(f.cpu.nodeMs)} / ${q(f.cpu.postgresMs)} / ${q(f.cpu.simulatorsMs)} ms (load ${f.cpu.loadAverage1m})`;
    const common = (section: string, f: RunFigures) => {
      rows.push({ section, figure: 'CPU engine / postgres / simulators (load)', value: cpuText(f), target: '', verdict: '' });
      rows.push({ section, figure: 'DB transactions / SQL statements', value: `${n(f.db.transactions)} / ${n(f.db.statements)}`, target: '', verdict: '' });
    };
    const unchangedRows = (section: string, f: RunFigures, sourceTarget: number) => {
      rows.push({ section, figure: `source requests (${f.source.name})`, value: n(f.source.requests), target: `≤ ${sourceTarget}`, verdict: verdict(f.source.requests <= sourceTarget) });
      rows.push({ section, figure: `target requests / writes (${f.target.name})`, value: `${n(f.target.requests)} / ${n(f.target.writes)}`, target: 'writes = 0', verdict: verdict(f.target.writes === TARGET.unchangedTargetWrites) });
      rows.push({ section, figure: 'engine wall time', value: ms(f.engineMs), target: `< ${n(TARGET.unchangedEngineMs)} ms`, verdict: verdict(f.engineMs < TARGET.unchangedEngineMs) });
      rows.push({ section, figure: 'items skipped / failed', value: `${n(f.result.itemsSkipped)} / ${n(f.result.itemsFailed)}`, target: `${n(o.items)} / 0`, verdict: verdict(f.result.itemsSkipped === o.items && f.result.itemsFailed === 0) });
      common(section, f);
    };
    const changedRows = (section: string, f: RunFigures, changed: number, sourceTarget: number | null) => {
      rows.push({ section, figure: `source requests (${f.source.name})`, value: n(f.source.requests), target: sourceTarget === null ? '' : `≤ ${sourceTarget}`, verdict: sourceTarget === null ? '' : verdict(f.source.requests <= sourceTarget) });
      rows.push({ section, figure: `target requests / writes (${f.target.name})`, value: `${n(f.target.requests)} / ${n(f.target.writes)}`, target: `writes = ${changed}`, verdict: verdict(f.target.writes === changed) });
      rows.push({ section, figure: 'engine wall time', value: ms(f.engineMs), target: '', verdict: '' });
      rows.push({ section, figure: 'items updated / skipped / failed', value: `${n(f.result.itemsUpdated)} / ${n(f.result.itemsSkipped)} / ${n(f.result.itemsFailed)}`, target: `${changed} / ${n(o.items - changed)} / 0`, verdict: verdict(f.result.itemsUpdated === changed && f.result.itemsFailed === 0) });
      common(section, f);
    };
    const vsNaive = (section: string, f: RunFigures, base: Baseline) => {
      const baseRequests = (base.sourceRequests + base.targetRequests) * base.scale;
      const baseMs = base.wallMs * base.scale;
      const ours = f.source.requests + f.target.requests;
      const how = base.scale > 1 ? ` (${n(base.items)} walked, ×${base.scale.toFixed(1)})` : '';
      rows.push({ section, figure: `naive baseline requests / wall${how}`, value: `${n(baseRequests)} / ${ms(baseMs)}`, target: '', verdict: '' });
      rows.push({ section, figure: 'ours vs naive: requests / wall time', value: `${(baseRequests / Math.max(1, ours)).toFixed(0)}x fewer / ${(baseMs / f.engineMs).toFixed(1)}x faster`, target: '', verdict: '' });
    };
    const pct = `${o.changedPercent} %`;
    unchangedRows('NS→Shopify unchanged, ids given', runs.nsIdsUnchanged, TARGET.idsSourceRequestsNetSuite);
    vsNaive('NS→Shopify unchanged, ids given', runs.nsIdsUnchanged, baselines.nsUnchanged);
    unchangedRows('NS→Shopify unchanged, whole list', runs.nsWholeUnchanged, TARGET.wholeListSourceRequests);
    unchangedRows('Shopify→NS unchanged, ids given', runs.shopIdsUnchanged, TARGET.idsSourceRequestsShopify);
    vsNaive('Shopify→NS unchanged, ids given', runs.shopIdsUnchanged, baselines.shopUnchanged);
    unchangedRows('Shopify→NS unchanged, whole list', runs.shopWholeUnchanged, TARGET.wholeListSourceRequests);
    changedRows(`NS→Shopify ${pct} changed, ids given`, runs.nsIdsChanged, setX.length, TARGET.idsSourceRequestsNetSuite);
    vsNaive(`NS→Shopify ${pct} changed, ids given`, runs.nsIdsChanged, baselines.nsChanged);
    changedRows(`NS→Shopify ${pct} changed, whole list`, runs.nsWholeChanged, setY.length, TARGET.wholeListSourceRequests);
    changedRows(`Shopify→NS ${pct} changed, ids given`, runs.shopIdsChanged, setX.length, TARGET.idsSourceRequestsShopify);
    vsNaive(`Shopify→NS ${pct} changed, ids given`, runs.shopIdsChanged, baselines.shopChanged);
    changedRows(`Shopify→NS ${pct} changed, whole list`, runs.shopWholeChanged, setY.length, TARGET.wholeListSourceRequests);
    const sec = `full sync ${n(o.fullItems)} → Shopify (2,000 pts, 1,000/s)`;
    rows.push({ section: sec, figure: 'points spent per second / restore rate', value: `${(throttledFigures.spentFraction * 100).toFixed(1)} %`, target: `≥ ${TARGET.restoreFraction * 100} %`, verdict: verdict(throttledFigures.spentFraction >= TARGET.restoreFraction) });
    rows.push({ section: sec, figure: 'the same, less the starting bucket (restored only)', value: `${(restoredFraction * 100).toFixed(1)} %`, target: `≥ ${TARGET.restoreFraction * 100} %`, verdict: verdict(restoredFraction >= TARGET.restoreFraction) });
    rows.push({ section: sec, figure: 'actual points / wall / THROTTLED answers', value: `${n(cost.actualCost)} / ${ms(full.engineMs)} / ${cost.throttled}`, target: '', verdict: '' });
    rows.push({ section: sec, figure: 'bucket median level / share of time > 1,800', value: `${throttledFigures.bucketMedian} / ${(throttledFigures.shareOfTimeBucketAbove1800 * 100).toFixed(0)} %`, target: '', verdict: '' });
    rows.push({ section: sec, figure: 'items updated / failed', value: `${n(full.result.itemsUpdated)} / ${n(full.result.itemsFailed)}`, target: `${n(o.fullItems)} / 0`, verdict: verdict(full.result.itemsUpdated === o.fullItems && full.result.itemsFailed === 0) });
    common(sec, full);
    const measuredRss = Math.max(...Object.values(runs).map((r) => r.peakRssBytes), full.peakRssBytes);
    rows.push({ section: 'process', figure: 'peak RSS of the engine process during the measured runs', value: mb(measuredRss), target: '', verdict: '' });
    rows.push({ section: 'process', figure: 'peak RSS of the engine process (maxRSS, setup included)', value: mb(maxRssBytes), target: '', verdict: '' });
    const heapPeak = Math.max(...Object.values(runs).map((r) => r.peakHeapUsedBytes), full.peakHeapUsedBytes);
    const liveMax = Math.max(...Object.values(runs).map((r) => r.liveHeapAfterBytes), full.liveHeapAfterBytes);
    rows.push({ section: 'process', figure: 'peak V8 heap in use during the measured runs / live after GC', value: `${mb(heapPeak)} / ${mb(liveMax)}`, target: '', verdict: '' });
    rows.push({ section: 'process', figure: 'peak RSS of the simulators process', value: simulatorsRssBytes === null ? '?' : mb(simulatorsRssBytes), target: '', verdict: '' });
    rows.push({ section: 'process', figure: `setup ("${o.setup}")`, value: ms(setupMs), target: '', verdict: '' });

    console.log(renderTable(rows));
    const passed = rows.filter((r) => r.verdict === 'PASS').length;
    const failed = rows.filter((r) => r.verdict === 'FAIL');
    console.log(`\n${passed} passed, ${failed.length} failed`);
    if (os.loadavg()[0]! > os.cpus().length) console.log(`note: machine load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores while measuring: wall times are inflated; the CPU rows are less sensitive to it.`);

    const report = {
      benchmark: 'sync',
      at: new Date().toISOString(),
      options: o,
      environment: { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, database: database.kind, gitCommit: gitCommit(), loadAverage: os.loadavg() },
      targets: TARGET,
      table: rows,
      runs,
      setup: { mode: o.setup, ms: setupMs, runs: setup },
      baselines,
      changed: { setX: setX.length, setY: setY.length },
      throttledFullSync: throttledFigures,
      bucketSamples: samples.filter((_, i) => i % 10 === 0),
      peakRssBytes: maxRssBytes,
      sampledPeakRssBytes: rss.peak,
      simulatorsPeakRssBytes: simulatorsRssBytes,
    };
    const dir = join(here, 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `sync-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`results: ${file}`);
    if (failed.length) process.exitCode = 1;
  } finally {
    rss.stop();
    fetches.uninstall();
    await rt?.stop().catch((err: unknown) => log(`runtime stop failed: ${String(err)}`));
    await database?.drop().catch((err: unknown) => log(`database drop failed: ${String(err)}`));
    await host.stop().catch(() => undefined);
  }
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function gitCommit(): string | null {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: here, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return null;
  }
}
