import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const serverDir = join(root, 'packages', 'server');
// tsx loaded into node itself (as packages/server/test/instances.ts does), so the pid we watch is the server's.
const tsxLoader = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

// The same secrets as bench/lib/runtime.ts, so its in-process runtime (the diagnostic pass) reads the same rows.
export const BENCH_JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123';
export const BENCH_ENCRYPTION_KEY = Buffer.alloc(32, 11).toString('base64');

export interface ServerInstance {
  url: string;
  pid: number;
  process: ChildProcess;
  output(): string;
  /** Peak resident set (VmHWM) in bytes, read from /proc while the process lives. */
  peakRssBytes(): number | undefined;
  /** CPU (user + system) of the process in ms. */
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolvePort(port));
    });
  });
}

export function procPeakRss(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export function procCpuMs(pid: number): number | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** A whole server process (src/main.ts) against the given database, ready when /readyz answers. */
export async function startServerInstance(databaseUrl: string, env: Record<string, string>): Promise<ServerInstance> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'synclane-bench-instance-'));
  let out = '';
  const child = spawn(process.execPath, ['--import', tsxLoader, join(serverDir, 'src', 'main.ts')], {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: BENCH_JWT_SECRET,
      SYNCLANE_ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY,
      DEMO_MODE: 'false',
      SYNC_CRON: 'off',
      DATA_DIR: dataDir,
      OUTBOUND_ALLOWED_HOSTS: '*.myshopify.com,*.suitetalk.api.netsuite.com,127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Keep the last 20 kB of output: enough for an error, never a memory problem of ours.
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server instance exited (${child.exitCode}):\n${out}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server instance not ready in 90 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const pid = child.pid as number;
  return {
    url,
    pid,
    process: child,
    output: () => out,
    peakRssBytes: () => procPeakRss(pid),
    cpuMs: () => procCpuMs(pid),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A GraphQL POST with node:http and no client-side timeout (fetch gives up on headers after
 * 300 s; a scheduled run over 100,000 items may take longer when it is slow).
 */
export function postGraphql<T>(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<{ status: number; body: { data?: T; errors?: unknown[] } }> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolvePost, reject) => {
    const req = http.request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolvePost({ status: res.statusCode ?? 0, body: JSON.parse(text) as { data?: T; errors?: unknown[] } });
        } catch {
          reject(new Error(`not JSON (${res.statusCode}): ${text.slice(0, 500)}`));
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
