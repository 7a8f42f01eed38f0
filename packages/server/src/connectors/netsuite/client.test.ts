import type { NetSuiteSimulator } from '@synclane/simulators';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors.js';
import { InMemoryConcurrencyLimiter } from '../limits/concurrency.js';
import { connectorFor, startSimulator } from './fixtures/simulator.js';

let sim: NetSuiteSimulator;

beforeAll(async () => {
  sim = await startSimulator({ catalogue: { products: 200, seed: 3 } });
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

describe('NetSuite client: account concurrency', () => {
  it('keeps many parallel calls under the account limit: zero 429s', async () => {
    sim.setFaults({ latencyMs: 15, jitterMs: 10 });
    const limiter = new InMemoryConcurrencyLimiter();
    // Two connections to one account share the limiter, as two users' connections would.
    const a = connectorFor(sim, { limiter });
    const b = connectorFor(sim, { limiter });
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => a.readMany('product', [String(i + 1)])),
      ...Array.from({ length: 20 }, () => b.serverTime()),
    ]);
    expect(sim.counters.get('rejected.429')).toBe(0);
    expect(sim.concurrency().peak).toBe(5);
  });
});

describe('NetSuite client: retries', () => {
  it('completes through injected 429s, 5xx and dropped connections', async () => {
    sim.setFaults({ failNth: [{ n: 1, status: 429 }, { n: 2, status: 503 }, { n: 4, status: 500 }], dropRate: 0 });
    const warnings: object[] = [];
    const outcomes: string[] = [];
    const connector = connectorFor(sim, { logger: { warn: (obj) => warnings.push(obj) }, metrics: { request: (_p, o) => outcomes.push(o), rateLimitWait: () => undefined } });
    const records = await connector.readMany('product', ids(1, 5));
    expect(records.size).toBe(5);
    expect(await connector.serverTime()).toBeInstanceOf(Date);
    expect(outcomes).toEqual(['throttled', 'server_error', 'ok', 'server_error', 'ok']);
    expect(warnings).toHaveLength(3);
    sim.setFaults({ dropRate: 0.5, seed: 4 });
    for (let i = 0; i < 4; i++) expect((await connector.readMany('product', ids(1, 3))).size).toBe(3);
    expect(sim.counters.get('fault.drop')).toBeGreaterThan(0);
  });

  it('honours Retry-After on a 429', async () => {
    const sim2 = await startSimulator({ quirks: { throttleRetryAfterSeconds: 0.2 } });
    try {
      sim2.setFaults({ failNth: [{ n: 1, status: 429 }] });
      const started = Date.now();
      await connectorFor(sim2).serverTime();
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    } finally {
      await sim2.stop();
    }
  });

  it('gives up within its budget when the account keeps failing', async () => {
    sim.setFaults({ errorRate: 1 });
    const err = await connectorFor(sim).serverTime().catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'transient', status: 503 });
    expect(sim.counters.get('serverTime')).toBe(6);
  });

  it('retries a timeout', async () => {
    sim.setFaults({ failNth: [], latencyMs: 0 });
    const slow = await startSimulator({ faults: { latencyMs: 300 } });
    try {
      const err = await connectorFor(slow, { timeoutMs: 50, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, budgetMs: 100 } }).serverTime().catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: 'transient', message: expect.stringContaining('timed out after 50 ms') });
      expect(slow.counters.get('serverTime')).toBe(2);
    } finally {
      await slow.stop();
    }
  });
});

describe('NetSuite client: permanent and auth errors', () => {
  it('fails a 4xx at once with the o:errorDetails detail, no retry storm', async () => {
    const connector = connectorFor(sim);
    const err = await connector.update('product', '999999', { kind: 'product', sku: 'X', title: 'X', price: '1.00', status: 'active', category: null }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'not_found', status: 404, message: expect.stringContaining('NONEXISTENT_ID') });
    const bad = await connector.create('product', { kind: 'product', sku: '', title: 'X', price: '1.00', status: 'active', category: null }, { syncListId: 'abc', sourceId: 'gid://shopify/Product/1' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ConnectorError);
    expect(bad).toMatchObject({ kind: 'permanent', status: 400, message: expect.stringContaining('USER_ERROR: Please enter value(s) for: Item Name/Number (itemId)') });
    expect(sim.counters.get('record.put')).toBe(1);
    expect(sim.counters.get('record.patch')).toBe(1);
  });

  it('answers bad credentials with a clear auth error and does not retry', async () => {
    const connector = connectorFor(sim, { credentials: { ...sim.credentials, tokenSecret: 'wrong' } });
    const err = await connector.serverTime().catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'auth', status: 401, message: expect.stringContaining('INVALID_LOGIN: Invalid login attempt.') });
    expect(sim.counters.get('serverTime')).toBe(1);
    expect(await connector.test()).toEqual({ ok: false, message: expect.stringContaining('Invalid login attempt') });
  });

  it('reads serverTime in either body shape', async () => {
    const bare = await startSimulator({ quirks: { serverTimeBody: 'string' }, now: new Date('2026-03-08T07:00:00.250Z') });
    try {
      const at = await connectorFor(bare).serverTime();
      expect(Math.abs(at.getTime() - Date.parse('2026-03-08T07:00:00.250Z'))).toBeLessThan(5_000);
    } finally {
      await bare.stop();
    }
  });
});
