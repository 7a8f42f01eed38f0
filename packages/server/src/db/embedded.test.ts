import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.js';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const embeddedModule = pathToFileURL(fileURLToPath(new URL('./embedded.ts', import.meta.url))).href;
// The tsx CLI runs the script in a grandchild node process, so SIGKILLing it would not kill
// the process that owns postgres: load tsx into node directly instead.
const tsxLoader = pathToFileURL(path.resolve(packageDir, '../../node_modules/tsx/dist/loader.mjs')).href;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  warnings.length = 0;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDataDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'synclane-embedded-'));
  // mkdtemp makes it 0700; as root postgres runs as the "postgres" user and must traverse it.
  await fs.chmod(dir, 0o755);
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return path.join(dir, 'data');
}

const warnings: string[] = [];
const logger = { info() {}, warn: (_: object, msg?: string) => void warnings.push(msg ?? '') };

async function start(dataDir: string): Promise<EmbeddedPostgres> {
  const db = await startEmbeddedPostgres({ dataDir, logger });
  cleanups.push(() => db.stop());
  return db;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function postmasterPid(dataDir: string): number {
  return Number.parseInt(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
}

function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('startEmbeddedPostgres', () => {
  it('keeps data across a stop and a start, on a free loopback port', async () => {
    const dataDir = await tempDataDir();
    const first = await start(dataDir);
    const url = new URL(first.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.port).not.toBe('5432');
    expect(url.pathname).toBe('/postgres');
    await query(first.url, `CREATE TABLE kept (v text); INSERT INTO kept VALUES ('hello')`);
    await first.stop();
    await first.stop();

    const second = await start(dataDir);
    expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'hello' }]);
  });

  it('allows concurrent transactions', async () => {
    const db = await start(await tempDataDir());
    await query(db.url, 'CREATE TABLE c (id int primary key)');
    const a = new pg.Client({ connectionString: db.url });
    const b = new pg.Client({ connectionString: db.url });
    await Promise.all([a.connect(), b.connect()]);
    try {
      await a.query('BEGIN');
      await b.query('BEGIN');
      await a.query('INSERT INTO c VALUES (1)');
      await b.query('INSERT INTO c VALUES (2)');
      await Promise.all([a.query('COMMIT'), b.query('COMMIT')]);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
    expect(await query(db.url, 'SELECT count(*)::int AS n FROM c')).toEqual([{ n: 2 }]);
  });

  it('recovers after its parent process was SIGKILLed', async () => {
    const dataDir = await tempDataDir();
    const script = `
      const { startEmbeddedPostgres } = await import(${JSON.stringify(embeddedModule)});
      const { default: pg } = await import('pg');
      const db = await startEmbeddedPostgres({ dataDir: process.env.DATA_DIR });
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query("CREATE TABLE survivor (v text); INSERT INTO survivor VALUES ('still here')");
      await client.end();
      process.stdout.write('READY\\n');
      setInterval(() => {}, 1 << 30);
    `;
    const child = spawn(process.execPath, ['--import', tsxLoader, '--input-type=module', '-e', script], {
      cwd: packageDir,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    cleanups.push(async () => {
      child.kill('SIGKILL');
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('READY')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`child exited (${code}) before READY: ${stderr}`)));
    });

    const orphan = postmasterPid(dataDir);
    child.kill('SIGKILL');
    await exited;
    expect(isRunning(orphan)).toBe(true);

    const db = await start(dataDir);
    expect(warnings).toContain('embedded postgres: stopping an orphaned postmaster');
    expect(isRunning(orphan)).toBe(false);
    expect(await query(db.url, 'SELECT v FROM survivor')).toEqual([{ v: 'still here' }]);
  });

  it('ignores a postmaster.pid naming a live process that is not its postgres', async () => {
    const dataDir = await tempDataDir();
    const first = await start(dataDir);
    await query(first.url, 'CREATE TABLE t (v int); INSERT INTO t VALUES (7)');
    await first.stop();
    // The pid of a crashed postmaster, reused by an unrelated process (here: ourselves).
    await fs.writeFile(path.join(dataDir, 'postmaster.pid'), `${process.pid}\n${dataDir}\n`);

    const second = await start(dataDir);
    expect(warnings).toContain('embedded postgres: removed a stale postmaster.pid');
    expect(await query(second.url, 'SELECT v FROM t')).toEqual([{ v: 7 }]);
  });

  it('refuses to start twice on a data directory in use', async () => {
    const dataDir = await tempDataDir();
    await start(dataDir);
    await expect(startEmbeddedPostgres({ dataDir, logger })).rejects.toThrow(/already running/);
  });
});
