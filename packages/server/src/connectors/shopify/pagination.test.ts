import { describe, expect, it } from 'vitest';
import { followPages } from './pagination.js';

describe('followPages', () => {
  it('follows endCursor until there is no next page', async () => {
    const calls: Array<string | null> = [];
    const pages = followPages(async (after) => {
      calls.push(after);
      const n = after === null ? 0 : Number(after);
      return { nodes: [n], pageInfo: { hasNextPage: n < 2, endCursor: String(n + 1) }, serverTime: undefined };
    });
    const nodes: number[] = [];
    for await (const page of pages) nodes.push(...page.nodes);
    expect(nodes).toEqual([0, 1, 2]);
    expect(calls).toEqual([null, '1', '2']);
  });
});
