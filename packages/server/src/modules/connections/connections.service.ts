import { createConnector, type ConnectorDeps, type ConnectorFactory } from '../../connectors/factory.js';
import type { ConnectionSettings, Platform } from '../../connectors/types.js';
import type { Config } from '../../config.js';
import type { CredentialCipher } from '../../crypto/credentials.js';
import type { Database, Tx } from '../../db/database.js';
import type { Connection, ConnectionStatus, Prisma } from '../../generated/prisma/client.js';
import type { Logger } from '../../logger.js';
import { owned } from '../shared/owner.js';
import { fail, INVALID, ok, type Result, type ServiceError } from '../shared/result.js';
import { connectionNotFound, inUse, isForeignKeyViolation, PLATFORM_MISMATCH } from './connections.errors.js';
import {
  connectionName,
  platformBlock,
  type ConnectionSpec,
  type NetSuiteConnectionInput,
  type ShopifyConnectionInput,
} from './connections.validation.js';
import { openConnector, type OpenConnectorDeps, type OpenedConnector } from './open-connector.js';
import { parseAllowedHosts, type AllowedHost } from './outbound.js';
import { credentialFieldsSet, PLATFORM_LABEL, readSettings } from './stored-connection.js';
import { runConnectionTest, type ConnectionTestResult } from './test-connection.js';

export interface CreateConnectionInput {
  name: string;
  shopify?: ShopifyConnectionInput | null;
  netsuite?: NetSuiteConnectionInput | null;
}

export interface UpdateConnectionInput {
  name?: string | null;
  enabled?: boolean | null;
  shopify?: ShopifyConnectionInput | null;
  netsuite?: NetSuiteConnectionInput | null;
}

export interface ConnectionsServiceOptions {
  connectorFactory?: ConnectorFactory;
  /** Passed to every connector this service opens (limiters, loggers, test hooks). */
  connectorDeps?: ConnectorDeps;
  /** How long testConnection waits for the platform before answering a timeout. */
  testTimeoutMs?: number;
}

export class ConnectionsService {
  private readonly allowed: AllowedHost[];

  constructor(
    private readonly db: Database,
    private readonly cipher: CredentialCipher,
    config: Pick<Config, 'outboundAllowedHosts'>,
    private readonly logger: Logger,
    private readonly options: ConnectionsServiceOptions = {},
  ) {
    this.allowed = parseAllowedHosts(config.outboundAllowedHosts);
  }

