import { parseArgs } from 'node:util';
import { createNetSuiteSimulator } from './netsuite/index.js';
import { createShopifySimulator } from './shopify/simulator.js';

// Runs both simulators standalone with a seeded catalogue: `pnpm --filter @synclane/simulators start [-- --products 500]`.
const { values } = parseArgs({
  // pnpm forwards the "--" separator itself.
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    products: { type: 'string', default: '100' },
    orders: { type: 'string', default: '20' },
    seed: { type: 'string', default: '42' },
    'shopify-port': { type: 'string', default: '0' },
    'netsuite-port': { type: 'string', default: '0' },
    'netsuite-account': { type: 'string', default: '1234567_SB1' },
    'netsuite-time-zone': { type: 'string', default: 'America/Los_Angeles' },
    'netsuite-concurrency': { type: 'string', default: '5' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log('Options: --products N --orders N --seed N --shopify-port P --netsuite-port P --netsuite-account ID --netsuite-time-zone ZONE --netsuite-concurrency N');
  process.exit(0);
}

const int = (name: string, raw: string): number => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got "${raw}"`);
  return n;
};

const products = int('products', values.products);
const seed = int('seed', values.seed);

const shopify = createShopifySimulator({ port: int('shopify-port', values['shopify-port']), catalogue: { products, orders: int('orders', values.orders), seed } });
const netsuite = createNetSuiteSimulator({
  port: int('netsuite-port', values['netsuite-port']),
  accountId: values['netsuite-account'],
  timeZone: values['netsuite-time-zone'],
  concurrencyLimit: int('netsuite-concurrency', values['netsuite-concurrency']),
  catalogue: { products, seed },
});

const [shopifyUrl, netsuiteUrl] = await Promise.all([shopify.start(), netsuite.start()]);

console.log(`Shopify simulator   ${shopifyUrl}
  shop domain        ${shopify.shopDomain}
  access token       ${shopify.accessToken}
  control API        ${shopifyUrl}/__sim/

NetSuite simulator  ${netsuiteUrl}
  account id         ${netsuite.accountId}  (settings.baseUrl = ${netsuiteUrl})
  time zone          ${netsuite.timeZone}
  consumer key       ${netsuite.credentials.consumerKey}
  consumer secret    ${netsuite.credentials.consumerSecret}
  token id           ${netsuite.credentials.tokenId}
  token secret       ${netsuite.credentials.tokenSecret}
  control API        ${netsuiteUrl}/__sim/  (e.g. GET ${netsuiteUrl}/__sim/counters)

Seeded ${products} products (seed ${seed}). Ctrl-C stops both.`);

const stop = async () => {
  await Promise.all([shopify.stop(), netsuite.stop()]);
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
