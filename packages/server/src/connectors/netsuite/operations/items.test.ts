import type { NetSuiteSimulator } from '@synclane/simulators';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectorFor, startSimulator } from '../fixtures/simulator.js';

let sim: NetSuiteSimulator;

beforeAll(async () => {
  sim = await startSimulator({ catalogue: { products: 10_000, seed: 9 }, now: new Date('2026-11-25T07:30:00Z') });
});
afterAll(() => sim.stop());
beforeEach(() => sim.counters.reset());

describe('readMany', () => {
  it('reads 10,000 items by id in at most 10 requests', async () => {
    const connector = connectorFor(sim);
    const ids = Array.from({ length: 10_000 }, (_, i) => String(i + 1));
    const records = await connector.readMany('product', ids);
    expect(records.size).toBe(10_000);
    expect(sim.counters.total()).toBeLessThanOrEqual(10);
    expect(sim.counters.get('suiteql')).toBe(10);
    const first = sim.getItem('1');
    expect(records.get('1')).toEqual({
      id: '1',
      updatedAt: new Date('2026-11-25T07:30:00Z'),
      data: { kind: 'product', sku: first?.itemId, title: first?.displayName, price: first?.basePrice?.toFixed(2), status: first?.isInactive ? 'archived' : 'active', category: expect.any(String) },
    });
  });

  it('leaves missing and malformed ids out', async () => {
    const records = await connectorFor(sim).readMany('product', ['5', '5', '999999', 'gid://shopify/Product/1']);
    expect([...records.keys()]).toEqual(['5']);
  });

  it('reads inventory at the configured location, or the total without one', async () => {
    const item = sim.getItem('7');
    const atSecond = await connectorFor(sim, { settings: { locationId: '2' } }).readMany('inventory', ['7']);
    expect(atSecond.get('7')?.data).toEqual({ kind: 'inventory', sku: item?.itemId, quantity: item?.quantities['2'] });
    const total = await connectorFor(sim).readMany('inventory', ['7']);
    expect(total.get('7')?.data.quantity).toBe((item?.quantities['1'] ?? 0) + (item?.quantities['2'] ?? 0));
  });
});

describe('list', () => {
  it('pages a filter by cursor without overlap', async () => {
    const connector = connectorFor(sim);
    const filter = { status: ['active' as const], priceMax: 200, category: 'Toys' };
    const first = await connector.list('product', filter, null, 50);
    expect(first.records).toHaveLength(50);
    expect(first.records.every((r) => r.data.status === 'active' && Number(r.data.price) <= 200 && r.data.category === 'Toys')).toBe(true);
    const second = await connector.list('product', filter, first.nextCursor, 50);
    const firstIds = new Set(first.records.map((r) => r.id));
    expect(second.records.some((r) => firstIds.has(r.id))).toBe(false);
    expect(Number(second.records[0].id)).toBeGreaterThan(Number(first.records[49].id));
  });

  it('searches SKU and title, and filters by exact updatedAfter', async () => {
    sim.clock.set(new Date('2026-11-25T09:00:00Z'));
    sim.changeItem('42', { displayName: 'Zebra Unique Lamp' });
    const connector = connectorFor(sim);
    const found = await connector.list('product', { search: 'zebra unique' }, null, 20);
    expect(found.records.map((r) => r.id)).toEqual(['42']);
    const recent = await connector.list('product', { updatedAfter: '2026-11-25T08:59:59Z' }, null, 100);
    expect(recent.records.map((r) => r.id)).toEqual(['42']);
    await expect(connector.list('product', {}, 'not-a-cursor', 10)).rejects.toThrow(/cursor/);
  });
});
