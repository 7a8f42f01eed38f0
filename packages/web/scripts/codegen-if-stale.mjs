// Runs GraphQL codegen when src/gql is missing or older than the schema or an operation.
// Used by the component tests' global setup so a fresh clone can run them directly.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir, accept) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'gql' || entry.name === 'node_modules') continue;
      newest = Math.max(newest, newestMtime(path, accept));
    } else if (accept(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

export function generateIfStale() {
  const output = join(webDir, 'src/gql/graphql.ts');
  const schema = join(webDir, '../schema/schema.graphql');
  const inputs = Math.max(
    statSync(schema).mtimeMs,
    statSync(join(webDir, 'codegen.ts')).mtimeMs,
    newestMtime(join(webDir, 'src'), (name) => name.endsWith('.graphql')),
  );
  if (existsSync(output) && statSync(output).mtimeMs >= inputs) return false;
  const bin = join(webDir, 'node_modules/.bin/graphql-codegen');
  const run = spawnSync(bin, ['--config', 'codegen.ts'], { cwd: webDir, stdio: 'inherit' });
  if (run.status !== 0) throw new Error('graphql-codegen failed');
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  generateIfStale();
}
