import { execute, parse, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SimClock } from '../common/clock.js';
import { seededRandom } from '../common/faults.js';
import { compareKeys } from './connection.js';
import { SortedLists, type SimContext } from './context.js';
import type { ProductRecord } from './records.js';
import { buildShopifySchema } from './schema.js';
import { compileSearch } from './search.js';
import { productSearch } from './search-specs.js';
import { ShopifyStore } from './store.js';

const PAGE = parse(`query($after: String, $query: String, $sortKey: ProductSortKeys, $reverse: Boolean) {
  products(first: 23, after: $after, query: $query, sortKey: $sortKey, reverse: $reverse) { nodes { id } pageInfo { hasNextPage endCursor } }
}`);
const T0 = Date.parse('2030-01-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

type Page = { products: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

/** `updated_at:>` reads go through the (updatedAt, id) index: pages must be what filtering and sorting every product gives. */
describe('products by updated_at through the index', () => {
  it('pages exactly as a full filter and sort would, through edits at any time', () => {
    const random = seededRandom(5);
    const pick = (n: number) => Math.floor(random() * n);
    const clock = new SimClock();
    const store = new ShopifyStore(clock);
    store.addLocation('Main');
    const schema = buildShopifySchema();
    const lists = new SortedLists();
    const second = () => T0 + pick(60) * 1000;
    for (let i = 0; i < 300; i++) store.createProduct({ title: `P${pick(40)}`, status: i % 4 === 0 ? 'DRAFT' : 'ACTIVE', updatedAt: new Date(second()) });

    const all = (query: string, sortKey: string, reverse: boolean, searchLagMs: number): string[] => {
      const ctx: SimContext = { store, shop: {} as SimContext['shop'], apiVersion: '2026-07', searchLagMs, maxPagedObjects: 25_000, search: [], lists, idempotency: new Map() };
      const ids: string[] = [];
      for (let after: string | null = null; ;) {
        const result = execute({ schema, document: PAGE, contextValue: ctx, variableValues: { after, query, sortKey, reverse } }) as ExecutionResult;
        expect(result.errors).toBeUndefined();
        const { nodes, pageInfo } = (result.data as unknown as Page).products;
        ids.push(...nodes.map((n) => n.id));
        if (!pageInfo.hasNextPage) return ids;
        after = pageInfo.endCursor;
      }
    };
    const keys: Record<string, (p: ProductRecord) => { value: string | number; num: number }> = {
      UPDATED_AT: (p) => ({ value: p.updatedAt.getTime(), num: p.num }),
      ID: (p) => ({ value: p.num, num: p.num }),
      TITLE: (p) => ({ value: p.title.toLowerCase(), num: p.num }),
    };
    const brute = (query: string, sortKey: string, reverse: boolean, searchLagMs: number): string[] => {
      const matches = compileSearch(query, productSearch(store)).matches;
      const lag = searchLagMs > 0 ? store.now().getTime() - searchLagMs : Infinity;
      const key = keys[sortKey] as (p: ProductRecord) => { value: string | number; num: number };
      const out = [...store.products.values()].filter((p) => p.updatedAt.getTime() <= lag && matches(p)).sort((a, b) => compareKeys(key(a), key(b)));
      return (reverse ? out.reverse() : out).map((p) => p.id);
    };
    const shapes = [
      (t: number) => `updated_at:>'${iso(t)}'`,
      (t: number) => `updated_at:>='${iso(t)}'`,
      (t: number) => `updated_at:'${iso(t)}'`,
      (t: number) => `updated_at:>'${iso(t)}' status:draft`,
      (t: number) => `updated_at:>'${iso(t)}' OR updated_at:>='${iso(t + 20_000)}'`,
      (t: number) => `updated_at:>'${iso(t)}' OR title:p1*`,
      (t: number) => `-updated_at:<'${iso(t)}'`,
      (t: number) => `updated_at:>${iso(t).slice(0, 10)},${iso(t)}`,
    ];
    for (let round = 0; round < 150; round++) {
      for (let w = pick(5); w > 0; w--) {
        // Saves at the clock's now, which the test moves back and forth.
        clock.set(new Date(second()));
        if (random() < 0.2) store.createProduct({ title: `N${round}` });
        else store.updateProduct(store.products.get(`gid://shopify/Product/${1001 + pick(300)}`) as ProductRecord, { title: `P${pick(40)}` });
      }
      const query = (shapes[pick(shapes.length)] as (t: number) => string)(second());
      const sortKey = ['UPDATED_AT', 'UPDATED_AT', 'ID', 'TITLE'][pick(4)] as string;
      const reverse = random() < 0.25;
      const lag = random() < 0.2 ? 5_000 : 0;
      expect(all(query, sortKey, reverse, lag), `${query} ${sortKey} ${reverse}`).toEqual(brute(query, sortKey, reverse, lag));
    }
  });
});
