import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startRuntime } from './runtime.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const runtime = await startRuntime(config, logger);
  logger.info({ url: runtime.app.url, demoMode: config.demoMode }, `Synclane is listening on ${runtime.app.url}`);
  if (config.demoMode) {
    console.log(`\n  Synclane dashboard: ${runtime.app.url}\n  GraphQL:            ${runtime.app.url}/graphql\n  Demo sign-in:       demo@synclane.dev, ops@synclane.dev\n`);
  }
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS + 2_000);
    force.unref();
    runtime.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error('Synclane failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
