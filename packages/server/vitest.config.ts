import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Starts the embedded Postgres (or uses DATABASE_URL) and builds the migrated template.
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // 2-core machines; every worker also talks to one Postgres.
    maxWorkers: 2,
  },
});
