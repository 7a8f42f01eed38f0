// Runs `prisma generate` offline. Prisma 7's CLI wants a native schema engine binary it
// would download; generate itself does not use it, so point it at a stub (toolchain.md).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const stubDir = join(here, '..', 'node_modules', '.cache', 'synclane');
const stub = join(stubDir, 'schema-engine-stub');
if (!existsSync(stub)) {
  mkdirSync(stubDir, { recursive: true });
  writeFileSync(stub, '#!/bin/sh\nexit 0\n');
  chmodSync(stub, 0o755);
}
const env = { ...process.env, PATH: `${join(here, '..', 'node_modules', '.bin')}:${process.env.PATH ?? ''}`, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
const bin = join(here, '..', 'node_modules', '.bin', 'prisma');
const result = spawnSync(bin, ['generate', '--schema', join(root, 'prisma', 'schema.prisma')], { stdio: 'inherit', env, cwd: join(here, '..') });
process.exit(result.status ?? 1);
