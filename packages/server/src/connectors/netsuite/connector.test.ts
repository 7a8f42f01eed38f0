import type { NetSuiteSimulator } from '@synclane/simulators';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CanonicalByType, ChangedPage, Connector, ItemType, Watermark } from '../types.js';
import { createTbaAuth } from './auth/tba.js';
import { connectorFor, startSimulator } from './fixtures/simulator.js';

let sim: NetSuiteSimulator;

beforeAll(async () => {
  sim = await startSimulator({ now: new Date('2026-10-31T12:00:00Z') });
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

async function drain<K extends ItemType>(connector: Connector, type: K, watermark: Watermark | null): Promise<ChangedPage<CanonicalByType[K]>[]> {
  const pages: ChangedPage<CanonicalByType[K]>[] = [];
  for await (const page of connector.changedSince(type, watermark)) pages.push(page);
  return pages;
}

describe('test() and auth', () => {
  it('reports a reachable account with its server time', async () => {
    expect(await connectorFor(sim).test()).toEqual({ ok: true, message: expect.stringContaining('NetSuite account 123456_SB1 answered; server time 2026-10-31T12:00') });
  });

  it('is refused by the simulator for a reused nonce or a stale timestamp', async () => {
    const credentials = sim.credentials;
    const fixedNonce = connectorFor(sim, { auth: createTbaAuth({ accountId: sim.accountId, credentials, nonce: () => 'same-nonce' }) });
    await fixedNonce.serverTime();
    await expect(fixedNonce.serverTime()).rejects.toMatchObject({ kind: 'auth', status: 401 });
    const stale = connectorFor(sim, { auth: createTbaAuth({ accountId: sim.accountId, credentials, nowSeconds: () => Math.floor(Date.now() / 1000) - 600 }) });
    await expect(stale.serverTime()).rejects.toMatchObject({ kind: 'auth' });
    expect(sim.loginAuditTrail()).toEqual([expect.stringContaining('already used'), expect.stringContaining('timestamp')]);
  });
});

describe('changedSince', () => {
  it('reads everything first, then only what changed, with a watermark from NetSuite timestamps', async () => {
    sim.seedItems(Array.from({ length: 1_200 }, (_, i) => ({ itemId: `W-${i}`, basePrice: 1 })), { modifiedAt: new Date('2026-10-31T11:00:00Z') });
    const connector = connectorFor(sim);
    const full = await drain(connector, 'product', null);
    expect(full.flatMap((p) => p.records)).toHaveLength(1_200);
    const mark = full[full.length - 1].watermark as Watermark;
    expect(mark).toEqual({ at: new Date('2026-10-31T11:00:00Z'), id: '1200' });

    sim.clock.advance(2 * 3_600_000);
    const changed = sim.changeItem('W-7', { basePrice: 2 });
    sim.clock.advance(60_000);
    const delta = await drain(connector, 'product', mark);
    expect(delta.flatMap((p) => p.records.map((r) => r.data.sku))).toEqual(['W-7']);
    expect(delta[delta.length - 1].watermark).toEqual({ at: changed.lastModifiedDate, id: '8' });
  });

  it('does not close the current second: a later save in it with a lower id is still found', async () => {
    sim.seedItems([{ itemId: 'A' }, { itemId: 'B' }, { itemId: 'C' }], { modifiedAt: new Date('2026-10-31T11:00:00Z') });
    const connector = connectorFor(sim);
    sim.changeItem('C', { displayName: 'first save at 12:00:00' });
    const first = await drain(connector, 'product', null);
    const mark = first[first.length - 1].watermark as Watermark;
    // The save of C is too recent to close its second; the watermark stays on settled rows.
    expect(mark).toEqual({ at: new Date('2026-10-31T11:00:00Z'), id: '2' });
    sim.changeItem('A', { displayName: 'same second, lower id' });
    sim.clock.advance(60_000);
    const next = await drain(connector, 'product', mark);
    expect(next.flatMap((p) => p.records.map((r) => r.data.sku)).sort()).toEqual(['A', 'C']);
  });

  it('keeps the watermark when nothing changed', async () => {
    const mark = { at: new Date('2026-10-31T11:00:00Z'), id: '3' };
    expect(await drain(connectorFor(sim), 'product', mark)).toEqual([{ records: [], watermark: mark }]);
  });

  it('misses nothing across local midnight and the end of DST, with an overlap of at least an hour', async () => {
    // New York: 2026-11-01 04:00Z is local midnight; 05:00Z-07:00Z spans the repeated 01:00-02:00.
    const times = ['2026-11-01T03:59:59Z', '2026-11-01T04:00:00Z', '2026-11-01T05:15:00Z', '2026-11-01T06:15:00Z', '2026-11-01T06:59:59Z', '2026-11-01T07:30:00Z'];
    sim.seedItems(times.map((iso, i) => ({ itemId: `D-${i}`, lastModifiedDate: new Date(iso) })));
    const connector = connectorFor(sim);
    // The engine last saw everything up to 06:00Z (01:00 EST, the second 01:00).
    const pages = await drain(connector, 'product', { at: new Date('2026-11-01T06:00:00Z'), id: '0' });
    const skus = pages.flatMap((p) => p.records.map((r) => r.data.sku));
    expect(skus).toEqual(expect.arrayContaining(['D-3', 'D-4', 'D-5']));
    const updated = new Map(pages.flatMap((p) => p.records.map((r) => [r.data.sku, r.updatedAt.toISOString()])));
    expect(updated.get('D-5')).toBe('2026-11-01T07:30:00.000Z');
    expect(updated.get('D-2')).toBe('2026-11-01T05:15:00.000Z');
  });

  it('reads inventory changes at the configured location', async () => {
    sim.seedItems([{ itemId: 'INV-1', quantities: { '1': 4, '2': 9 } }]);
    const pages = await drain(connectorFor(sim, { settings: { locationId: '2' } }), 'inventory', null);
    expect(pages[0].records[0].data).toEqual({ kind: 'inventory', sku: 'INV-1', quantity: 9 });
  });
});

describe('unsupported directions', () => {
  it('refuses reading orders and writing inventory, permanently', async () => {
    const connector = connectorFor(sim);
    await expect(connector.readMany('order', ['1'])).rejects.toMatchObject({ kind: 'permanent' });
    await expect(connector.create('inventory', { kind: 'inventory', sku: 'X', quantity: 1 }, { syncListId: 'a', sourceId: 'b' })).rejects.toMatchObject({ kind: 'permanent' });
  });
});

describe('changedSince across the repeated hour', () => {
  it('never drops a row whose wall time may be after the watermark', async () => {
    // 06:15Z shows as 01:15, which also names 05:15Z, before the watermark at 05:45Z.
    sim.seedItems([{ itemId: 'AMB', lastModifiedDate: new Date('2026-11-01T06:15:00Z') }, { itemId: 'OLD', lastModifiedDate: new Date('2026-11-01T04:30:00Z') }]);
    const pages = await drain(connectorFor(sim), 'product', { at: new Date('2026-11-01T05:45:00Z'), id: '99' });
    expect(pages.flatMap((p) => p.records.map((r) => r.data.sku))).toEqual(['AMB']);
  });
});
