import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../common/faults.js';
import { formatInstant } from '../date-format.js';
import { NetSuiteStore, type SimItem } from '../store.js';
import { executeQuery } from './execute.js';
import { keyRange } from './key-range.js';
import { parseSuiteQL } from './parser.js';
import { createTables, type Table } from './tables.js';

const ctx = { timeZone: 'America/New_York', dateFormat: 'MM/DD/YYYY' };
const T0 = Date.parse('2026-11-01T04:00:00Z'); // midnight in New York, the day DST ends

function item(id: string, at: number, price: number): SimItem {
  const d = new Date(at);
  return { id, itemId: `SKU-${id}`, displayName: null, basePrice: price, isInactive: price % 7 === 0, classId: null, externalId: null, createdDate: d, lastModifiedDate: d, quantities: { '1': price % 5 } };
}

/** The same tables without the modified-time index: every query scans, as before the index. */
function scanning(tables: Map<string, Table>): Map<string, Table> {
  const out = new Map(tables);
  for (const [name, t] of tables) if (t.range) out.set(name, { ...t, range: undefined, rangeColumn: undefined });
  return out;
}

describe('modified-time index', () => {
  it('answers as the full scan does: rows, order, totals, shuffles and the random stream', () => {
    const random = seededRandom(11);
    const pick = (n: number) => Math.floor(random() * n);
    const store = new NetSuiteStore([{ id: '1', name: 'Main' }, { id: '2', name: 'Second' }]);
    // Whole seconds with many ties, a few with milliseconds (seeded dates keep theirs).
    const time = () => T0 + pick(40) * 60_000 + (random() < 0.1 ? pick(1000) : 0);
    for (let i = 1; i <= 400; i++) store.items.set(String(i), item(String(i), time(), pick(100)));
    const indexed = createTables(store, ctx.timeZone);
    const scanned = scanning(indexed);

    const wall = (ms: number) => formatInstant(new Date(ms), ctx.timeZone, 'YYYY-MM-DD HH24:MI:SS');
    const lit = (ms: number) => `TO_DATE('${wall(ms)}', 'YYYY-MM-DD HH24:MI:SS')`;
    const shapes = [
      (t: number) => `item.lastmodifieddate >= ${lit(t)}`,
      (t: number) => `item.lastmodifieddate > ${lit(t)}`,
      (t: number) => `${lit(t)} <= item.lastmodifieddate AND item.baseprice > 20`,
      (t: number) => `item.lastmodifieddate = ${lit(t)}`,
      (t: number) => `item.lastmodifieddate < ${lit(t)} AND item.lastmodifieddate >= ${lit(t - 600_000)}`,
      (t: number) => `item.lastmodifieddate BETWEEN ${lit(t - 300_000)} AND ${lit(t)}`,
      (t: number) => `item.lastmodifieddate > ${lit(t)} OR (item.lastmodifieddate = ${lit(t)} AND item.id > ${pick(400)})`,
      (t: number) => `item.lastmodifieddate = ${lit(t)} AND item.id <= ${pick(400)} AND item.id >= ${pick(200)}`,
      (t: number) => `item.lastmodifieddate >= '11/01/2026' AND item.lastmodifieddate > ${lit(t)}`,
      (t: number) => `(item.lastmodifieddate >= ${lit(t)} OR item.baseprice < 3) AND item.isinactive = 'F'`,
      (t: number) => `NOT item.lastmodifieddate < ${lit(t)}`,
      (t: number) => `item.lastmodifieddate >= NULL OR item.lastmodifieddate > ${lit(t)}`,
    ];
    const orders = ['', ' ORDER BY item.lastmodifieddate, item.id', ' ORDER BY item.baseprice DESC', ' ORDER BY item.lastmodifieddate DESC'];
    const froms = ['item', 'item LEFT JOIN inventoryitemlocations iil ON iil.item = item.id AND iil.location = 1'];

    let ranged = 0;
    for (let round = 0; round < 200; round++) {
      // Writes between reads: saves "now", saves in the past, deletes and re-adds.
      for (let w = pick(4); w > 0; w--) {
        const id = String(1 + pick(420));
        if (random() < 0.15) store.items.delete(id);
        else store.items.set(id, item(id, time(), pick(100)));
      }
      const from = froms[pick(froms.length)] as string;
      const where = (shapes[pick(shapes.length)] as (t: number) => string)(T0 + pick(42) * 60_000);
      const q = `SELECT item.id AS id, item.baseprice, TO_CHAR(item.lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS m FROM ${from} WHERE ${where}${orders[pick(orders.length)]}`;
      const needed = [Infinity, 5, 50][pick(3)] as number;
      const seed = pick(1_000_000);
      const [r1, r2] = [seededRandom(seed), seededRandom(seed)];
      const fast = executeQuery(parseSuiteQL(q), indexed, ctx, r1, needed);
      const slow = executeQuery(parseSuiteQL(q), scanned, ctx, r2, needed);
      expect(fast, q).toEqual(slow);
      expect(r1(), `${q}: random stream`).toBe(r2());
      if (parseSuiteQL(q).where && keyRange(parseSuiteQL(q).where!, 'item', 'lastmodifieddate', { aliases: new Map([['item', 'item'], ['iil', 'inventoryitemlocations']]), tables: indexed, ctx })) ranged += 1;
    }
    // All but the NOT shape read a range.
    expect(ranged).toBeGreaterThan(140);
    store.items.clear();
    expect(executeQuery(parseSuiteQL(`SELECT id FROM item WHERE lastmodifieddate >= ${lit(T0)}`), indexed, ctx, random).total).toBe(0);
  });

  it('reads bounds only from conditions that imply them', () => {
    const store = new NetSuiteStore([]);
    const tables = createTables(store, ctx.timeZone);
    const scope = { aliases: new Map([['item', 'item']]), tables, ctx };
    const range = (where: string) => keyRange(parseSuiteQL(`SELECT id FROM item WHERE ${where}`).where!, 'item', 'lastmodifieddate', scope);
    const at = Date.parse('2026-11-25T05:00:00Z'); // midnight in New York
    expect(range("lastmodifieddate >= '11/25/2026'")).toEqual({ lower: { at, id: -Infinity, open: false }, upper: null });
    expect(range("lastmodifieddate > '11/25/2026' OR (lastmodifieddate = '11/25/2026' AND id > 7)")).toEqual({ lower: { at, id: 7, open: true }, upper: null });
    expect(range("lastmodifieddate >= '11/25/2026' OR baseprice > 1")).toBeNull();
    expect(range("lastmodifieddate <> '11/25/2026'")).toBeNull();
    expect(range("NOT lastmodifieddate < '11/25/2026'")).toBeNull();
    expect(range('lastmodifieddate >= 5')).toBeNull();
    expect(range("lastmodifieddate >= itemid")).toBeNull();
    expect(range("id > 7 AND lastmodifieddate > '11/25/2026'")).toEqual({ lower: { at, id: Infinity, open: false }, upper: null });
  });
});
