// Micro-benchmark of the query shapes a 1,000-user delta sync sends to ONE simulator of each kind
// (100,000 records): changed-since reads, id reads and the writes between them.
//   npx tsx packages/simulators/src/perf.bench.ts [--items=100000] [--runs=20] [--only=netsuite|shopify] [--skip-slow]
// Both are timed in-process, without the socket: NetSuite's handleSuiteQL (parse, execute,
// render) and Shopify's whole GraphQL handler (parse, validate, cost, execute, JSON). One HTTP
// round trip to an empty simulator is printed for scale.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { SimClock } from './common/clock.js';
import { CallCounters } from './common/counters.js';
import { FaultInjector, seededRandom } from './common/faults.js';
import { resolveOptions } from './netsuite/options.js';
import { handleRecord } from './netsuite/records.js';
import { changeItem, seedItems, type SeedItem } from './netsuite/seed.js';
import type { SimState } from './netsuite/state.js';
import { NetSuiteStore } from './netsuite/store.js';
import { handleSuiteQL } from './netsuite/suiteql-route.js';
import { createTables } from './netsuite/suiteql/tables.js';
import { LeakyBucket } from './shopify/bucket.js';
import { SortedLists } from './shopify/context.js';
import { createGraphqlHandler } from './shopify/handler.js';
import { postGraphql } from './shopify/post-graphql.js';
import type { ProductRecord } from './shopify/records.js';
import { buildShopifySchema } from './shopify/schema.js';
import { seedProducts } from './shopify/seed.js';
import { createShopifySimulator } from './shopify/simulator.js';
import { ShopifyStore } from './shopify/store.js';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const N = arg('items', 100_000);
const RUNS = arg('runs', 20);
/** Leaves out the shapes that stay O(catalogue), e.g. to profile the fast ones. */
const SKIP_SLOW = process.argv.includes('--skip-slow');
const DAY = 86_400_000;
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
/** Like bench/sync.ts: one record modified every 37 s, the newest a day ago. */
const NEWEST = NOW.getTime() - DAY;
const spread = (i: number) => new Date(NEWEST - (N - 1 - i) * 37_000);

const results: Array<{ name: string; min: number; median: number; max: number; rows: string }> = [];

async function time(name: string, run: () => unknown, runs = RUNS): Promise<void> {
  let rows = '';
  for (let i = 0; i < 2; i++) rows = describe(await run());
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  results.push({ name, min: samples[0] as number, median: samples[Math.floor(samples.length / 2)] as number, max: samples[samples.length - 1] as number, rows });
}

function describe(answer: unknown): string {
  const body = (answer as { body?: Record<string, unknown> } | undefined)?.body ?? {};
  if ('totalResults' in body) return `${String(body.count)} rows of ${String(body.totalResults)}, hasMore ${String(body.hasMore)}`;
  const data = (body.data ?? {}) as Record<string, { nodes?: unknown[]; length?: number } | unknown[]>;
  const first = Object.values(data)[0];
  if (Array.isArray(first)) return `${first.filter((n) => n !== null).length} nodes`;
  if (first && typeof first === 'object' && 'nodes' in first) return `${(first.nodes as unknown[]).length} nodes`;
  return JSON.stringify(body).slice(0, 80);
}

// --- NetSuite ------------------------------------------------------------------------------

const WALL = "'YYYY-MM-DD HH24:MI:SS'";
const SELECT = `item.id AS id, item.itemid AS itemid, item.displayname AS displayname, item.baseprice AS baseprice, item.isinactive AS isinactive, BUILTIN.DF(item.class) AS classname, TO_CHAR(item.lastmodifieddate, ${WALL}) AS modified`;

