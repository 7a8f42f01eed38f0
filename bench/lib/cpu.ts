import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** Linux clock ticks per second (CLK_TCK); 100 on every mainstream kernel config. */
const TICKS = 100;

interface Stat {
  pid: number;
  comm: string;
  ppid: number;
  /** utime + stime, and the reaped children's cutime + cstime, in ms. */
  ownMs: number;
  childrenMs: number;
}

function readStat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const f = text.slice(close + 2).split(' ');
    // f[0] is state (field 3): utime is field 14 → f[11].
    const tick = (i: number) => (Number(f[i]) * 1000) / TICKS;
    return { pid, comm, ppid: Number(f[1]), ownMs: tick(11) + tick(12), childrenMs: tick(13) + tick(14) };
  } catch {
    return undefined;
  }
}

function allStats(): Stat[] {
  const out: Stat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = readStat(Number(name));
    if (s) out.push(s);
  }
  return out;
}

/**
 * CPU used by the Postgres cluster this process started (embedded): its postmaster and
 * backends, exited backends included (reaped into the postmaster's children time).
 * Undefined when the database is not a child of this process (DATABASE_URL).
 */
export function postgresCpuMs(): number | undefined {
  if (process.platform !== 'linux') return undefined;
  const stats = allStats();
  const postmaster = stats.find((s) => s.ppid === process.pid && s.comm === 'postgres');
  if (!postmaster) return undefined;
  return postmaster.ownMs + postmaster.childrenMs + stats.filter((s) => s.ppid === postmaster.pid).reduce((sum, s) => sum + s.ownMs, 0);
}

/** Whole-machine CPU busy time (all cores) in ms, from /proc/stat. */
export function machineBusyMs(): number | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    const busy = (v[0] ?? 0) + (v[1] ?? 0) + (v[2] ?? 0) + (v[5] ?? 0) + (v[6] ?? 0) + (v[7] ?? 0);
    return (busy * 1000) / TICKS;
  } catch {
    return undefined;
  }
}

export interface CpuWindow {
  /** This process (the runtime with the engine, and the benchmark's own bookkeeping), ms of CPU. */
  nodeMs: number;
  /** The simulators' process, ms of CPU. */
  simulatorsMs: number | null;
  /** Our Postgres cluster, ms of CPU (embedded only). */
  postgresMs: number | null;
  /** Everything on the machine, ms of CPU: the rest is other people's work sharing the cores. */
  machineMs: number | null;
  cores: number;
  loadAverage1m: number;
}

export function cpuWindow(simulators: () => number | undefined = () => undefined): () => CpuWindow {
  const node = process.cpuUsage();
  const sims = simulators();
  const pg = postgresCpuMs();
  const machine = machineBusyMs();
  return () => {
    const used = process.cpuUsage(node);
    const pgNow = postgresCpuMs();
    const machineNow = machineBusyMs();
    const simsNow = simulators();
    return {
      nodeMs: Math.round((used.user + used.system) / 1000),
      simulatorsMs: sims !== undefined && simsNow !== undefined ? Math.round(simsNow - sims) : null,
      postgresMs: pg !== undefined && pgNow !== undefined ? Math.round(pgNow - pg) : null,
      machineMs: machine !== undefined && machineNow !== undefined ? Math.round(machineNow - machine) : null,
      cores: os.cpus().length,
      loadAverage1m: Number(os.loadavg()[0]?.toFixed(2)),
    };
  };
}
