#!/usr/bin/env node
// The whole test suite: typecheck every package, then every Vitest project (server,
// simulators, web components, browser e2e), then one plain closing line with the counts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: process.env }).status ?? 1;

console.log(`Synclane tests: database ${process.env.DATABASE_URL ? 'from DATABASE_URL' : 'embedded PostgreSQL'}, ` +
  `Redis ${process.env.REDIS_URL ? 'from REDIS_URL' : 'not configured'}${process.env.CI_REQUIRE_ALL === '1' ? ', CI_REQUIRE_ALL=1 (no skips allowed)' : ''}`);

// Typecheck each package (codegen already ran in `generate`); tsc directly, so this works
// whether or not pnpm is on PATH.
const projects = ['packages/simulators/tsconfig.json', 'packages/server/tsconfig.json', 'packages/web/tsconfig.json', 'packages/web/tsconfig.e2e.json'];
if (projects.some((p) => run(bin('tsc'), ['-p', p, '--noEmit']) !== 0)) {
  console.log('typecheck failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const out = join(mkdtempSync(join(tmpdir(), 'synclane-vitest-')), 'results.json');
const status = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)]);
let passed = 0, failed = 0, skipped = 0;
if (existsSync(out)) {
  const r = JSON.parse(readFileSync(out, 'utf8'));
  passed = r.numPassedTests ?? 0;
  failed = (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0 ? 0 : 0);
  skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  if (status !== 0 && failed === 0) failed = Math.max(1, r.numFailedTestSuites ?? 1);
} else if (status !== 0) {
  failed = 1;
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status === 0 && failed === 0 ? 0 : 1);