async function netsuite(): Promise<void> {
  const options = resolveOptions({ timeZone: 'America/Los_Angeles' });
  const clock = new SimClock();
  clock.set(NOW);
  const store = new NetSuiteStore(options.locations);
  const state: SimState = { store, clock, options, tables: createTables(store, options.timeZone), random: seededRandom(1) };
  const items: SeedItem[] = Array.from({ length: N }, (_, i) => ({
    itemId: `SKU-${i}`, displayName: `Item ${i}`, basePrice: 10 + (i % 90), category: ['Toys', 'Home', 'Garden'][i % 3], quantities: { '1': i % 50, '2': 0 }, lastModifiedDate: spread(i),
  }));
  const start = performance.now();
  seedItems(state, items);
  console.log(`netsuite: seeded ${N} items in ${(performance.now() - start).toFixed(0)} ms`);

  const wall = (d: Date) => {
    const w = new Intl.DateTimeFormat('sv-SE', { timeZone: options.timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(d);
    return `TO_DATE('${w}', ${WALL})`;
  };
  const url = (limit = 1000, offset = 0) => new URL(`http://sim/services/rest/query/v1/suiteql?limit=${limit}&offset=${offset}`);
  const q = (text: string, limit = 1000) => () => handleSuiteQL(state, url(limit), 'transient', { q: text });
  const since = (at: Date, from = 'item', select = SELECT) =>
    `SELECT ${select} FROM ${from} WHERE (item.itemtype = 'InvtPart') AND (item.lastmodifieddate >= ${wall(at)}) ORDER BY item.lastmodifieddate, item.id`;

  // Few rows: a watermark 10 minutes before the newest save (17 rows).
  await time('ns changed-since, recent watermark', q(since(new Date(NEWEST - 600_000))));
  const inventory = 'item.id AS id, item.itemid AS itemid, iil.quantityonhand AS quantity, TO_CHAR(item.lastmodifieddate, ' + WALL + ') AS modified';
  await time('ns changed-since + LEFT JOIN locations, recent', q(since(new Date(NEWEST - 600_000), 'item LEFT JOIN inventoryitemlocations iil ON iil.item = item.id AND iil.location = 1', inventory)));

  // 1 % of the items change now; the read starts an hour before the watermark.
  // The clock runs in real time: pin it so every change lands on NOW whatever seeding took.
  for (let i = 0; i < N; i += 100) {
    clock.set(NOW);
    changeItem(state, String(i + 1), { basePrice: 5000 + i });
  }
  await time('ns changed-since, 1% changed (1000 rows)', q(since(new Date(NOW.getTime() - 3_600_000))));
  await time('ns changed-since, 1% changed, page of 200', q(since(new Date(NOW.getTime() - 3_600_000)), 200));
  const at = wall(NOW);
  await time('ns keyset continuation (> t OR = t AND id > n)', q(`SELECT ${SELECT} FROM item WHERE (item.itemtype = 'InvtPart') AND (item.lastmodifieddate > ${at} OR (item.lastmodifieddate = ${at} AND item.id > 50001)) ORDER BY item.lastmodifieddate, item.id`));
  const ids = Array.from({ length: 1000 }, (_, i) => 1 + ((i * 97) % N));
  await time('ns id IN (1000 ids)', q(`SELECT ${SELECT} FROM item WHERE item.itemtype = 'InvtPart' AND item.id IN (${ids.join(', ')})`));

  // A write between reads (every user writes a few items): the next read must not rebuild 100,000 rows.
  let n = 0;
  const patch = () => {
    n += 1;
    clock.advance(1000);
    handleRecord(state, { method: 'PATCH', url: new URL(`http://sim/services/rest/record/v1/inventoryItem/${n * 7}`), segments: ['inventoryItem', String(n * 7)], body: { basePrice: n } });
  };
  await time('ns PATCH item', patch);
  await time('ns PATCH item, then changed-since (recent)', () => {
    patch();
    return q(since(new Date(clock.now().getTime() - 3_600_000)))();
  });
  await time('ns PATCH item, then id IN (1000 ids)', () => {
    patch();
    return q(`SELECT ${SELECT} FROM item WHERE item.itemtype = 'InvtPart' AND item.id IN (${ids.join(', ')})`)();
  });
  if (!SKIP_SLOW) await time('ns full scan: no lastmodifieddate bound (first page of a full read)', q(`SELECT ${SELECT} FROM item WHERE (item.itemtype = 'InvtPart') ORDER BY item.lastmodifieddate, item.id`), 5);
}

// --- Shopify -------------------------------------------------------------------------------

const FIELDS = 'id title handle status productType updatedAt variants(first: 2) { nodes { id sku price } }';
const PAGE = `query Products($first: Int!, $after: String, $query: String) { products(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) { nodes { ${FIELDS} } pageInfo { hasNextPage endCursor } } }`;
const BY_IDS = `query ProductsByIds($ids: [ID!]!) { nodes(ids: $ids) { ... on Product { ${FIELDS} } } }`;

/** The GraphQL handler called in-process (no socket), with the simulator's own wiring. */
function inProcessShopify(clock: SimClock) {
  const store = new ShopifyStore(clock);
  for (const name of ['Main Warehouse', 'Retail Store']) store.addLocation(name);
  const handler = createGraphqlHandler({
    schema: buildShopifySchema(), store, bucket: new LeakyBucket({ size: 1e12, restoreRate: 1e12 }), faults: new FaultInjector(), counters: new CallCounters(), clock,
    lists: new SortedLists(), idempotency: new Map(), stats: { requests: 0, throttled: 0, unauthorized: 0, faults: 0 },
    settings: () => ({ accessToken: 'token', apiVersions: ['2026-07'], throttledStatus: 200, maxQueryCost: 1000, searchLagMs: 0, maxPagedObjects: 25_000, shop: { id: 'gid://shopify/Shop/1', name: 'Bench', myshopifyDomain: 'bench.myshopify.com', currencyCode: 'USD', ianaTimezone: 'UTC' } }),
  });
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const req = Object.assign(Readable.from([Buffer.from(JSON.stringify({ query, variables }))]), { method: 'POST', headers: { 'x-shopify-access-token': 'token' } });
    let text = '';
    const res = { writeHead: () => res, end: (t: string) => void (text = t) };
    await handler(req as unknown as IncomingMessage, res as unknown as ServerResponse, new URL('http://sim/admin/api/2026-07/graphql.json'));
    return { body: JSON.parse(text) as Record<string, unknown> };
  };
  return { store, post };
}

async function shopify(): Promise<void> {
  const clock = new SimClock();
  clock.set(NOW);
  const { store, post } = inProcessShopify(clock);
  const start = performance.now();
  seedProducts(store, Array.from({ length: N }, (_, i) => ({ title: `Product ${i}`, handle: `p-${i}`, sku: `SHOP-${i}`, price: '10.00', quantity: 5, updatedAt: spread(i), createdAt: spread(i) })));
  console.log(`shopify: seeded ${N} products in ${(performance.now() - start).toFixed(0)} ms`);

  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  // 199 per page: what 1000 cost points afford the connector's product fields. Each call moves
  // the watermark a second back, as users' watermarks differ: no two calls share a cached list.
  let calls = 0;
  const page = (sinceMs: number, after: string | null = null) => () => post(PAGE, { first: 199, after, query: `updated_at:>'${iso(sinceMs - 1000 * calls++)}'` });
  await time('shop (in-process) { shop { name } }: handler baseline', () => post('{ shop { name } }'));
  await time('shop products updated_at:> recent (17 rows)', page(NEWEST - 600_000));
  const ids = Array.from({ length: 200 }, (_, i) => `gid://shopify/Product/${1001 + ((i * 97) % N)}`);
  await time('shop nodes(ids: 200)', () => post(BY_IDS, { ids }));
  const change = (num: number, title: string) => store.updateProduct(store.products.get(`gid://shopify/Product/${num}`) as ProductRecord, { title });
  for (let i = 0; i < N; i += 100) {
    clock.set(NOW);
    change(1001 + i, `Changed ${i}`);
  }
  await time('shop products updated_at:> 1% changed (page of 199)', page(NOW.getTime() - 60_000));
  const first = await page(NOW.getTime() - 60_000)();
  const cursor = ((first.body.data as Record<string, { pageInfo: { endCursor: string } }>).products as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
  await time('shop products updated_at:> 1% changed, 2nd page', page(NOW.getTime() - 60_000, cursor));
  let n = 0;
  await time('shop change product, then products updated_at:> (recent)', () => {
    n += 1;
    clock.advance(1000);
    change(1001 + n * 7, `Again ${n}`);
    return page(clock.now().getTime() - 60_000)();
  });
  if (!SKIP_SLOW) await time('shop products, no query, sortKey UPDATED_AT (cached list)', () => post(PAGE, { first: 199, after: null, query: null }), 5);

  // For scale: one request over a real socket (fetch + node:http) to an empty simulator.
  const sim = createShopifySimulator({ bucket: { size: 1e12, restoreRate: 1e12 } });
  await sim.start();
  try {
    await time('shop HTTP round trip { shop { name } } (empty simulator)', () => postGraphql(sim, '{ shop { name } }'));
  } finally {
    await sim.stop();
  }
}

const only = process.argv.find((a) => a.startsWith('--only='))?.split('=')[1];
if (only !== 'shopify') await netsuite();
if (only !== 'netsuite') await shopify();
const width = Math.max(...results.map((r) => r.name.length));
// Other work shares this machine's cores: the minimum shows the cost, the median what a run meets.
for (const r of results) {
  const ms = (x: number) => x.toFixed(2).padStart(8);
  console.log(`${r.name.padEnd(width)}  min ${ms(r.min)}  median ${ms(r.median)}  max ${ms(r.max)} ms  (${r.rows.slice(0, 60)})`);
}
