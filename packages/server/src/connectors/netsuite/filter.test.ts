import { describe, expect, it } from 'vitest';
import { itemFilter } from './filter.js';

describe('itemFilter', () => {
  it('translates a FilterConfig to SuiteQL conditions', () => {
    const f = itemFilter({ status: ['draft', 'archived'], priceMin: 5, priceMax: 50.5, category: "Kid's Toys", search: ' Lamp ', updatedAfter: '2026-11-25T07:30:00Z' }, 'America/Los_Angeles');
    expect(f.conditions).toEqual([
      "(item.isinactive = 'T')",
      '(item.baseprice >= 5)',
      '(item.baseprice <= 50.5)',
      "(BUILTIN.DF(item.class) = 'Kid''s Toys')",
      "(LOWER(item.itemid) LIKE '%lamp%' OR LOWER(item.displayname) LIKE '%lamp%')",
      "(item.lastmodifieddate >= TO_DATE('2026-11-24 22:30:00', 'YYYY-MM-DD HH24:MI:SS'))",
    ]);
    expect(f.updatedAfter).toEqual(new Date('2026-11-25T07:30:00Z'));
  });

  it('adds no status condition when both states are wanted', () => {
    expect(itemFilter({ status: ['active', 'archived'] }, 'UTC').conditions).toEqual([]);
    expect(itemFilter({ status: ['active'] }, 'UTC').conditions).toEqual(["(item.isinactive = 'F')"]);
  });

  it('refuses a bad date or price', () => {
    expect(() => itemFilter({ updatedAfter: 'soon' }, 'UTC')).toThrow(/not a date/);
    expect(() => itemFilter({ priceMin: Number.NaN }, 'UTC')).toThrow(/priceMin/);
  });
});
