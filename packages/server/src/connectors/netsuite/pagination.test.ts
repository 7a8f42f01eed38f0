import type { NetSuiteSimulator } from '@synclane/simulators';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { wallTimeColumn } from './account-time.js';
import type { NetSuiteClient, SuiteQLRow } from './client.js';
import { clientFor, startSimulator } from './fixtures/simulator.js';
import { modifiedRows, suiteqlPages, type ModifiedQuery } from './pagination.js';

let sim: NetSuiteSimulator;
let client: NetSuiteClient;

beforeAll(async () => {
  sim = await startSimulator({ now: new Date('2026-11-01T03:00:00Z') });
  client = clientFor(sim);
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const query: ModifiedQuery = {
  select: `item.id AS id, item.itemid AS itemid, ${wallTimeColumn('item.lastmodifieddate')} AS modified`,
  from: 'item',
  filter: "item.itemtype = 'InvtPart'",
  modifiedColumn: 'item.lastmodifieddate',
  idColumn: 'item.id',
  modifiedAlias: 'modified',
};

async function collect(since: Date | null, pageSize?: number, between?: (page: number) => void): Promise<SuiteQLRow[]> {
  const rows: SuiteQLRow[] = [];
  let page = 0;
  for await (const batch of modifiedRows(client, query, since, sim.timeZone, pageSize)) {
    rows.push(...batch);
    between?.((page += 1));
  }
  return rows;
}

const seedAt = (isoTimes: string[]) => sim.seedItems(isoTimes.map((iso, i) => ({ itemId: `T-${i}`, lastModifiedDate: new Date(iso) })));

describe('modifiedRows: keyset paging by (lastmodifieddate, id)', () => {
  it('reads many pages, ties spanning page boundaries included, each row once', async () => {
    sim.seedItems(Array.from({ length: 2_500 }, (_, i) => ({ itemId: `TIE-${i}` })), { modifiedAt: new Date('2026-11-01T03:00:00Z') });
    const rows = await collect(null);
    expect(rows).toHaveLength(2_500);
    expect(new Set(rows.map((r) => r.id)).size).toBe(2_500);
    expect(sim.counters.get('suiteql')).toBe(3);
  });

  it('misses nothing when items change while the read is under way', async () => {
    sim.seedItems(Array.from({ length: 30 }, (_, i) => ({ itemId: `C-${i}` })), { modifiedAt: new Date('2026-11-01T02:00:00Z') });
    const rows = await collect(null, 10, (page) => {
      if (page !== 1) return;
      sim.clock.advance(1_000);
      for (const id of ['2', '15', '25']) sim.changeItem(id, { displayName: 'edited' });
    });
    const ids = new Set(rows.map((r) => r.id));
    expect(ids.size).toBe(30);
    // Rows changed after being read come again with their new time; none drops out.
    expect(rows.filter((r) => r.id === '2')).toHaveLength(2);
  });

  it('starts at the given instant, read in the account zone', async () => {
    seedAt(['2026-11-01T03:59:59Z', '2026-11-01T04:00:00Z', '2026-11-01T04:00:01Z']);
    // 04:00Z is local midnight in New York (EDT).
    const rows = await collect(new Date('2026-11-01T04:00:00Z'));
    expect(rows.map((r) => r.itemid)).toEqual(['T-1', 'T-2']);
    expect(rows[0].modified).toBe('2026-11-01 00:00:00');
  });
});

describe('modifiedRows across local midnight and DST', () => {
  it('misses nothing across the repeated hour when DST ends, with page boundaries inside it', async () => {
    const times: string[] = [];
    for (let t = Date.parse('2026-11-01T03:30:00Z'); t <= Date.parse('2026-11-01T08:00:00Z'); t += 10 * 60_000) times.push(new Date(t).toISOString());
    // A crowd at both 01:30 local times, larger than a page.
    for (let i = 0; i < 12; i++) times.push('2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z');
    seedAt(times);
    const rows = await collect(new Date('2026-11-01T03:00:00Z'), 5);
    expect(new Set(rows.map((r) => r.id)).size).toBe(times.length);
    expect(rows).toHaveLength(times.length);
  });

  it('misses nothing across the hour skipped when DST starts', async () => {
    const times: string[] = [];
    for (let t = Date.parse('2026-03-08T04:00:00Z'); t <= Date.parse('2026-03-08T09:00:00Z'); t += 7 * 60_000) times.push(new Date(t).toISOString());
    seedAt(times);
    const rows = await collect(new Date('2026-03-08T04:00:00Z'), 4);
    expect(rows.map((r) => r.itemid)).toEqual(times.map((_, i) => `T-${i}`));
  });
});

describe('suiteqlPages', () => {
  it('pages by offset until hasMore is false', async () => {
    sim.seedItems(Array.from({ length: 25 }, (_, i) => ({ itemId: `P-${i}` })));
    const pages: number[] = [];
    for await (const rows of suiteqlPages(client, 'SELECT item.id AS id FROM item ORDER BY item.id', 10)) pages.push(rows.length);
    expect(pages).toEqual([10, 10, 5]);
  });
});
