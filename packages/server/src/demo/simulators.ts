import { createNetSuiteSimulator, createShopifySimulator, type NetSuiteSimulator, type ShopifySimulator } from '@synclane/simulators';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_NETSUITE, DEMO_SHOPIFY_TOKEN } from './seed.js';

export interface DemoSimulators {
  shopify: ShopifySimulator;
  netsuite: NetSuiteSimulator;
  stop(): Promise<void>;
}

interface Ports {
  shopify?: number;
  netsuite?: number;
}

/** Starts both simulators in-process for demo mode, on the ports of the last start when free. */
export async function startDemoSimulators(dataDir: string): Promise<DemoSimulators> {
  const file = join(dataDir, 'simulator-ports.json');
  const last: Ports = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Ports) : {};
  const shopifyOptions = { accessToken: DEMO_SHOPIFY_TOKEN, shopDomain: 'synclane-demo.myshopify.com', catalogue: { products: 40, orders: 8, seed: 11 } };
  const netsuiteOptions = {
    accountId: DEMO_NETSUITE.accountId,
    credentials: { consumerKey: DEMO_NETSUITE.consumerKey, consumerSecret: DEMO_NETSUITE.consumerSecret, tokenId: DEMO_NETSUITE.tokenId, tokenSecret: DEMO_NETSUITE.tokenSecret },
    timeZone: 'America/New_York',
    catalogue: { products: 60, seed: 11 },
  };
  const start = async <S extends { start(): Promise<string> }>(make: (port: number) => S, port: number | undefined): Promise<S> => {
    if (port) {
      const sim = make(port);
      try {
        await sim.start();
        return sim;
      } catch {
        // The port is taken now: any free one will do, the demo connections follow it.
      }
    }
    const sim = make(0);
    await sim.start();
    return sim;
  };
  const shopify = await start((port) => createShopifySimulator({ ...shopifyOptions, port }), last.shopify);
  const netsuite = await start((port) => createNetSuiteSimulator({ ...netsuiteOptions, port }), last.netsuite);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify({ shopify: Number(new URL(shopify.url).port), netsuite: Number(new URL(netsuite.url).port) }));
  return {
    shopify,
    netsuite,
    async stop() {
      await Promise.all([shopify.stop(), netsuite.stop()]);
    },
  };
}
