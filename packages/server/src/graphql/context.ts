import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Services } from '../services.js';

/** One request's context, built by one factory for HTTP, graphql-ws and REST alike. */
export interface Context {
  actor: Actor;
  requestId: string;
  logger: Logger;
  db: Database;
  /** RLS-scoped client for the Pothos prisma plugin's own loads. */
  prisma: PrismaClient;
  services: Services;
}

/** The caller's user id; throws FORBIDDEN for a service token without `sub`. */
export function userIdOf(ctx: Context): string {
  if (ctx.actor.userId) return ctx.actor.userId;
  throw forbidden('this operation needs a user (a token with sub)');
}

export function forbidden(message = 'forbidden'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 200 } } });
}

export function badInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
}

export function unauthenticated(message = 'authentication required'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
