import { ConnectorError } from '../../connectors/errors.js';
import type { Connector } from '../../connectors/types.js';
import type { Database } from '../../db/database.js';
import type { Connection } from '../../generated/prisma/client.js';
import { redactMessage } from '../../graphql/redact.js';
import type { Logger } from '../../logger.js';
import { LIMITS } from '../shared/limits.js';
import { owned } from '../shared/owner.js';
import { fail, ok, type Result } from '../shared/result.js';
import { CONNECTION_UNUSABLE, DISABLED } from './connections.errors.js';
import { openConnector, type OpenConnectorDeps } from './open-connector.js';
import { PLATFORM_LABEL } from './stored-connection.js';

export interface ConnectionTestResult {
  ok: boolean;
  message: string;
  /** The connection after the outcome was recorded (null if it went away meanwhile). */
  connection: Connection | null;
}

export interface ConnectionTestDeps extends OpenConnectorDeps {
  db: Database;
  logger: Logger;
  timeoutMs: number;
}

type StatusChange = { status: 'active'; lastError: null } | { status: 'error'; lastError: string } | null;

/** ok: the platform answered; record: the failure is the connection's own (auth, settings), so it goes to ERROR. */
type Outcome = { ok: true; message: string } | { ok: false; message: string; record: boolean };

export async function runConnectionTest(deps: ConnectionTestDeps, userId: string, row: Connection): Promise<Result<ConnectionTestResult>> {
  if (row.status === 'disabled') return fail(DISABLED, 'this connection is disabled; enable it before testing it', ['id']);
  const opened = openConnector(deps, row);
  let outcome: Outcome;
  let secrets: string[] = [];
  if (opened.ok) {
    secrets = Object.values(opened.value.credentials);
    outcome = await callTest(opened.value.connector, row, secrets, deps);
  } else if (opened.errors[0]?.code === CONNECTION_UNUSABLE) {
    outcome = { ok: false, message: opened.errors[0].message, record: true };
  } else {
    return opened;
  }
  // Whatever the platform or a library wrote, a credential never reaches a row or an answer.
  const message = redactMessage(outcome.message, secrets).slice(0, LIMITS.description);
  const change: StatusChange = outcome.ok ? { status: 'active', lastError: null } : outcome.record ? { status: 'error', lastError: message } : null;
  const connection = await record(deps.db, userId, row, change);
  return ok({ ok: outcome.ok, message, connection });
}

async function callTest(connector: Connector, row: Connection, secrets: string[], deps: ConnectionTestDeps): Promise<Outcome> {
  const platform = PLATFORM_LABEL[row.platform];
  const wait = deps.timeoutMs >= 1000 ? `${Math.round(deps.timeoutMs / 1000)}s` : `${deps.timeoutMs}ms`;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, message: `${platform} did not answer within ${wait}`, record: false }), deps.timeoutMs);
  });
  const attempt = connector.test().then(
    (result): Outcome => (result.ok ? { ok: true, message: result.message } : { ok: false, message: result.message, record: true }),
    (err: unknown): Outcome => {
      // A platform that is down or throttling says nothing about the connection itself.
      if (err instanceof ConnectorError) return { ok: false, message: err.message, record: err.kind !== 'transient' };
      const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
      deps.logger.error({ connectionId: row.id, platform: row.platform, error: redactMessage(detail, secrets) }, 'connection test failed unexpectedly');
      return { ok: false, message: 'the test could not be completed', record: false };
    },
  );
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Success clears last_error (and ERROR goes back to ACTIVE); a recorded failure sets ERROR
 * with the message. Guarded by updated_at so a test that raced an edit or a disable never
 * overwrites what the user just saved.
 */
async function record(db: Database, userId: string, row: Connection, change: StatusChange): Promise<Connection | null> {
  return db.asUser(userId, async (tx) => {
    const unchanged = change === null || (change.status === row.status && change.lastError === row.lastError);
    if (!unchanged) {
      await tx.connection.updateMany({ where: { id: row.id, ...owned(userId), updatedAt: row.updatedAt, status: { not: 'disabled' } }, data: change });
    }
    return tx.connection.findFirst({ where: { id: row.id, ...owned(userId) } });
  });
}
