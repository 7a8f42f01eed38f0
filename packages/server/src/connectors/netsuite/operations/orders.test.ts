import type { NetSuiteSimulator } from '@synclane/simulators';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CanonicalOrder } from '../../types.js';
import { connectorFor, startSimulator } from '../fixtures/simulator.js';

let sim: NetSuiteSimulator;
let shippingItemId: string;

beforeAll(async () => {
  sim = await startSimulator({ now: new Date('2026-11-25T03:30:00Z') });
});
afterAll(() => sim.stop());
beforeEach(() => {
  sim.reset();
  const [, , shipping] = sim.seedItems([{ itemId: 'SKU-1', basePrice: 10 }, { itemId: 'SKU-2', basePrice: 5 }, { itemId: 'SHIP' }]);
  shippingItemId = shipping.id;
});

const order = (over: Partial<CanonicalOrder> = {}): CanonicalOrder => ({
  kind: 'order',
  orderNumber: '#1001',
  email: 'ada@example.com',
  firstName: 'Ada',
  lastName: 'Lovelace',
  currency: 'USD',
  lines: [
    { sku: 'SKU-1', quantity: 2, price: '10.00' },
    { sku: 'SKU-2', quantity: 1, price: '5.00' },
  ],
  shipping: '4.95',
  placedAt: new Date('2026-11-25T03:00:00Z'),
  ...over,
});
const key = { syncListId: 'order-1', sourceId: 'gid://shopify/Order/1' };

describe('order create (Shopify → NetSuite)', () => {
  it('creates a customer and a sales order once, even when sent twice', async () => {
    const connector = connectorFor(sim, { settings: { shippingItemId } });
    const first = await connector.create('order', order(), key);
    const second = await connector.create('order', order(), key);
    expect(second).toBe(first);
    expect(sim.listCustomers()).toHaveLength(1);
    expect(sim.listSalesOrders()).toHaveLength(1);
    const so = sim.listSalesOrders()[0];
    expect(so).toMatchObject({ externalId: 'synclane-order-1', entity: sim.listCustomers()[0].id, otherRefNum: '#1001', tranDate: '2026-11-24' });
    expect(so.lines.map((l) => [sim.getItem(l.item)?.itemId, l.quantity, l.rate])).toEqual([['SKU-1', 2, 10], ['SKU-2', 1, 5], ['SHIP', 1, 4.95]]);
    expect(await connector.findByKey('order', order(), key)).toEqual([first]);
  });

  it('uses the customer that already has the e-mail', async () => {
    const [existing] = sim.seedCustomers([{ email: 'ADA@example.com', firstName: 'Ada', lastName: 'L' }]);
    await connectorFor(sim, { settings: { shippingItemId } }).create('order', order(), key);
    expect(sim.listCustomers()).toHaveLength(1);
    expect(sim.listSalesOrders()[0].entity).toBe(existing.id);
  });

  it('fails an order with an unknown SKU, naming it, and creates nothing', async () => {
    const connector = connectorFor(sim, { settings: { shippingItemId } });
    const bad = order({ lines: [{ sku: 'SKU-1', quantity: 1, price: '10.00' }, { sku: 'GHOST', quantity: 1, price: '1.00' }] });
    await expect(connector.create('order', bad, key)).rejects.toMatchObject({ kind: 'permanent', message: expect.stringContaining('GHOST') });
    expect(sim.listCustomers()).toHaveLength(0);
    expect(sim.listSalesOrders()).toHaveLength(0);
  });

  it('updates the lines in place', async () => {
    const connector = connectorFor(sim, { settings: { shippingItemId } });
    const id = await connector.create('order', order(), key);
    await connector.update('order', id, order({ lines: [{ sku: 'SKU-2', quantity: 3, price: '5.00' }], shipping: null }));
    expect(sim.listSalesOrders()[0].lines).toMatchObject([{ quantity: 3, rate: 5 }]);
    await expect(connector.update('order', '999', order())).rejects.toMatchObject({ kind: 'not_found' });
  });
});
