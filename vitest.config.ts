import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // 2-core machines; every worker also talks to one Postgres.
    maxWorkers: 2,
    projects: ['packages/simulators', 'packages/server', 'packages/web', 'packages/web/vitest.e2e.config.ts'],
  },
});
