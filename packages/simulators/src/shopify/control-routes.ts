import type { CatalogueOptions } from '../catalogue.js';
import type { FaultOptions } from '../common/faults.js';
import { HttpError, type ControlRoute } from '../common/http.js';
import type { BucketOptions } from './bucket.js';
import { isoSeconds } from './gid.js';
import type { SeedOrderInput, SeedProductInput } from './seed.js';
import type { ProductChange, ShopifySimulator } from './simulator.js';

function record(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'expected a JSON object');
  return body as Record<string, unknown>;
}

function text(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string') throw new HttpError(400, `${key} must be a string`);
  return value;
}

function clockNow(sim: ShopifySimulator) {
  const now = sim.clock.now();
  return { now: now.toISOString(), nowSeconds: isoSeconds(now) };
}

/**
 * The control API over HTTP, under /__sim/ (the same operations as the simulator object):
 * POST seed {products?, orders?, catalogue?} · POST change-product {idOrSku, change} ·
 * POST get-product {idOrSku} · GET products · GET orders · POST change-order {id, change} ·
 * GET/POST faults · GET/POST clock {advanceMs? | set?} · GET counters · POST counters/reset ·
 * GET/POST bucket {size?, restoreRate?, currentlyAvailable?} · GET locations · POST reset {catalogue?}
 */
export function shopifyControlRoutes(sim: ShopifySimulator): ControlRoute[] {
  return [
    {
      method: 'POST', path: 'seed', handle: (body) => {
        const b = record(body);
        const products = Array.isArray(b.products) ? sim.seedProducts(b.products as SeedProductInput[]) : [];
        const orders = Array.isArray(b.orders) ? sim.seedOrders(b.orders as SeedOrderInput[]) : [];
        if (b.catalogue) sim.seedCatalogue(record(b.catalogue) as CatalogueOptions);
        return { products, orders: orders.map((o) => ({ id: o.id, name: o.name })) };
      },
    },
    { method: 'POST', path: 'change-product', handle: (body) => sim.changeProduct(text(record(body), 'idOrSku'), record(record(body).change ?? {}) as ProductChange) },
    {
      method: 'POST', path: 'get-product', handle: (body) => {
        const product = sim.getProduct(text(record(body), 'idOrSku'));
        if (!product) throw new HttpError(404, 'no such product');
        return product;
      },
    },
    { method: 'GET', path: 'products', handle: () => ({ products: sim.listProducts() }) },
    { method: 'GET', path: 'orders', handle: () => ({ orders: sim.listOrders() }) },
    { method: 'POST', path: 'change-order', handle: (body) => sim.changeOrder(text(record(body), 'id'), record(record(body).change ?? {}) as { email?: string }) },
    { method: 'POST', path: 'faults', handle: (body) => { sim.setFaults(record(body) as FaultOptions); return { ok: true }; } },
    {
      method: 'POST', path: 'clock', handle: (body) => {
        const b = record(body);
        if (typeof b.advanceMs === 'number') sim.clock.advance(b.advanceMs);
        else if (typeof b.set === 'string') sim.clock.set(new Date(b.set));
        return clockNow(sim);
      },
    },
    { method: 'GET', path: 'clock', handle: () => clockNow(sim) },
    { method: 'GET', path: 'counters', handle: () => sim.stats() },
    { method: 'POST', path: 'counters/reset', handle: () => { sim.resetCounters(); return { ok: true }; } },
    { method: 'GET', path: 'bucket', handle: () => sim.bucket() },
    { method: 'POST', path: 'bucket', handle: (body) => sim.setBucket(record(body) as BucketOptions) },
    { method: 'GET', path: 'locations', handle: () => ({ locations: sim.locations() }) },
    {
      method: 'POST', path: 'reset', handle: (body) => {
        const catalogue = record(body).catalogue;
        sim.reset(catalogue ? { catalogue: record(catalogue) as CatalogueOptions } : undefined);
        return { ok: true };
      },
    },
  ];
}
