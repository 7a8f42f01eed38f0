import { generateCatalogue } from '../catalogue.js';
import type { FaultOptions } from '../common/faults.js';
import { HttpError, type ControlRoute } from '../common/http.js';
import type { ItemPatch, SeedCustomer, SeedItem } from './seed.js';
import type { NetSuiteSimulator } from './simulator.js';

type Body = Record<string, unknown>;

const object = (body: unknown): Body => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'expected a JSON object');
  return body as Body;
};

const idOf = (body: unknown): string => {
  const id = object(body).id;
  if (typeof id !== 'string' && typeof id !== 'number') throw new HttpError(400, 'expected "id" (internal id or itemId)');
  return String(id);
};

/** The control API over HTTP under /__sim/, mirroring the simulator object's methods. */
export function controlRoutes(sim: NetSuiteSimulator): ControlRoute[] {
  return [
    { method: 'GET', path: 'info', handle: () => ({ url: sim.url, accountId: sim.accountId, timeZone: sim.timeZone, concurrency: sim.concurrency() }) },
    {
      method: 'POST',
      path: 'seed-items',
      handle: (body) => {
        const b = object(body);
        // Either explicit items, or a catalogue size and seed.
        const items = Array.isArray(b.items) ? (b.items as SeedItem[]) : generateCatalogue({ products: Number(b.products ?? 0), seed: typeof b.seed === 'number' ? b.seed : undefined }).products;
        const modifiedAt = typeof b.modifiedAt === 'string' ? new Date(b.modifiedAt) : undefined;
        return { seeded: sim.seedItems(items, { modifiedAt }).length };
      },
    },
    { method: 'POST', path: 'seed-customers', handle: (body) => sim.seedCustomers(object(body).customers as SeedCustomer[]) },
    {
      method: 'POST',
      path: 'change-item',
      handle: (body) => {
        try {
          return sim.changeItem(idOf(body), (object(body).patch ?? {}) as ItemPatch);
        } catch (err) {
          throw new HttpError(404, err instanceof Error ? err.message : String(err));
        }
      },
    },
    {
      method: 'POST',
      path: 'get-item',
      handle: (body) => {
        const item = sim.getItem(idOf(body));
        if (!item) throw new HttpError(404, 'no such item');
        return item;
      },
    },
    { method: 'GET', path: 'items', handle: () => sim.listItems() },
    { method: 'GET', path: 'sales-orders', handle: () => sim.listSalesOrders() },
    { method: 'GET', path: 'customers', handle: () => sim.listCustomers() },
    { method: 'GET', path: 'counters', handle: () => ({ ...sim.counters.all(), total: sim.counters.total() }) },
    { method: 'POST', path: 'counters/reset', handle: () => sim.counters.reset() },
    { method: 'POST', path: 'faults', handle: (body) => sim.setFaults(object(body) as FaultOptions) },
    { method: 'GET', path: 'clock', handle: () => ({ now: sim.clock.now().toISOString() }) },
    {
      method: 'POST',
      path: 'clock',
      handle: (body) => {
        const b = object(body);
        if (typeof b.set === 'string') sim.clock.set(new Date(b.set));
        if (typeof b.advanceMs === 'number') sim.clock.advance(b.advanceMs);
        return { now: sim.clock.now().toISOString() };
      },
    },
    {
      method: 'POST',
      path: 'concurrency-limit',
      handle: (body) => {
        sim.setConcurrencyLimit(Number(object(body).limit));
        return sim.concurrency();
      },
    },
    { method: 'GET', path: 'concurrency', handle: () => sim.concurrency() },
    { method: 'GET', path: 'login-audit', handle: () => sim.loginAuditTrail() },
    { method: 'POST', path: 'reset', handle: () => sim.reset() },
  ];
}
