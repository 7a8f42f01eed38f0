import { createVerifier } from './auth/verify.js';
import { loadConfig, type Config } from './config.js';
import { CredentialCipher } from './crypto/credentials.js';
import { Database } from './db/database.js';
import { startEmbeddedPostgres } from './db/embedded.js';
import { runMigrations } from './db/migrate.js';
import { loadOrCreateDemoSecrets } from './demo/secrets.js';
import { seedDemo } from './demo/seed.js';
import { DEMO_USERS } from './demo/users.js';
import { startApp, type RunningApp } from './http/app.js';
import { createLogger, type Logger } from './logger.js';
import { createServices, type Services } from './services.js';
import { join } from 'node:path';

export interface Runtime {
  config: Config;
  logger: Logger;
  db: Database;
  services: Services;
  app: RunningApp;
  stop(): Promise<void>;
}

/** Boots the whole server: database (embedded when no DATABASE_URL), migrations, demo data, HTTP + WS. */
export async function startRuntime(config: Config = loadConfig(), logger: Logger = createLogger(config.LOG_LEVEL)): Promise<Runtime> {
  const cleanups: Array<() => Promise<void>> = [];
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const pg = await startEmbeddedPostgres({ dataDir: join(config.DATA_DIR, 'pg'), logger });
    cleanups.push(() => pg.stop());
    databaseUrl = pg.url;
    logger.info('embedded PostgreSQL started');
  }
  try {
    const applied = await runMigrations(databaseUrl);
    if (applied.length) logger.info({ applied }, 'migrations applied');

    const demo = config.demoMode ? loadOrCreateDemoSecrets(config.DATA_DIR) : undefined;
    const jwtSecret = config.JWT_SECRET ?? demo?.jwtSecret;
    const encryptionKey = config.SYNCLANE_ENCRYPTION_KEY ?? demo?.encryptionKey;
    if (!encryptionKey) throw new Error('SYNCLANE_ENCRYPTION_KEY is required (32 bytes, base64) unless DEMO_MODE=true');
    const cipher = new CredentialCipher(encryptionKey);

    const db = new Database({ connectionString: databaseUrl });
    cleanups.unshift(() => db.close());
    const services = createServices({ config, db, logger, cipher });
    if (config.demoMode) await seedDemo(db, cipher, DEMO_USERS);

    const verify = createVerifier({ jwtSecret, jwksUrl: config.JWKS_URL, audience: config.JWT_AUDIENCE, issuer: config.JWT_ISSUER });
    const app = await startApp({ config, db, services, logger, verify, jwtSecret, demoUsers: config.demoMode ? DEMO_USERS : [] });
    cleanups.unshift(() => app.stop());
    let stopping: Promise<void> | undefined;
    return {
      config,
      logger,
      db,
      services,
      app,
      stop() {
        stopping ??= runCleanups(cleanups, logger);
        return stopping;
      },
    };
  } catch (err) {
    await runCleanups(cleanups, logger);
    throw err;
  }
}

async function runCleanups(cleanups: Array<() => Promise<void>>, logger: Logger): Promise<void> {
  for (const fn of cleanups) {
    try {
      await fn();
    } catch (err) {
      logger.warn({ err }, 'shutdown step failed');
    }
  }
}
