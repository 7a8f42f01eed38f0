import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {
  NetSuiteItemPatch,
  NetSuiteSeedItem,
  NetSuiteSimItem,
  NetSuiteSimulatorOptions,
  ProductChange,
  ProductSnapshot,
  SeedProductInput,
  ShopifySimulatorOptions,
  ThrottleStatus,
  BucketOptions,
} from '../../packages/simulators/src/index.js';

export type HostRequest =
  | { id: number; op: 'create'; kind: 'netsuite'; name: string; options: NetSuiteSimulatorOptions }
  | { id: number; op: 'create'; kind: 'shopify'; name: string; options: ShopifySimulatorOptions }
  | { id: number; op: 'call'; name: string; method: string; args: unknown[] }
  | { id: number; op: 'many'; name: string; method: string; calls: unknown[][] }
  | { id: number; op: 'stop' };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Request = DistributiveOmit<HostRequest, 'id'>;

export type HostReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export interface RemoteShopify {
  name: string;
  url: string;
  shopDomain: string;
  accessToken: string;
  seedProducts(inputs: SeedProductInput[]): Promise<ProductSnapshot[]>;
  changeProducts(changes: Array<[string, ProductChange]>): Promise<void>;
  counters(): Promise<Record<string, number>>;
  resetCounters(): Promise<void>;
  setBucket(options: BucketOptions): Promise<ThrottleStatus>;
  bucket(): Promise<ThrottleStatus>;
}

export interface RemoteNetSuite {
  name: string;
  url: string;
  accountId: string;
  seedItems(items: NetSuiteSeedItem[]): Promise<NetSuiteSimItem[]>;
  changeItems(changes: Array<[string, NetSuiteItemPatch]>): Promise<void>;
  counters(): Promise<Record<string, number>>;
  resetCounters(): Promise<void>;
}

/** The simulators in a child process, driven over IPC (structured clone keeps Dates). */
export class SimHost {
  private next = 1;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (raw) => {
      const reply = raw as HostReply;
      const w = this.waiting.get(reply.id);
      if (!w) return;
      this.waiting.delete(reply.id);
      if (reply.ok) w.resolve(reply.result);
      else w.reject(new Error(reply.error));
    });
    child.on('exit', (code) => {
      for (const w of this.waiting.values()) w.reject(new Error(`simulator host exited (${code})`));
      this.waiting.clear();
    });
  }

  static async start(): Promise<SimHost> {
    const child = fork(fileURLToPath(new URL('./sim-host.ts', import.meta.url)), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`simulator host exited before it was ready (${code})`)));
    });
    return new SimHost(child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** CPU of the host process in ms (Linux /proc), or undefined. */
  cpuMs(): number | undefined {
    try {
      const text = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
    } catch {
      return undefined;
    }
  }

  /** Peak resident set of the host process in bytes (VmHWM), or undefined. */
  peakRssBytes(): number | undefined {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  private request<T>(req: Request): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ ...req, id });
    });
  }

  private call<T>(name: string, method: string, ...args: unknown[]): Promise<T> {
    return this.request<T>({ op: 'call', name, method, args });
  }

  async shopify(name: string, options: ShopifySimulatorOptions): Promise<RemoteShopify> {
    const info = await this.request<{ url: string; shopDomain: string; accessToken: string }>({ op: 'create', kind: 'shopify', name, options });
    return {
      name,
      ...info,
      seedProducts: (inputs) => this.call(name, 'seedProducts', inputs),
      changeProducts: async (changes) => {
        await this.request({ op: 'many', name, method: 'changeProduct', calls: changes });
      },
      counters: () => this.call(name, 'counters.all'),
      resetCounters: () => this.call(name, 'resetCounters'),
      setBucket: (options) => this.call(name, 'setBucket', options),
      bucket: () => this.call(name, 'bucket'),
    };
  }

  async netsuite(name: string, options: NetSuiteSimulatorOptions): Promise<RemoteNetSuite> {
    const info = await this.request<{ url: string; accountId: string }>({ op: 'create', kind: 'netsuite', name, options });
    return {
      name,
      ...info,
      seedItems: (items) => this.call(name, 'seedItems', items),
      changeItems: async (changes) => {
        await this.request({ op: 'many', name, method: 'changeItem', calls: changes });
      },
      counters: () => this.call(name, 'counters.all'),
      resetCounters: () => this.call(name, 'counters.reset'),
    };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    await this.request({ op: 'stop' }).catch(() => undefined);
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
