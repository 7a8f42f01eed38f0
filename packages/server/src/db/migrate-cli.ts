import { loadConfig } from '../config.js';
import { startEmbeddedPostgres } from './embedded.js';
import { runMigrations } from './migrate.js';
import { join } from 'node:path';

// `pnpm db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database.
const config = loadConfig();
const embedded = config.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: join(config.DATA_DIR, 'pg') });
try {
  const applied = await runMigrations(config.DATABASE_URL ?? (embedded as { url: string }).url);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
} finally {
  await embedded?.stop();
}
