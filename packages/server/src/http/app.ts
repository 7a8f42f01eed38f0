import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { createApollo } from '../graphql/apollo.js';
import { createContextFactory, type ContextFactory } from '../graphql/context-factory.js';
import { buildSchema } from '../graphql/schema.js';
import { attachSubscriptions } from '../graphql/ws.js';
import type { Logger } from '../logger.js';
import type { Services } from '../services.js';
import type { TokenVerifier } from '../auth/verify.js';
import { mountAuthRoutes, type DemoUser } from './auth-routes.js';
import { mountHealth } from './health.js';

export interface AppDeps {
  config: Config;
  db: Database;
  services: Services;
  logger: Logger;
  verify: TokenVerifier;
  jwtSecret: string | undefined;
  demoUsers: DemoUser[];
  /** Extra routes (REST endpoints, metrics) mounted before the dashboard. */
  mount?: (app: express.Express, createContext: ContextFactory) => void;
}

export interface RunningApp {
  server: Server;
  url: string;
  createContext: ContextFactory;
  stop(): Promise<void>;
}

export async function startApp(deps: AppDeps, port = deps.config.PORT, host = deps.config.HOST): Promise<RunningApp> {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  const server = createServer(app);
  const schema = buildSchema();
  const createContext = createContextFactory({ verify: deps.verify, db: deps.db, services: deps.services, logger });
  const { apollo, validationRules } = createApollo(schema, config, logger, server);
  await apollo.start();

  app.use((req, res, next) => {
    const requestId = (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].slice(0, 100)) || randomUUID();
    res.setHeader('x-request-id', requestId);
    (req as express.Request & { requestId?: string }).requestId = requestId;
    next();
  });
  mountHealth(app, deps.db);
  mountAuthRoutes(app, { demoMode: config.demoMode, demoUsers: deps.demoUsers, jwtSecret: deps.jwtSecret, signInUrl: config.AUTH_SIGN_IN_URL });
  deps.mount?.(app, createContext);
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(req.headers.authorization, (req as express.Request & { requestId?: string }).requestId),
    }),
  );
  mountDashboard(app, join(config.repoRoot, 'packages', 'web', 'dist'));
  app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' ? err.status : 500;
    if (status >= 500) logger.error({ err }, 'unhandled HTTP error');
    res.status(status).json({ error: status === 413 ? 'request body too large' : status < 500 ? 'bad request' : 'internal server error' });
  });

  const subscriptions = attachSubscriptions({ httpServer: server, schema, createContext, validationRules, logger });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const url = `http://${shownHost}:${address.port}`;
  let stopping: Promise<void> | undefined;
  return {
    server,
    url,
    createContext,
    stop() {
      stopping ??= (async () => {
        await subscriptions.close();
        // Apollo's drain plugin stops accepting and waits for in-flight requests.
        await apollo.stop();
        server.closeAllConnections();
      })();
      return stopping;
    },
  };
}

/** Serves the built dashboard at `/`; client-side routes fall back to index.html. */
function mountDashboard(app: express.Express, dist: string): void {
  const index = join(dist, 'index.html');
  app.use(express.static(dist, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!graphql|auth\/|functions\/|metrics|healthz|readyz).*/, (_req, res) => {
    if (existsSync(index)) res.sendFile(index);
    else res.status(404).type('text/plain').send('The dashboard is not built: run `pnpm build` (the start command builds it).');
  });
}
