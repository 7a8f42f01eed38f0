import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.js';
import { AuthError, bearerToken, type TokenVerifier } from '../auth/verify.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { Services } from '../services.js';
import { unauthenticated, type Context } from './context.js';

export interface ContextFactoryDeps {
  verify: TokenVerifier;
  db: Database;
  services: Services;
  logger: Logger;
}

export type ContextFactory = (authorization: string | string[] | undefined | null, requestId?: string) => Promise<Context>;

/** Authenticates the caller and builds the request context (HTTP, graphql-ws and REST alike). */
export function createContextFactory(deps: ContextFactoryDeps): ContextFactory {
  return async (authorization, requestId = randomUUID()) => {
    const token = bearerToken(authorization);
    if (!token) throw unauthenticated('missing bearer token');
    let actor: Actor;
    try {
      actor = await deps.verify(token);
    } catch (err) {
      throw unauthenticated(err instanceof AuthError ? err.message : 'invalid token');
    }
    await deps.services.users.ensureUser(actor);
    return contextFor(deps, actor, requestId);
  };
}

export function contextFor(deps: Omit<ContextFactoryDeps, 'verify'>, actor: Actor, requestId: string = randomUUID()): Context {
  const logger = deps.logger.child({ requestId, userId: actor.userId ?? undefined, role: actor.kind });
  // A service token without sub sees nothing through the user-scoped client.
  const prisma = deps.db.userClient(actor.userId ?? '00000000-0000-0000-0000-000000000000');
  return { actor, requestId, logger, db: deps.db, prisma, services: deps.services };
}
