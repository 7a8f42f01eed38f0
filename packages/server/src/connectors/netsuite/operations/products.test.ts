import type { NetSuiteSimulator } from '@synclane/simulators';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CanonicalProduct } from '../../types.js';
import { connectorFor, startSimulator } from '../fixtures/simulator.js';

let sim: NetSuiteSimulator;

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.stop());
beforeEach(() => {
  sim.reset();
  sim.seedItems([{ itemId: 'SEED', category: 'Toys' }, { itemId: 'SEED-2', category: 'Home' }]);
});

const product = (over: Partial<CanonicalProduct> = {}): CanonicalProduct => ({ kind: 'product', sku: 'NEW-1', title: 'New Lamp', price: '12.5', status: 'active', category: 'Toys', ...over });
const key = { syncListId: '5b7c1f2e-0000-4000-8000-000000000001', sourceId: 'gid://shopify/Product/1' };

describe('product create and update', () => {
  it('is idempotent: the same create twice leaves one item', async () => {
    const connector = connectorFor(sim);
    const first = await connector.create('product', product(), key);
    const second = await connector.create('product', product({ title: 'Retried' }), key);
    expect(second).toBe(first);
    const mine = sim.listItems().filter((i) => i.externalId === `synclane-${key.syncListId}`);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: first, itemId: 'NEW-1', displayName: 'Retried', basePrice: 12.5, isInactive: false });
    expect(await connector.findByKey('product', product(), key)).toEqual([first]);
  });

  it('adopts the one existing item with the SKU, and refuses when several share it', async () => {
    const connector = connectorFor(sim);
    const existing = sim.getItem('SEED');
    const adopted = await connector.create('product', product({ sku: 'SEED', title: 'Adopted' }), key);
    expect(adopted).toBe(existing?.id);
    expect(sim.listItems()).toHaveLength(2);
    sim.seedItems([{ itemId: 'DUP' }, { itemId: 'DUP' }]);
    await expect(connector.create('product', product({ sku: 'DUP' }), { ...key, syncListId: 'other' })).rejects.toMatchObject({ kind: 'permanent', message: expect.stringContaining('2 items already have SKU DUP') });
  });

  it('round-trips a product: written, then read back equal', async () => {
    const connector = connectorFor(sim);
    const written = product({ status: 'archived', category: 'Home', price: '0.5' });
    const id = await connector.create('product', written, key);
    const read = await connector.readMany('product', [id]);
    expect(read.get(id)?.data).toEqual({ ...written, price: '0.50' });
    await connector.update('product', id, { ...written, status: 'active', category: null });
    expect((await connector.readMany('product', [id])).get(id)?.data).toMatchObject({ status: 'active', category: null });
  });

  it('fails clearly on an unknown class and on a target that is gone', async () => {
    const connector = connectorFor(sim);
    await expect(connector.create('product', product({ category: 'Nope' }), key)).rejects.toMatchObject({ kind: 'permanent', message: expect.stringContaining('no active class named "Nope"') });
    await expect(connector.update('product', '12345', product())).rejects.toMatchObject({ kind: 'not_found' });
  });
});
