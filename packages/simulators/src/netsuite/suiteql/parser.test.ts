import { describe, expect, it } from 'vitest';
import { SuiteQLSyntaxError } from './lexer.js';
import { parseSuiteQL } from './parser.js';

describe('parseSuiteQL', () => {
  it('parses the id batch read', () => {
    const q = parseSuiteQL("SELECT item.id, item.itemid AS sku, BUILTIN.DF(item.class) classname FROM item WHERE item.id IN (1, 2, 3) AND isinactive = 'F'");
    expect(q.from).toEqual({ table: 'item', alias: 'item' });
    expect(q.select.map((s) => s.alias)).toEqual([null, 'sku', 'classname']);
    expect(q.where).toMatchObject({ kind: 'and', left: { kind: 'in', list: [{ value: 1 }, { value: 2 }, { value: 3 }] } });
  });

  it('parses the changed-since keyset with TO_DATE, OR and ORDER BY', () => {
    const q = parseSuiteQL(
      "SELECT id, TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS modified FROM item WHERE lastmodifieddate > TO_DATE('2026-11-01 01:30:00', 'YYYY-MM-DD HH24:MI:SS') OR (lastmodifieddate = TO_DATE('2026-11-01 01:30:00', 'YYYY-MM-DD HH24:MI:SS') AND id > 42) ORDER BY lastmodifieddate, id DESC",
    );
    expect(q.where?.kind).toBe('or');
    expect(q.orderBy).toEqual([
      { expr: { kind: 'column', table: null, name: 'lastmodifieddate' }, descending: false },
      { expr: { kind: 'column', table: null, name: 'id' }, descending: true },
    ]);
  });

  it('parses joins, LIKE, IS NULL, BETWEEN and escaped quotes', () => {
    const q = parseSuiteQL(
      "SELECT i.id, l.quantityonhand FROM item i LEFT JOIN inventoryitemlocations l ON l.item = i.id AND l.location = 2 WHERE LOWER(i.displayname) LIKE '%o''brien%' AND i.class IS NOT NULL AND i.baseprice NOT BETWEEN 1 AND 5",
    );
    expect(q.joins).toMatchObject([{ table: 'inventoryitemlocations', alias: 'l', type: 'left' }]);
    expect(JSON.stringify(q.where)).toContain("%o'brien%");
  });

  it('reports where a query goes wrong', () => {
    expect(() => parseSuiteQL('SELECT id FROM')).toThrow(SuiteQLSyntaxError);
    expect(() => parseSuiteQL('SELECT id FROM item WHERE id IN 1')).toThrow(/expected "\("/);
    expect(() => parseSuiteQL("SELECT id FROM item WHERE itemid = 'open")).toThrow(/unterminated/);
    expect(() => parseSuiteQL('SELECT id FROM item extra junk')).toThrow(/end of query/);
  });
});
