import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/server.js';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.token();
});
afterAll(() => server?.stop());

describe('query protection', () => {
  it('refuses more than 30 aliases', async () => {
    const query = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const res = await server.gql(query, {}, token);
    expect(res.data).toBeUndefined();
    expect(res.errors![0]!.message).toMatch(/alias/i);
  });

  it('refuses queries deeper than 12', async () => {
    const nest = (n: number): string => (n === 0 ? 'id' : `syncListItem { id lastResult { syncListItem { ${nest(n - 1)} } } }`);
    const res = await server.gql(`{ syncHistoryEntry(id: "00000000-0000-4000-8000-000000000000") { items { edges { node { ${nest(4)} } } } } }`, {}, token);
    expect(res.data).toBeUndefined();
    expect(res.errors![0]!.message).toMatch(/depth/i);
  });

  it('refuses a body over 1 MB with 413 and a malformed JSON body with 400, never a 500', async () => {
    const big = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ me { id } }`, variables: { x: 'y'.repeat(1_100_000) } }) });
    expect(big.status).toBe(413);
    const bad = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"query": ' });
    expect(bad.status).toBe(400);
  });

  it('answers a wrong enum or a missing argument as a validation error naming it', async () => {
    const res = await server.gql('query { syncList(filter: { itemType: SOCKS }) { totalCount } }', {}, token);
    expect(res.status).toBe(400);
    expect(res.errors![0]!.message).toContain('SOCKS');
  });
});
