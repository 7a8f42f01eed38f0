// Child process that hosts the simulators, so their CPU and memory are not the engine's.
// The parent (bench/lib/sims.ts) drives them over IPC; `fork` passes on tsx's loader.
import { createNetSuiteSimulator, createShopifySimulator, type NetSuiteSimulator, type ShopifySimulator } from '../../packages/simulators/src/index.js';
import type { HostReply, HostRequest } from './sims.js';

const sims = new Map<string, NetSuiteSimulator | ShopifySimulator>();

function send(reply: HostReply): void {
  process.send?.(reply);
}

async function handle(msg: HostRequest): Promise<unknown> {
  switch (msg.op) {
    case 'create': {
      const sim = msg.kind === 'netsuite' ? createNetSuiteSimulator(msg.options) : createShopifySimulator(msg.options);
      await sim.start();
      sims.set(msg.name, sim);
      return 'shopDomain' in sim
        ? { url: sim.url, shopDomain: sim.shopDomain, accessToken: sim.accessToken }
        : { url: sim.url, accountId: sim.accountId };
    }
    case 'call': {
      const sim = sims.get(msg.name);
      if (!sim) throw new Error(`no simulator ${msg.name}`);
      // "counters.all" calls sim.counters.all(); anything else is a method of the simulator.
      const [owner, method] = msg.method.startsWith('counters.') ? [sim.counters as unknown, msg.method.slice('counters.'.length)] : [sim as unknown, msg.method];
      const fn = (owner as Record<string, unknown>)[method];
      if (typeof fn !== 'function') throw new Error(`${msg.name} has no method ${msg.method}`);
      return await (fn as (...a: unknown[]) => unknown).apply(owner, msg.args);
    }
    case 'many': {
      const sim = sims.get(msg.name) as Record<string, unknown> | undefined;
      const fn = sim?.[msg.method];
      if (typeof fn !== 'function') throw new Error(`${msg.name} has no method ${msg.method}`);
      for (const args of msg.calls) (fn as (...a: unknown[]) => unknown).apply(sim, args);
      return msg.calls.length;
    }
    case 'stop':
      await Promise.all([...sims.values()].map((s) => s.stop().catch(() => undefined)));
      sims.clear();
      return null;
  }
}

process.on('message', (raw) => {
  const msg = raw as HostRequest;
  handle(msg).then(
    (result) => send({ id: msg.id, ok: true, result }),
    (err: unknown) => send({ id: msg.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});
// The parent going away ends the host.
process.on('disconnect', () => process.exit(0));
send({ id: 0, ok: true, result: 'ready' });
