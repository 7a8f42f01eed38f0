import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { rlsSwitch } from '../../db/database.js';
import { ownerFilter } from '../shared/owner.js';
import { connectionsClient, netsuiteInput, shopifyInput } from './connections.testkit.js';

let server: TestServer;
let api: ReturnType<typeof connectionsClient>;

beforeAll(async () => {
  server = await startTestServer();
  api = connectionsClient(server);
});
afterAll(() => server?.stop());

// Each wall must hold alone: run the same attack with both walls, then with each removed.
const walls = [
  ['both walls', () => undefined, () => undefined],
  ['RLS alone (owner filter off)', () => void (ownerFilter.enabled = false), () => void (ownerFilter.enabled = true)],
  ['the owner filter alone (RLS off)', () => void (rlsSwitch.enabled = false), () => void (rlsSwitch.enabled = true)],
] as const;

describe.each(walls)("another user's connection with %s", (_name, lower, restore) => {
  it('behaves exactly like an id that does not exist, for every query and mutation', async () => {
    const alice = await server.token();
    const bob = await server.token();
    const mine = await api.created(alice, shopifyInput());
    const other = await api.created(alice, netsuiteInput());
    await api.created(bob, shopifyInput({}, "bob's"));
    const missing = randomUUID();
    lower();
    try {
      for (const id of [mine.id, other.id]) {
        const [get, getMissing] = [await api.get(bob, id), await api.get(bob, missing)];
        expect(get.data).toEqual({ connection: null });
        expect(get).toEqual(getMissing);

        const rename = { name: 'stolen' };
        expect((await api.update(bob, id, rename)).data).toEqual((await api.update(bob, missing, rename)).data);
        expect((await api.update(bob, id, rename)).data!.updateConnection.userErrors[0]!.code).toBe('NOT_FOUND');
        const disable = { enabled: false, shopify: { shopDomain: 'bob.myshopify.com', accessToken: 'bob-token' } };
        expect((await api.update(bob, id, disable)).data).toEqual((await api.update(bob, missing, disable)).data);

        const del = await api.delete(bob, id);
        expect(del.data).toEqual((await api.delete(bob, missing)).data);
        expect(del.data!.deleteConnection).toEqual({ deletedId: null, userErrors: [{ field: ['id'], code: 'NOT_FOUND', message: expect.any(String) }] });

        const test = await api.test(bob, id);
        expect(test.data).toEqual((await api.test(bob, missing)).data);
        expect(test.data!.testConnection).toMatchObject({ ok: false, message: null, connection: null, userErrors: [{ code: 'NOT_FOUND' }] });
      }
      const list = await api.list(bob);
      expect(list.data!.connections.map((c) => c.name)).toEqual(["bob's"]);
    } finally {
      restore();
    }
    // Nothing of Alice's changed.
    const after = await api.list(alice);
    expect(after.data!.connections).toEqual([mine, other]);
  });
});
