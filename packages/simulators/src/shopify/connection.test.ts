import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, paginate } from './connection.js';

const items = [1, 2, 3, 4, 5].map((n) => ({ num: n, at: n < 4 ? 10 : 20 }));
const keyOf = (i: (typeof items)[number]) => ({ value: i.at, num: i.num });

describe('connection paging', () => {
  it('pages forward from an opaque cursor', () => {
    const first = paginate(items, keyOf, { first: 2 });
    expect(first.nodes.map((i) => i.num)).toEqual([1, 2]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = paginate(items, keyOf, { first: 2, after: first.pageInfo.endCursor });
    expect(second.nodes.map((i) => i.num)).toEqual([3, 4]);
    const last = paginate(items, keyOf, { first: 2, after: second.pageInfo.endCursor });
    expect(last.nodes.map((i) => i.num)).toEqual([5]);
    expect(last.pageInfo.hasNextPage).toBe(false);
  });

  it('continues after the cursor position even when that record is gone', () => {
    const cursor = encodeCursor({ value: 10, num: 2 });
    expect(paginate(items.filter((i) => i.num !== 2), keyOf, { first: 10, after: cursor }).nodes.map((i) => i.num)).toEqual([3, 4, 5]);
  });

  it('refuses first over 250, a missing first and a bad cursor', () => {
    expect(() => paginate(items, keyOf, { first: 251 })).toThrow('between 0 and 250');
    expect(() => paginate(items, keyOf, {})).toThrow('first or last');
    expect(() => decodeCursor('bm9wZQ')).toThrow('Invalid cursor');
  });
});
