import { describe, expect, it } from 'vitest';
import { compileSearch, dateLowerBound, parseQuery, parseSearchDate, type SearchSpec } from './search.js';

interface Row { title: string; status: string; updatedAt: Date; price: string }

const spec: SearchSpec<Row> = {
  fields: {
    status: { kind: 'exact', get: (r) => r.status },
    updated_at: { kind: 'date', get: (r) => r.updatedAt },
    price: { kind: 'number', get: (r) => r.price },
  },
  text: (r) => [r.title],
};

const rows: Row[] = [
  { title: 'Red Lamp', status: 'ACTIVE', updatedAt: new Date('2030-01-01T00:00:00Z'), price: '5.00' },
  { title: 'Blue Lamp', status: 'DRAFT', updatedAt: new Date('2030-01-01T00:00:01Z'), price: '15.00' },
];

const match = (query: string) => rows.filter(compileSearch(query, spec).matches).map((r) => r.title);

describe('Shopify search syntax', () => {
  it('parses comparators, quotes, negation and OR groups', () => {
    expect(parseQuery("updated_at:>'2030-01-01T00:00:00Z' -status:draft OR red")).toEqual([
      [
        { field: 'updated_at', comparator: '>', values: ['2030-01-01T00:00:00Z'], negated: false },
        { field: 'status', comparator: ':', values: ['draft'], negated: true },
      ],
      [{ field: undefined, comparator: ':', values: ['red'], negated: false }],
    ]);
  });

  it('compares updated_at:> strictly', () => {
    expect(match("updated_at:>'2030-01-01T00:00:00Z'")).toEqual(['Blue Lamp']);
    expect(match("updated_at:>='2030-01-01T00:00:00Z'")).toEqual(['Red Lamp', 'Blue Lamp']);
  });

  it('matches values case-insensitively, comma lists and numbers', () => {
    expect(match('status:active')).toEqual(['Red Lamp']);
    expect(match('status:active,draft')).toHaveLength(2);
    expect(match('price:>10')).toEqual(['Blue Lamp']);
    expect(match('blue')).toEqual(['Blue Lamp']);
  });

  it('ignores an unknown field with a warning, so the filter silently widens', () => {
    const compiled = compileSearch("updatedAt:>'2030-01-01T00:00:00Z'", spec);
    expect(compiled.warnings).toEqual([{ field: 'updatedAt', message: 'Invalid search field for this query.' }]);
    expect(rows.filter(compiled.matches)).toHaveLength(2);
  });

  it('warns about an unreadable date instead of filtering', () => {
    expect(compileSearch('updated_at:>yesterday', spec).warnings[0]?.field).toBe('updated_at');
    expect(parseSearchDate('2030-01-01T00:00:00+02:00')?.toISOString()).toBe('2029-12-31T22:00:00.000Z');
  });
});

describe('Shopify search syntax: escapes', () => {
  it('keeps an escaped quote inside a quoted value', () => {
    expect(parseQuery("title:'O\\'Brien lamp' status:active")).toEqual([
      [
        { field: 'title', comparator: ':', values: ["O'Brien lamp"], negated: false },
        { field: 'status', comparator: ':', values: ['active'], negated: false },
      ],
    ]);
  });
});

describe('Shopify search syntax: the updated_at lower bound an index can read from', () => {
  const at = (iso: string) => Date.parse(iso);
  it('takes > / >= / : terms in every OR-group, the loosest group and the tightest term', () => {
    expect(dateLowerBound("updated_at:>'2030-01-01T00:00:00Z'", 'updated_at')).toEqual({ at: at('2030-01-01T00:00:00Z'), id: Infinity, open: false });
    expect(dateLowerBound("status:active updated_at:>='2030-01-01T00:00:00Z'", 'updated_at')).toEqual({ at: at('2030-01-01T00:00:00Z'), id: -Infinity, open: false });
    expect(dateLowerBound("updated_at:>'2030-01-02' updated_at:>='2030-01-03' OR updated_at:'2030-01-01T10:00:00Z'", 'updated_at')?.at).toBe(at('2030-01-01T10:00:00Z'));
    expect(dateLowerBound('updated_at:>2030-01-02,2030-01-01', 'updated_at')?.at).toBe(at('2030-01-01T00:00:00Z'));
  });

  it('gives none when a group is unbounded, negated, an upper bound or unreadable', () => {
    for (const q of ["updated_at:>'2030-01-01' OR red", "-updated_at:<'2030-01-01'", "NOT updated_at:>'2030-01-01'", "updated_at:<'2030-01-01'", 'updated_at:>yesterday', 'AND', '', "updatedAt:>'2030-01-01'"]) {
      expect(dateLowerBound(q, 'updated_at'), q).toBeUndefined();
    }
  });
});
