import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../common/faults.js';
import { NetSuiteStore } from '../store.js';
import { executeQuery } from './execute.js';
import { parseSuiteQL } from './parser.js';
import { createTables } from './tables.js';
import { toText } from './values.js';

const ctx = { timeZone: 'America/New_York', dateFormat: 'MM/DD/YYYY' };

function setup() {
  const store = new NetSuiteStore([{ id: '1', name: 'Main' }, { id: '2', name: 'Second' }]);
  const at = (iso: string) => new Date(iso);
  const rows: Array<{ sku: string; price: number | null; inactive: boolean; cls: string | null; mod: string; q: Record<string, number> }> = [
    { sku: 'A-1', price: 0.5, inactive: false, cls: 'Toys', mod: '2026-11-01T05:30:00Z', q: { '1': 5, '2': 1 } },
    { sku: 'B-2', price: 12, inactive: true, cls: null, mod: '2026-11-01T06:30:00Z', q: { '1': 7 } },
    { sku: 'C-3', price: null, inactive: false, cls: 'Toys', mod: '2026-11-01T06:30:00Z', q: {} },
  ];
  rows.forEach((r, i) => {
    const id = store.allocateId('item');
    store.items.set(id, { id, itemId: r.sku, displayName: `Item ${i + 1}`, basePrice: r.price, isInactive: r.inactive, classId: r.cls ? store.classNamed(r.cls).id : null, externalId: null, createdDate: at(r.mod), lastModifiedDate: at(r.mod), quantities: r.q });
  });
  const tables = createTables(store, ctx.timeZone);
  const run = (q: string, random = seededRandom(7)) => {
    const result = executeQuery(parseSuiteQL(q), tables, ctx, random);
    return result.rows.map((values) => Object.fromEntries(result.columns.map((c, i) => [c, toText(values[i], ctx)])));
  };
  return { run };
}

describe('executeQuery', () => {
  it('reads by id, renders SuiteQL values and resolves BUILTIN.DF', () => {
    const { run } = setup();
    expect(run("SELECT id, itemid, baseprice, isinactive, BUILTIN.DF(class) AS classname, lastmodifieddate FROM item WHERE id IN (1, '3') ORDER BY id")).toEqual([
      { id: '1', itemid: 'A-1', baseprice: '.5', isinactive: 'F', classname: 'Toys', lastmodifieddate: '11/01/2026' },
      { id: '3', itemid: 'C-3', baseprice: null, isinactive: 'F', classname: 'Toys', lastmodifieddate: '11/01/2026' },
    ]);
  });

  it('shows datetimes with TO_CHAR in the account zone and reads TO_DATE literals there too', () => {
    const { run } = setup();
    // 05:30Z and 06:30Z are both 01:30 in New York on the day DST ends.
    expect(run("SELECT id, TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS m FROM item ORDER BY lastmodifieddate, id").map((r) => r.m)).toEqual(['2026-11-01 01:30:00', '2026-11-01 01:30:00', '2026-11-01 01:30:00']);
    expect(run("SELECT id FROM item WHERE lastmodifieddate > TO_DATE('2026-11-01 01:30:00', 'YYYY-MM-DD HH24:MI:SS') ORDER BY id").map((r) => r.id)).toEqual(['2', '3']);
    expect(run("SELECT id FROM item WHERE lastmodifieddate >= '11/01/2026' ORDER BY id")).toHaveLength(3);
  });

  it('orders by several keys, nulls last, and by select alias', () => {
    const { run } = setup();
    expect(run('SELECT id, baseprice AS p FROM item ORDER BY p DESC, id').map((r) => r.id)).toEqual(['3', '2', '1']);
    expect(run('SELECT id FROM item ORDER BY baseprice, id').map((r) => r.id)).toEqual(['1', '2', '3']);
  });

  it('joins quantity on hand per location', () => {
    const { run } = setup();
    expect(run('SELECT i.id, l.quantityonhand AS q FROM item i LEFT JOIN inventoryitemlocations l ON l.item = i.id AND l.location = 2 ORDER BY i.id')).toEqual([
      { id: '1', q: '1' },
      { id: '2', q: '0' },
      { id: '3', q: '0' },
    ]);
  });

  it('filters with LIKE, IS NULL, NOT and OR with SQL null logic', () => {
    const { run } = setup();
    expect(run("SELECT id FROM item WHERE LOWER(itemid) LIKE 'a%' OR baseprice > 10 ORDER BY id").map((r) => r.id)).toEqual(['1', '2']);
    expect(run('SELECT id FROM item WHERE class IS NULL').map((r) => r.id)).toEqual(['2']);
    expect(run('SELECT id FROM item WHERE NOT baseprice > 1 ORDER BY id').map((r) => r.id)).toEqual(['1']);
  });

  it('shuffles rows when there is no ORDER BY', () => {
    const { run } = setup();
    const random = seededRandom(11);
    const orders = new Set<string>();
    for (let i = 0; i < 20; i++) orders.add(run('SELECT id FROM item', random).map((r) => r.id).join(','));
    expect(orders.size).toBeGreaterThan(1);
    expect(run('SELECT id FROM item ORDER BY id', random).map((r) => r.id)).toEqual(['1', '2', '3']);
  });

  it('refuses unknown tables, columns and functions', () => {
    const { run } = setup();
    expect(() => run('SELECT id FROM nothing')).toThrow(/Record 'nothing'/);
    expect(() => run('SELECT nope FROM item')).toThrow(/Field 'nope'/);
    expect(() => run('SELECT SYS_GUID() FROM item')).toThrow(/unsupported function/);
  });
});