  list(userId: string, args: { platform?: Platform | null } = {}): Promise<Connection[]> {
    return this.db.asUser(userId, (tx) =>
      tx.connection.findMany({
        where: { ...owned(userId), ...(args.platform ? { platform: args.platform } : {}) },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
    );
  }

  get(userId: string, id: string): Promise<Connection | null> {
    return this.db.asUser(userId, (tx) => findOwned(tx, userId, id));
  }

  /** Names of the credential fields set on this row: never their values. */
  credentialsSet(row: Connection): string[] {
    return credentialFieldsSet(this.cipher, row.platform, row.credentials);
  }

  settings(row: Connection): ConnectionSettings {
    return readSettings(row.config);
  }

  async create(userId: string, input: CreateConnectionInput): Promise<Result<Connection>> {
    const errors: ServiceError[] = [];
    const name = checkName(input.name, errors);
    const spec = platformBlock(input, this.allowed, true);
    if (!spec.ok) errors.push(...spec.errors);
    if (errors.length || !spec.ok || !spec.value || name === undefined) return { ok: false, errors };
    const block = spec.value;
    const row = await this.db.asUser(userId, (tx) =>
      tx.connection.create({
        data: { userId, platform: block.platform, name, config: toJson(block.settings), credentials: this.cipher.encrypt(block.credentials), status: 'active' },
      }),
    );
    return ok(row);
  }

  async update(userId: string, id: string, input: UpdateConnectionInput): Promise<Result<Connection>> {
    const errors: ServiceError[] = [];
    const name = input.name === undefined ? undefined : checkName(input.name, errors);
    if (input.enabled === null) errors.push({ code: INVALID, field: ['input', 'enabled'], message: 'enabled must be true or false' });
    const spec = platformBlock(input, this.allowed, false);
    if (!spec.ok) errors.push(...spec.errors);
    if (errors.length || !spec.ok) return { ok: false, errors };
    const block = spec.value;
    return this.db.asUser(userId, async (tx) => {
      const current = await findOwned(tx, userId, id);
      if (!current) return connectionNotFound<Connection>();
      if (block && block.platform !== current.platform) {
        const field = ['input', block.platform === 'shopify' ? 'shopify' : 'netsuite'];
        return fail<Connection>(PLATFORM_MISMATCH, `this is a ${PLATFORM_LABEL[current.platform]} connection; send a ${current.platform} block`, field);
      }
      const data = changes(current.status, name, input.enabled ?? undefined, block, this.cipher);
      const { count } = await tx.connection.updateMany({ where: { id, ...owned(userId) }, data });
      const row = count ? await findOwned(tx, userId, id) : null;
      return row ? ok(row) : connectionNotFound<Connection>();
    });
  }

  async delete(userId: string, id: string): Promise<Result<string>> {
    try {
      return await this.db.asUser(userId, async (tx) => {
        const current = await findOwned(tx, userId, id);
        if (!current) return connectionNotFound<string>();
        const users = await tx.syncListItem.count({ where: { ...owned(userId), OR: [{ sourceConnectionId: id }, { targetConnectionId: id }] } });
        if (users > 0) return inUse<string>(users);
        const { count } = await tx.connection.deleteMany({ where: { id, ...owned(userId) } });
        return count ? ok(id) : connectionNotFound<string>();
      });
    } catch (err) {
      // An item added between the count and the delete: the foreign key refuses the delete.
      if (isForeignKeyViolation(err)) return inUse<string>(null);
      throw err;
    }
  }

  /** Calls the platform's cheapest authenticated endpoint and records the outcome on the connection. */
  async test(userId: string, id: string): Promise<Result<ConnectionTestResult>> {
    const row = await this.get(userId, id);
    if (!row) return connectionNotFound();
    const timeoutMs = this.options.testTimeoutMs ?? 15_000;
    // Someone is waiting on the answer: one quick retry, not the engine's minute of backoff.
    const connectorDeps = { ...this.options.connectorDeps, retry: { ...this.options.connectorDeps?.retry, maxAttempts: 2, budgetMs: 2_000 }, timeoutMs };
    const deps = { ...this.openDeps(), connectorDeps, db: this.db, logger: this.logger, timeoutMs };
    return runConnectionTest(deps, userId, row);
  }

  /**
   * A loaded connection row as its platform's connector (preview, sync engine): the
   * address is checked against the allowed hosts again, then the credentials decrypted.
   */
  connectorFor(row: Connection, connectorDeps?: ConnectorDeps): Result<OpenedConnector> {
    return openConnector({ ...this.openDeps(), connectorDeps: connectorDeps ?? this.options.connectorDeps }, row);
  }

  private openDeps(): OpenConnectorDeps {
    return { cipher: this.cipher, allowed: this.allowed, factory: this.options.connectorFactory ?? createConnector };
  }
}

function findOwned(tx: Tx, userId: string, id: string): Promise<Connection | null> {
  return tx.connection.findFirst({ where: { id, ...owned(userId) } });
}

function checkName(value: string | null, errors: ServiceError[]): string | undefined {
  if (value === null) {
    errors.push({ code: INVALID, field: ['input', 'name'], message: 'name is required' });
    return undefined;
  }
  const parsed = connectionName.safeParse(value);
  if (parsed.success) return parsed.data;
  errors.push({ code: INVALID, field: ['input', 'name'], message: `name ${parsed.error.issues[0]?.message ?? 'is invalid'}` });
  return undefined;
}

function toJson(settings: ConnectionSettings): Prisma.InputJsonObject {
  return { ...settings };
}

/** The row changes an update makes; fields left out stay as they are. */
function changes(
  status: ConnectionStatus,
  name: string | undefined,
  enabled: boolean | undefined,
  block: ConnectionSpec | null,
  cipher: CredentialCipher,
): Prisma.ConnectionUpdateManyMutationInput {
  const data: Prisma.ConnectionUpdateManyMutationInput = {};
  if (name !== undefined) data.name = name;
  if (block) {
    data.config = toJson(block.settings);
    data.credentials = cipher.encrypt(block.credentials);
    // New settings and credentials make the last failure stale.
    data.lastError = null;
    if (status === 'error') data.status = 'active';
  }
  if (enabled === true) {
    data.status = 'active';
    data.lastError = null;
  } else if (enabled === false) {
    data.status = 'disabled';
  }
  return data;
}
