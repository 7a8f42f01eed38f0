import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { lockKey, PgConcurrencyLimiter } from './pg-concurrency.js';

let database: TestDatabase;
let admin: pg.Pool;
const limiters: PgConcurrencyLimiter[] = [];

/** One limiter with its own pool, as a separate process would have; its connections carry `name`. */
function instance(name = `limiter-${randomBytes(3).toString('hex')}`): PgConcurrencyLimiter {
  const limiter = new PgConcurrencyLimiter({ connection: { connectionString: database.url, application_name: name }, poolSize: 8, pollMs: 10 });
  limiters.push(limiter);
  return limiter;
}

/** Slots of `key` held in the database by every session. */
async function holders(key: string): Promise<number> {
  const { rows } = await admin.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid = ($1::int4)::oid`,
    [lockKey(key)],
  );
  return rows[0].n;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  database = await createTestDatabase();
  admin = new pg.Pool({ connectionString: database.url, max: 2 });
});
afterEach(async () => {
  await Promise.all(limiters.splice(0).map((l) => l.close()));
});
afterAll(async () => {
  await admin?.end();
  await database?.drop();
});

describe('PgConcurrencyLimiter', () => {
  it('never lets more than the limit hold a key across instances', async () => {
    const instances = [instance(), instance(), instance()];
    let active = 0;
    let peak = 0;
    let databasePeak = 0;
    const work = async (limiter: PgConcurrencyLimiter) => {
      const release = await limiter.acquire('acct-1', 5);
      active += 1;
      peak = Math.max(peak, active);
      databasePeak = Math.max(databasePeak, await holders('acct-1'));
      await sleep(Math.random() * 5);
      active -= 1;
      release();
    };
    await Promise.all(instances.flatMap((limiter) => Array.from({ length: 25 }, () => work(limiter))));
    expect(peak).toBe(5);
    expect(databasePeak).toBeLessThanOrEqual(5);
    await sleep(30);
    expect(await holders('acct-1')).toBe(0);
  });

  it('keys are independent and a local queue is first come, first served', async () => {
    const limiter = instance();
    const first = await limiter.acquire('k', 1);
    const other = await limiter.acquire('other', 1);
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) => limiter.acquire('k', 1).then((release) => {
      order.push(n);
      release();
    }));
    await sleep(30);
    expect(limiter.stats('k')).toEqual({ active: 1, waiting: 3 });
    first();
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
    other();
  });

  it('ignores a second release and refuses a bad limit', async () => {
    const limiter = instance();
    const release = await limiter.acquire('k2', 2);
    const other = await limiter.acquire('k2', 2);
    release();
    release();
    await sleep(30);
    expect(limiter.stats('k2').active).toBe(1);
    expect(await holders('k2')).toBe(1);
    other();
    await expect(limiter.acquire('k2', 0)).rejects.toThrow(/positive integer/);
  });

  it('hands a slot freed by another instance to a waiter', async () => {
    const a = instance();
    const b = instance();
    const held = await a.acquire('k3', 1);
    let granted = false;
    const waiting = b.acquire('k3', 1).then((release) => {
      granted = true;
      return release;
    });
    await sleep(100);
    expect(granted).toBe(false);
    held();
    (await waiting)();
    expect(granted).toBe(true);
  });

  it('frees the slots of a holder whose connections die', async () => {
    const crashed = instance('limiter-crashed');
    await crashed.acquire('k4', 2);
    await crashed.acquire('k4', 2);
    const survivor = instance();
    let granted = 0;
    const waiting = Promise.all([survivor.acquire('k4', 2), survivor.acquire('k4', 2)].map((p) => p.then((release) => {
      granted += 1;
      return release;
    })));
    await sleep(100);
    expect(granted).toBe(0);
    // What a crashed process leaves: its sessions end, and Postgres drops their locks.
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'limiter-crashed'`);
    const releases = await waiting;
    expect(await holders('k4')).toBe(2);
    releases.forEach((release) => release());
  });

  it('refuses waiters and frees held slots on close', async () => {
    const a = instance();
    await a.acquire('k5', 1);
    const refused = expect(a.acquire('k5', 1)).rejects.toThrow(/closed/);
    await a.close();
    await refused;
    await sleep(30);
    expect(await holders('k5')).toBe(0);
  });
});
