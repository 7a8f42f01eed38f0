import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const webDir = dirname(fileURLToPath(import.meta.url));
const serverDir = resolve(webDir, '../server');
const serverGlobalSetup = join(serverDir, 'test/global-setup.ts');

// graphql 16 has no "exports": the server's sources must get the same (CJS) copy Node loads,
// as in the server's own vitest config.
function serverGraphql(): string | null {
  try {
    return createRequire(join(serverDir, 'package.json')).resolve('graphql');
  } catch {
    return null;
  }
}
const graphqlCjs = serverGraphql();

// The browser end-to-end suite: a real server, the simulators and Debian's Chromium.
// Run with `pnpm --filter @synclane/web test:e2e` (after `pnpm --filter @synclane/web build`).
export default defineConfig({
  resolve: {
    alias: [
      // The server's test harness is read from its sources (packages/server/test/), without
      // making the web package depend on the server package.
      { find: /^@synclane\/server\/test\/(.*)\.js$/, replacement: `${serverDir}/test/$1.ts` },
      ...(graphqlCjs ? [{ find: /^graphql$/, replacement: graphqlCjs }] : []),
    ],
  },
  test: {
    name: 'web-e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    // The harness's databases come from the server's global setup (Postgres template per run).
    globalSetup: existsSync(serverGlobalSetup) ? [serverGlobalSetup] : [],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // Its own group, run after the others: it drives a real browser against a full stack.
    sequence: { groupOrder: 1 },
  },
});
