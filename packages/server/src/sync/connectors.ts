import type { ConnectorDeps, ConnectorFactory } from '../connectors/factory.js';
import type { Connector } from '../connectors/types.js';
import type { CredentialCipher } from '../crypto/credentials.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { openConnector } from '../modules/connections/open-connector.js';
import { parseAllowedHosts } from '../modules/connections/outbound.js';

const MAX_CACHED = 200;

export interface ConnectorRegistryOptions {
  db: Database;
  cipher: CredentialCipher;
  factory: ConnectorFactory;
  deps?: ConnectorDeps;
  logger: Logger;
  outboundAllowedHosts: string[];
}

/**
 * Turns a user's connections into connectors, once per connection version: connectors
 * hold no per-run state, and their limiters are shared per platform account anyway.
 * Each is opened through the connections module's door, so its address is checked
 * against the allowed hosts again before anything is fetched.
 */
export class ConnectorRegistry {
  private readonly cache = new Map<string, { version: number; connector: Connector }>();
  private readonly allowed;

  constructor(private readonly o: ConnectorRegistryOptions) {
    this.allowed = parseAllowedHosts(o.outboundAllowedHosts);
  }

  /** Connection id → its connector, or null when it is disabled or cannot be used. */
  async forUser(userId: string): Promise<Map<string, Connector | null>> {
    const rows = await this.o.db.asUser(userId, (tx) => tx.connection.findMany({ where: { userId } }));
    const out = new Map<string, Connector | null>();
    for (const row of rows) {
      if (row.status === 'disabled') {
        out.set(row.id, null);
        continue;
      }
      const version = row.updatedAt.getTime();
      const cached = this.cache.get(row.id);
      if (cached && cached.version === version) {
        // Most recently used last: the Map's order is the eviction order.
        this.cache.delete(row.id);
        this.cache.set(row.id, cached);
        out.set(row.id, cached.connector);
        continue;
      }
      const opened = openConnector({ cipher: this.o.cipher, allowed: this.allowed, factory: this.o.factory, connectorDeps: this.o.deps }, row);
      if (opened.ok) {
        this.cache.set(row.id, { version, connector: opened.value.connector });
        // Bounded: thousands of users' connections must not stay in memory forever.
        if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
        out.set(row.id, opened.value.connector);
      } else {
        this.o.logger.warn({ connectionId: row.id, reason: opened.errors[0]?.message }, 'connection cannot be used');
        out.set(row.id, null);
      }
    }
    return out;
  }
}
