// `pnpm start` calls this: build the dashboard only when dist/index.html is missing or
// older than any file under src/ (generated src/gql aside), index.html or the build config.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = join(webDir, 'dist/index.html');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  // Directory times are left out: regenerating src/gql would touch src itself.
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    // src/gql is regenerated on every `generate`: its timestamps say nothing about the sources.
    if (entry.isDirectory() && entry.name === 'gql' && path === join(webDir, 'src')) continue;
    // Tests do not end up in the bundle.
    if (entry.isDirectory() && entry.name === 'test' && path === join(webDir, 'src')) continue;
    if (/\.test\.tsx?$/.test(entry.name)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

const inputs = ['src', 'index.html', 'vite.config.ts', 'package.json']
  .map((name) => join(webDir, name))
  .filter((path) => existsSync(path));
const newestInput = Math.max(...inputs.map(newestMtime));

if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newestInput) {
  console.log('web: dist is up to date, skipping the build');
  process.exit(0);
}

console.log(existsSync(builtIndex) ? 'web: sources changed, rebuilding' : 'web: no build yet, building');
const bin = (name) => join(webDir, 'node_modules/.bin', name);
for (const [cmd, args] of [
  [bin('graphql-codegen'), ['--config', 'codegen.ts']],
  [bin('vite'), ['build']],
]) {
  const run = spawnSync(cmd, args, { cwd: webDir, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
