import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signedFetch, suiteql } from './signed-fetch.js';
import { createNetSuiteSimulator } from './simulator.js';

const sim = createNetSuiteSimulator({ accountId: '123456_SB1', catalogue: { products: 30, seed: 1 }, timeZone: 'America/New_York', now: new Date('2026-11-25T07:30:00Z') });

beforeAll(() => sim.start());
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

type Json = Record<string, unknown>;
const json = async (res: Response) => (await res.json()) as Json;

describe('NetSuite simulator: auth and time', () => {
  it('answers serverTime from its own clock', async () => {
    const expected = sim.clock.advance(60_000).getTime();
    const res = await signedFetch(sim, 'GET', '/services/rest/system/v1/serverTime');
    const body = (await json(res)) as { serverTime: string };
    // Real time passes while the request travels (seconds on a loaded machine): compare instants.
    const answered = Date.parse(body.serverTime);
    expect(answered).toBeGreaterThanOrEqual(expected);
    expect(answered - expected).toBeLessThan(10_000);
    expect(sim.counters.get('serverTime')).toBe(1);
  });

  it('refuses bad credentials with the TBA WWW-Authenticate header and INVALID_LOGIN', async () => {
    const res = await signedFetch(sim, 'GET', '/services/rest/system/v1/serverTime', { credentials: { ...sim.credentials, tokenSecret: 'wrong' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('OAuth realm="123456_SB1", error="token_rejected", error_description="Invalid login attempt."');
    expect(res.headers.get('content-type')).toContain('type=error');
    expect(await json(res)).toMatchObject({ status: 401, 'o:errorDetails': [{ 'o:errorCode': 'INVALID_LOGIN' }] });
    expect(sim.loginAuditTrail()).toEqual(['signature mismatch']);
  });

  it('refuses a reused nonce and a stale timestamp', async () => {
    expect((await signedFetch(sim, 'GET', '/services/rest/system/v1/serverTime', { nonce: 'once' })).status).toBe(200);
    expect((await signedFetch(sim, 'GET', '/services/rest/system/v1/serverTime', { nonce: 'once' })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 301;
    expect((await signedFetch(sim, 'GET', '/services/rest/system/v1/serverTime', { timestamp: stale })).status).toBe(401);
    expect(sim.loginAuditTrail()).toEqual([expect.stringContaining('already used'), expect.stringContaining('timestamp')]);
  });
});

describe('NetSuite simulator: records', () => {
  it('seeds catalogue items with quantity on hand at two locations', async () => {
    const res = await signedFetch(sim, 'GET', '/services/rest/record/v1/inventoryItem/1?expandSubResources=true');
    const body = await json(res);
    expect(body).toMatchObject({ id: '1', itemId: 'SKU-000001', isInactive: expect.any(Boolean), lastModifiedDate: '2026-11-25T07:30:00Z' });
    expect((body.locations as { items: unknown[] }).items).toHaveLength(2);
  });

  it('creates with 204 + Location, patches (stamping lastModifiedDate) and answers 404 in the error envelope', async () => {
    const created = await signedFetch(sim, 'POST', '/services/rest/record/v1/inventoryItem', { body: { itemId: 'NEW-1', displayName: 'New', basePrice: 9.5 } });
    expect(created.status).toBe(204);
    const location = created.headers.get('location') ?? '';
    expect(location).toMatch(/\/services\/rest\/record\/v1\/inventoryItem\/31$/);
    sim.clock.advance(5_500);
    expect((await signedFetch(sim, 'PATCH', '/services/rest/record/v1/inventoryItem/31', { body: {} })).status).toBe(204);
    expect(sim.getItem('NEW-1')?.lastModifiedDate.toISOString()).toBe('2026-11-25T07:30:05.000Z');
    const missing = await signedFetch(sim, 'PATCH', '/services/rest/record/v1/inventoryItem/9999', { body: { displayName: 'x' } });
    expect(missing.status).toBe(404);
    expect(await json(missing)).toMatchObject({ 'o:errorDetails': [{ 'o:errorCode': 'NONEXISTENT_ID' }] });
  });

  it('upserts by external id: the same PUT twice leaves one record', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await signedFetch(sim, 'PUT', '/services/rest/record/v1/inventoryItem/eid:synclane-abc', { body: { itemId: 'UP-1', displayName: `v${i}` } });
      expect(res.status).toBe(204);
      expect(res.headers.get('location')).toMatch(/inventoryItem\/31$/);
    }
    expect(sim.listItems().filter((i) => i.externalId === 'synclane-abc')).toMatchObject([{ displayName: 'v1' }]);
  });

  it('validates fields and references', async () => {
    const unknown = await signedFetch(sim, 'POST', '/services/rest/record/v1/inventoryItem', { body: { itemId: 'X', colour: 'red' } });
    expect(await json(unknown)).toMatchObject({ status: 400, 'o:errorDetails': [{ 'o:errorCode': 'NONEXISTENT_FIELD', 'o:errorPath': 'colour' }] });
    const order = await signedFetch(sim, 'PUT', '/services/rest/record/v1/salesOrder/eid:so-1', { body: { entity: { id: '77' }, item: { items: [{ item: { id: '1' }, quantity: 1 }] } } });
    expect(await json(order)).toMatchObject({ 'o:errorDetails': [{ 'o:errorCode': 'INVALID_KEY_OR_REF', 'o:errorPath': 'entity' }] });
  });

  it('creates a customer and a sales order with lines', async () => {
    await signedFetch(sim, 'PUT', '/services/rest/record/v1/customer/eid:c-1', { body: { email: 'a@b.c', firstName: 'Ada', lastName: 'L' } });
    const customer = sim.listCustomers()[0];
    const res = await signedFetch(sim, 'PUT', '/services/rest/record/v1/salesOrder/eid:so-1', { body: { entity: { id: customer.id }, otherRefNum: '#1001', item: { items: [{ item: { id: '2' }, quantity: 3, rate: 4.5 }] } } });
    expect(res.status).toBe(204);
    expect(sim.listSalesOrders()).toMatchObject([{ entity: customer.id, otherRefNum: '#1001', tranDate: '2026-11-25', lines: [{ item: '2', quantity: 3, rate: 4.5 }] }]);
  });
});

describe('NetSuite simulator: SuiteQL', () => {
  it('pages with limit and offset and renders every value as a string', async () => {
    const page = await suiteql(sim, 'SELECT id, itemid, isinactive, lastmodifieddate FROM item ORDER BY id', '?limit=10&offset=10');
    expect(page.body).toMatchObject({ count: 10, hasMore: true, offset: 10, totalResults: 30 });
    const items = page.body.items as Json[];
    expect(items[0]).toEqual({ links: [], id: '11', itemid: 'SKU-000011', isinactive: expect.stringMatching(/^[TF]$/), lastmodifieddate: '11/25/2026' });
    expect((page.body.links as Json[]).map((l) => l.rel)).toEqual(['first', 'next', 'last', 'self']);
  });

  it('counts every matching row in totalResults when only a small page is sorted', async () => {
    const page = await suiteql(sim, 'SELECT id FROM item ORDER BY id DESC', '?limit=2&offset=4');
    expect(page.body).toMatchObject({ count: 2, hasMore: true, offset: 4, totalResults: 30 });
    expect((page.body.items as Json[]).map((r) => r.id)).toEqual(['26', '25']);
  });

  it('requires Prefer: transient and limits pages to 1000 rows', async () => {
    const res = await signedFetch(sim, 'POST', '/services/rest/query/v1/suiteql', { body: { q: 'SELECT id FROM item' } });
    expect(res.status).toBe(400);
    expect((await suiteql(sim, 'SELECT id FROM item', '?limit=1001')).status).toBe(400);
    expect((await suiteql(sim, 'SELECT id FROM item', '?limit=10&offset=5')).status).toBe(400);
    const bad = await suiteql(sim, 'SELECT nope FROM item');
    expect(bad.body).toMatchObject({ status: 400, 'o:errorDetails': [{ 'o:errorCode': 'INVALID_PARAMETER', detail: expect.stringContaining("Field 'nope'") }] });
  });
});

describe('NetSuite simulator: limits and faults', () => {
  it('answers 429 in the error envelope past the concurrency limit', async () => {
    sim.setConcurrencyLimit(2);
    sim.setFaults({ latencyMs: 100 });
    const results = await Promise.all(Array.from({ length: 5 }, () => signedFetch(sim, 'GET', '/services/rest/system/v1/serverTime')));
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(3);
    expect(await json(refused[0])).toMatchObject({ status: 429, title: 'Too Many Requests', 'o:errorDetails': [{ 'o:errorCode': 'CONCURRENCY_LIMIT_EXCEEDED' }] });
    expect(sim.concurrency()).toMatchObject({ peak: 2, limit: 2 });
  });

  it('fails the Nth call and drops connections on request', async () => {
    sim.setFaults({ failNth: [{ n: 2, status: 502 }] });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await signedFetch(sim, 'GET', '/services/rest/system/v1/serverTime')).status);
    expect(statuses).toEqual([200, 502, 200]);
    sim.setFaults({ dropRate: 1 });
    await expect(signedFetch(sim, 'GET', '/services/rest/system/v1/serverTime')).rejects.toThrow();
  });
});

describe('NetSuite simulator: control API over HTTP', () => {
  it('changes an item, moves the clock and reads counters', async () => {
    const post = (path: string, body: unknown) => fetch(`${sim.url}/__sim/${path}`, { method: 'POST', body: JSON.stringify(body) }).then(json);
    await post('clock', { advanceMs: 3_600_000 });
    const changed = await post('change-item', { id: 'SKU-000003', patch: { displayName: 'Renamed', quantities: { '2': 11 } } });
    expect(changed).toMatchObject({ id: '3', displayName: 'Renamed', lastModifiedDate: '2026-11-25T08:30:00.000Z', quantities: { '2': 11 } });
    await signedFetch(sim, 'GET', '/services/rest/record/v1/inventoryItem/3');
    expect(await fetch(`${sim.url}/__sim/counters`).then(json)).toMatchObject({ 'record.get': 1, total: 1 });
    expect(await post('concurrency-limit', { limit: 7 })).toMatchObject({ limit: 7 });
  });
});
