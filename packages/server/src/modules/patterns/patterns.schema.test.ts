import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.js';

const FIELDS = 'id name description direction filterConfig { status priceMin priceMax category updatedAfter search } createdAt updatedAt';
const CREATE = `mutation($input: CreateSavedSearchPatternInput!) { createSavedSearchPattern(input: $input) { pattern { ${FIELDS} } userErrors { field message code } } }`;
const LIST = `query($first: Int, $after: String, $direction: SyncDirection) { savedSearchPatterns(first: $first, after: $after, direction: $direction) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } } }`;

interface Created {
  createSavedSearchPattern: { pattern: { id: string; name: string; filterConfig: Record<string, unknown> } | null; userErrors: Array<{ field: string[]; code: string; message: string }> };
}

let server: TestServer;
let alice: string;
let bob: string;

beforeAll(async () => {
  server = await startTestServer();
  alice = await server.token();
  bob = await server.token();
});
afterAll(() => server?.stop());

const create = (token: string, input: Record<string, unknown>) => server.gql<Created>(CREATE, { input }, token);

describe('saved search patterns', () => {
  it('creates a pattern with a normalised filter', async () => {
    const res = await create(alice, {
      name: '  Active Electronics ',
      description: 'All active electronic products',
      direction: 'NETSUITE_TO_SHOPIFY',
      filterConfig: { status: ['Active'], priceMin: 10, priceMax: 1000, category: 'Electronics', updatedAfter: '2024-01-01T02:00:00+02:00' },
    });
    expect(res.errors).toBeUndefined();
    const p = res.data!.createSavedSearchPattern;
    expect(p.userErrors).toEqual([]);
    expect(p.pattern!.name).toBe('Active Electronics');
    expect(p.pattern!.filterConfig).toEqual({ status: ['active'], priceMin: 10, priceMax: 1000, category: 'Electronics', updatedAfter: '2024-01-01T00:00:00.000Z', search: null });
  });

  it('reports a duplicate name as TAKEN on field name', async () => {
    const input = { name: 'Dup', direction: 'BIDIRECTIONAL', filterConfig: {} };
    await create(alice, input);
    const res = await create(alice, input);
    expect(res.data!.createSavedSearchPattern.userErrors).toEqual([{ field: ['input', 'name'], code: 'TAKEN', message: expect.any(String) }]);
    // Another user may use the same name.
    expect((await create(bob, input)).data!.createSavedSearchPattern.userErrors).toEqual([]);
  });

  it.each([
    [{ priceMin: 10, priceMax: 5 }, 'priceMin'],
    [{ priceMin: -1 }, 'priceMin'],
    [{ status: ['sold-out'] }, 'status'],
    [{ search: 'x'.repeat(201) }, 'search'],
  ])('refuses filter %j with a userError on %s and writes nothing', async (filterConfig, field) => {
    const name = `bad-${field}-${Math.random()}`;
    const res = await create(alice, { name, direction: 'BIDIRECTIONAL', filterConfig });
    const errors = res.data!.createSavedSearchPattern.userErrors;
    expect(errors[0]!.field).toEqual(['input', 'filterConfig', field]);
    expect(res.data!.createSavedSearchPattern.pattern).toBeNull();
  });

  it('answers a validation error for a bad instant, never a 500', async () => {
    const res = await create(alice, { name: 'bad date', direction: 'BIDIRECTIONAL', filterConfig: { updatedAfter: '2024-02-30T00:00:00Z' } });
    expect(res.status).toBe(400);
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('pages newest first with stable cursors', async () => {
    const user = await server.token();
    for (let i = 0; i < 7; i++) await create(user, { name: `p${i}`, direction: 'NETSUITE_TO_SHOPIFY', filterConfig: {} });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: { data?: { savedSearchPatterns: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { name: string } }> } } } =
        await server.gql(LIST, { first: 3, after }, user);
      const conn = res.data!.savedSearchPatterns;
      expect(conn.totalCount).toBe(7);
      seen.push(...conn.edges.map((e) => e.node.name));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(['p6', 'p5', 'p4', 'p3', 'p2', 'p1', 'p0']);
  });

  it('treats a malformed cursor or id as BAD_USER_INPUT and first > 100 as BAD_USER_INPUT', async () => {
    const bad = await server.gql(LIST, { after: 'nope' }, alice);
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const big = await server.gql(LIST, { first: 101 }, alice);
    expect(big.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const id = await server.gql('query { savedSearchPattern(id: "123") { id } }', {}, alice);
    expect(id.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it("hides another user's pattern exactly like a missing one", async () => {
    const mine = (await create(alice, { name: 'private', direction: 'BIDIRECTIONAL', filterConfig: {} })).data!.createSavedSearchPattern.pattern!;
    const get = await server.gql<{ savedSearchPattern: unknown }>(`query($id: ID!) { savedSearchPattern(id: $id) { id } }`, { id: mine.id }, bob);
    expect(get.data!.savedSearchPattern).toBeNull();
    const upd = await server.gql<{ updateSavedSearchPattern: { userErrors: Array<{ code: string }> } }>(
      `mutation($id: ID!) { updateSavedSearchPattern(id: $id, input: { name: "stolen" }) { pattern { id } userErrors { code } } }`,
      { id: mine.id },
      bob,
    );
    expect(upd.data!.updateSavedSearchPattern.userErrors[0]!.code).toBe('NOT_FOUND');
    const del = await server.gql<{ deleteSavedSearchPattern: { deletedId: string | null; userErrors: Array<{ code: string }> } }>(
      `mutation($id: ID!) { deleteSavedSearchPattern(id: $id) { deletedId userErrors { code } } }`,
      { id: mine.id },
      bob,
    );
    expect(del.data!.deleteSavedSearchPattern).toEqual({ deletedId: null, userErrors: [{ code: 'NOT_FOUND' }] });
    const still = await server.gql<{ savedSearchPattern: { id: string } }>(`query($id: ID!) { savedSearchPattern(id: $id) { id } }`, { id: mine.id }, alice);
    expect(still.data!.savedSearchPattern.id).toBe(mine.id);
  });

  it('updates and deletes its own pattern', async () => {
    const p = (await create(alice, { name: 'to-update', direction: 'BIDIRECTIONAL', filterConfig: { category: 'Toys' } })).data!.createSavedSearchPattern.pattern!;
    const upd = await server.gql<{ updateSavedSearchPattern: { pattern: { name: string; filterConfig: { category: string } } } }>(
      `mutation($id: ID!) { updateSavedSearchPattern(id: $id, input: { name: "updated", filterConfig: { category: "Books" } }) { pattern { name filterConfig { category } } userErrors { code } } }`,
      { id: p.id },
      alice,
    );
    expect(upd.data!.updateSavedSearchPattern.pattern).toEqual({ name: 'updated', filterConfig: { category: 'Books' } });
    const del = await server.gql<{ deleteSavedSearchPattern: { deletedId: string } }>(`mutation($id: ID!) { deleteSavedSearchPattern(id: $id) { deletedId userErrors { code } } }`, { id: p.id }, alice);
    expect(del.data!.deleteSavedSearchPattern.deletedId).toBe(p.id);
  });
});
