import { createVerifier } from './auth/verify.js';
import { loadConfig, type Config } from './config.js';
import { CredentialCipher } from './crypto/credentials.js';
import { Database } from './db/database.js';
import { startEmbeddedPostgres } from './db/embedded.js';
import { runMigrations } from './db/migrate.js';
import { loadOrCreateDemoSecrets } from './demo/secrets.js';
import { seedDemo } from './demo/seed.js';
import { startDemoSimulators } from './demo/simulators.js';
import { DEMO_USERS } from './demo/users.js';
import { startApp, type RunningApp } from './http/app.js';
import { createLogger, type Logger } from './logger.js';
import { createServices, type ServiceDeps, type Services } from './services.js';
import { mountDeltaSyncRoute } from './http/delta-sync-route.js';
import { Metrics } from './metrics/metrics.js';
import { MemoryPubSub, type PubSub } from './pubsub/pubsub.js';
import { RedisPubSub } from './pubsub/redis-pubsub.js';
import { mountScheduledSyncRoute } from './http/scheduled-sync-route.js';
import { pruneHistoryJob } from './scheduler/jobs/prune-history.js';
import { scheduledSyncJob } from './scheduler/jobs/scheduled-sync.js';
import { Scheduler } from './scheduler/scheduler.js';
import { createSharedLimiters } from './connectors/limits/shared.js';
import { join } from 'node:path';

export interface Runtime {
  config: Config;
  logger: Logger;
  db: Database;
  services: Services;
  metrics: Metrics;
  app: RunningApp;
  stop(): Promise<void>;
}

/** Boots the whole server: database (embedded when no DATABASE_URL), migrations, demo data, HTTP + WS. */
export type RuntimeOverrides = Partial<Pick<ServiceDeps, 'connectorFactory' | 'connectorDeps' | 'engine'>>;

export async function startRuntime(config: Config = loadConfig(), logger: Logger = createLogger(config.LOG_LEVEL), overrides: RuntimeOverrides = {}): Promise<Runtime> {
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
    const pubsub: PubSub = config.REDIS_URL ? new RedisPubSub(config.REDIS_URL, logger) : new MemoryPubSub();
    cleanups.unshift(() => pubsub.close());
    const metrics = new Metrics();
    // Rate limits hold across instances: the limiter state lives in Redis, else in Postgres.
    const limiters = await createSharedLimiters({ redisUrl: config.REDIS_URL, pool: db.pool, logger });
    cleanups.unshift(() => limiters.close());
    const connectorDeps = {
      ...overrides.connectorDeps,
      netsuite: { limiter: limiters.concurrency, metrics, logger, ...overrides.connectorDeps?.netsuite },
      shopify: { limiter: limiters.cost, metrics, logger, ...overrides.connectorDeps?.shopify },
    };
    const services = createServices({ config, db, logger, cipher, pubsub, metrics, ...overrides, connectorDeps });
    services.engine.start();
    if (services.queue) {
      const queue = services.queue;
      await queue.start();
      await queue.work(config.SYNC_WORKER_CONCURRENCY, (job, retry) => services.scheduled.processJob(job, retry), (job) => services.scheduled.giveUp(job));
      cleanups.unshift(() => queue.stop());
    }
    const scheduler = new Scheduler(logger, config.SYNC_CRON_TZ);
    scheduler.start([scheduledSyncJob(services.scheduled, config.SYNC_CRON), pruneHistoryJob(db, config.SYNC_HISTORY_RETENTION_DAYS, logger)]);
    cleanups.unshift(() => scheduler.stop());
    // Runs stop taking items and close before the pool goes away.
    cleanups.unshift(() => services.engine.shutdown());
    if (config.demoMode) {
      // Demo mode starts both simulators in-process and points the demo connections at them.
      const sims = await startDemoSimulators(config.DATA_DIR);
      cleanups.push(() => sims.stop());
      await seedDemo(db, cipher, DEMO_USERS, { shopifyUrl: sims.shopify.url, netsuiteUrl: sims.netsuite.url });
      logger.info({ shopify: sims.shopify.url, netsuite: sims.netsuite.url }, 'demo simulators started');
    }

    const verify = createVerifier({ jwtSecret, jwksUrl: config.JWKS_URL, audience: config.JWT_AUDIENCE, issuer: config.JWT_ISSUER });
    const app = await startApp({
      config,
      db,
      services,
      logger,
      verify,
      jwtSecret,
      demoUsers: config.demoMode ? DEMO_USERS : [],
      mount: (express, createContext) => {
        mountDeltaSyncRoute(express, createContext);
        mountScheduledSyncRoute(express, createContext);
        express.get('/metrics', async (_req, res) => {
          res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
        });
      },
    });
    // Runs stop taking items at once, while in-flight requests (a running sync among them) drain.
    cleanups.unshift(async () => {
      await Promise.all([app.stop(), services.engine.shutdown()]);
    });
    let stopping: Promise<void> | undefined;
    return {
      config,
      logger,
      db,
      services,
      metrics,
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
