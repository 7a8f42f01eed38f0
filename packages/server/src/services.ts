import type { Config } from './config.js';
import type { CredentialCipher } from './crypto/credentials.js';
import type { Database } from './db/database.js';
import type { Logger } from './logger.js';
import { createConnector, type ConnectorDeps, type ConnectorFactory } from './connectors/factory.js';
import type { Metrics } from './metrics/metrics.js';
import { SyncService } from './modules/sync/sync.service.js';
import type { PubSub } from './pubsub/pubsub.js';
import { ConnectorRegistry } from './sync/connectors.js';
import { SyncEngine, type SyncEngineOptions } from './sync/engine.js';
import { JobQueue } from './scheduler/queue.js';
import { ScheduledSyncService } from './scheduler/scheduled-sync.js';
import { ConnectionsService } from './modules/connections/connections.service.js';
import { PatternsService } from './modules/patterns/patterns.service.js';
import { SyncListService } from './modules/sync-list/sync-list.service.js';
import { HistoryService } from './modules/history/history.service.js';
import { UsersService } from './modules/users/users.service.js';

export interface ServiceDeps {
  config: Config;
  db: Database;
  logger: Logger;
  cipher: CredentialCipher;
  pubsub: PubSub;
  metrics: Metrics;
  /** Tests swap the platform factory or pass engine hooks. */
  connectorFactory?: ConnectorFactory;
  connectorDeps?: ConnectorDeps;
  engine?: Partial<SyncEngineOptions>;
}

/** Every service the resolvers, REST handlers and scheduler call; built once per process. */
export interface Services {
  users: UsersService;
  patterns: PatternsService;
  connections: ConnectionsService;
  syncList: SyncListService;
  history: HistoryService;
  sync: SyncService;
  engine: SyncEngine;
  connectors: ConnectorRegistry;
  pubsub: PubSub;
  scheduled: ScheduledSyncService;
  /** Null when SYNC_WORKER_CONCURRENCY=0 (scheduled work runs inline in the caller). */
  queue: JobQueue | null;
}

export function createServices(deps: ServiceDeps): Services {
  const { config } = deps;
  const connectors = new ConnectorRegistry({
    db: deps.db,
    cipher: deps.cipher,
    factory: deps.connectorFactory ?? createConnector,
    deps: deps.connectorDeps,
    logger: deps.logger,
    outboundAllowedHosts: config.outboundAllowedHosts,
  });
  const engine = new SyncEngine({
    db: deps.db,
    pubsub: deps.pubsub,
    connectors,
    logger: deps.logger,
    metrics: deps.metrics,
    claimTtlMs: config.SYNC_CLAIM_TTL_MS,
    heartbeatMs: config.SYNC_HEARTBEAT_MS,
    staleAfterMs: config.SYNC_STALE_AFTER_MS,
    itemConcurrency: config.SYNC_ITEM_CONCURRENCY,
    ...deps.engine,
  });
  const claimSeconds = Math.ceil(config.SYNC_CLAIM_TTL_MS / 1000);
  const queue =
    config.SYNC_WORKER_CONCURRENCY > 0
      ? new JobQueue({
          db: deps.db,
          logger: deps.logger,
          // A job outlives an item claim, so a live worker never has its job taken away.
          expireInSeconds: Math.max(3, 3 * claimSeconds),
          retryLimit: config.SYNC_QUEUE_RETRY_LIMIT,
          maintenanceIntervalSeconds: Math.max(1, Math.min(120, claimSeconds)),
        })
      : null;
  const scheduled = new ScheduledSyncService({ db: deps.db, engine, logger: deps.logger, queue, batchSize: config.SYNC_BATCH_SIZE, inlineConcurrency: 2 });
  return {
    scheduled,
    queue,
    sync: new SyncService(deps.db, engine, connectors),
    engine,
    connectors,
    pubsub: deps.pubsub,
    users: new UsersService(deps.db),
    patterns: new PatternsService(deps.db),
    connections: new ConnectionsService(deps.db, deps.cipher, deps.config, deps.logger, { connectorFactory: deps.connectorFactory, connectorDeps: deps.connectorDeps }),
    syncList: new SyncListService(deps.db),
    history: new HistoryService(deps.db),
  };
}
