import { generateCatalogue, type CatalogueProduct } from '../catalogue.js';
import { SimClock } from '../common/clock.js';
import { CallCounters } from '../common/counters.js';
import { FaultInjector, seededRandom, type FaultOptions } from '../common/faults.js';
import { SimHttpServer } from '../common/http.js';
import { createApiHandler } from './api-handler.js';
import { controlRoutes } from './control.js';
import { TbaVerifier, type TbaCredentials } from './oauth.js';
import { resolveOptions, type NetSuiteSimulatorOptions } from './options.js';
import { changeItem, findItem, seedCustomers, seedItems, type ItemPatch, type SeedCustomer, type SeedItem } from './seed.js';
import type { SimState } from './state.js';
import { NetSuiteStore, type SimCustomer, type SimItem, type SimSalesOrder } from './store.js';
import { createTables } from './suiteql/tables.js';
import { assertTimeZone } from './time-zone.js';

export interface NetSuiteSimulator {
  /** `http://127.0.0.1:<port>`; the connector's `settings.baseUrl`. */
  readonly url: string;
  readonly accountId: string;
  readonly credentials: TbaCredentials;
  readonly timeZone: string;
  readonly clock: SimClock;
  readonly counters: CallCounters;
  start(): Promise<string>;
  stop(): Promise<void>;
  seedItems(items: Array<SeedItem | CatalogueProduct>, options?: { modifiedAt?: Date }): SimItem[];
  seedCustomers(customers: SeedCustomer[]): SimCustomer[];
  /** Changes an item by internal id or itemId; bumps lastModifiedDate to the simulated now (whole seconds). */
  changeItem(idOrItemId: string, patch: ItemPatch): SimItem;
  getItem(idOrItemId: string): SimItem | undefined;
  listItems(): SimItem[];
  listSalesOrders(): SimSalesOrder[];
  listCustomers(): SimCustomer[];
  setFaults(faults: FaultOptions): void;
  setConcurrencyLimit(limit: number): void;
  /** Requests in flight now and the most seen at once since the last reset. */
  concurrency(): { inFlight: number; peak: number; limit: number };
  /** Why recent logins were refused (NetSuite shows this only in its Login Audit Trail). */
  loginAuditTrail(): string[];
  /** Back to the seeded state: records, counters, faults, nonces, clock. */
  reset(): void;
}

export function createNetSuiteSimulator(options: NetSuiteSimulatorOptions = {}): NetSuiteSimulator {
  const resolved = resolveOptions(options);
  assertTimeZone(resolved.timeZone);
  const clock = new SimClock();
  const counters = new CallCounters();
  const faults = new FaultInjector();
  const verifier = new TbaVerifier({ accountId: resolved.accountId, credentials: resolved.credentials, toleranceSeconds: resolved.timestampToleranceSeconds });
  const inFlight = { count: 0, peak: 0 };
  const loginAudit: string[] = [];
  const state: SimState = { store: new NetSuiteStore(resolved.locations), clock, options: resolved, tables: new Map(), random: Math.random };

  function initialise(): void {
    if (options.now) clock.set(options.now);
    else clock.set(new Date());
    state.store = new NetSuiteStore(resolved.locations);
    state.tables = createTables(state.store, resolved.timeZone);
    state.random = options.shuffleSeed === undefined ? Math.random : seededRandom(options.shuffleSeed);
    counters.reset();
    faults.set(options.faults ?? {});
    verifier.reset();
    loginAudit.length = 0;
    inFlight.peak = inFlight.count;
    if (options.catalogue) seedItems(state, generateCatalogue({ products: options.catalogue.products ?? 50, seed: options.catalogue.seed }).products);
  }
  initialise();

  const sim: NetSuiteSimulator = {
    get url() {
      return server.url;
    },
    accountId: resolved.accountId,
    credentials: resolved.credentials,
    timeZone: resolved.timeZone,
    clock,
    counters,
    start: () => server.start(),
    stop: () => server.stop(),
    seedItems: (items, o) => seedItems(state, items, o?.modifiedAt),
    seedCustomers: (customers) => seedCustomers(state, customers),
    changeItem: (id, patch) => changeItem(state, id, patch),
    getItem: (id) => findItem(state, id),
    listItems: () => [...state.store.items.values()],
    listSalesOrders: () => [...state.store.salesOrders.values()],
    listCustomers: () => [...state.store.customers.values()],
    setFaults: (f) => faults.set(f),
    setConcurrencyLimit: (limit) => {
      if (!Number.isInteger(limit) || limit < 1) throw new Error('concurrency limit must be a positive integer');
      resolved.concurrencyLimit = limit;
    },
    concurrency: () => ({ inFlight: inFlight.count, peak: inFlight.peak, limit: resolved.concurrencyLimit }),
    loginAuditTrail: () => [...loginAudit],
    reset: initialise,
  };
  const server = new SimHttpServer(createApiHandler({ state, counters, faults, verifier, inFlight, loginAudit }), controlRoutes(sim), options.port ?? 0, options.host);
  return sim;
}
