import type { SimClock } from '../common/clock.js';
import type { ResolvedOptions } from './options.js';
import type { NetSuiteStore } from './store.js';
import type { Table } from './suiteql/tables.js';

/** What the routes share: records, the simulated clock and the resolved options. */
export interface SimState {
  store: NetSuiteStore;
  clock: SimClock;
  options: ResolvedOptions;
  tables: Map<string, Table>;
  random: () => number;
}

/** lastModifiedDate has second precision (serverTime keeps milliseconds). */
export function stampNow(state: SimState): Date {
  const now = state.clock.now().getTime();
  return new Date(now - (now % 1000));
}
