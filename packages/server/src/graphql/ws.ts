import { execute, parse, subscribe, validate, type GraphQLSchema, type ValidationRule, GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../logger.js';
import type { Context } from './context.js';
import type { ContextFactory } from './context-factory.js';

type WsExtra = { context?: Context } & Record<PropertyKey, unknown>;

const CLOSE_UNAUTHORIZED = 4401;

/** graphql-ws on the same port and path as HTTP; auth from connectionParams. */
export function attachSubscriptions(opts: {
  httpServer: Server;
  schema: GraphQLSchema;
  createContext: ContextFactory;
  validationRules: ValidationRule[];
  logger: Logger;
}): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server: opts.httpServer, path: '/graphql', maxPayload: 1024 * 1024 });
  const timers = new Set<NodeJS.Timeout>();
  const disposable = useServer<Record<string, unknown>, WsExtra>(
    {
      schema: opts.schema,
      execute,
      subscribe,
      context: (ctx) => ctx.extra.context as Context,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const header = params.authorization ?? params.Authorization;
        const socket = (ctx.extra as unknown as { socket: WebSocket }).socket;
        try {
          const context = await opts.createContext(typeof header === 'string' ? header : undefined);
          (ctx.extra as WsExtra).context = context;
          const expiresAt = context.actor.expiresAt;
          if (expiresAt !== null) {
            // Close the socket when its token expires; the client reconnects with a fresh one.
            const timer = setTimeout(() => socket.close(CLOSE_UNAUTHORIZED, 'token expired'), Math.max(0, Math.min(expiresAt - Date.now(), 2 ** 31 - 1)));
            timers.add(timer);
            socket.once('close', () => {
              clearTimeout(timer);
              timers.delete(timer);
            });
          }
          return true;
        } catch (err) {
          socket.close(CLOSE_UNAUTHORIZED, err instanceof GraphQLError ? err.message.slice(0, 100) : 'unauthorized');
          return false;
        }
      },
      // Parse and validate here and hand graphql-ws the execution args, so it never calls
      // its own copy of graphql (two copies of graphql refuse each other's schema).
      onSubscribe: (ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query, { maxTokens: 5000 });
        } catch (err) {
          return [err instanceof GraphQLError ? err : new GraphQLError('invalid query')];
        }
        const errors = validate(opts.schema, document, undefined, { maxErrors: 20 });
        const extra = opts.validationRules.length ? validate(opts.schema, document, opts.validationRules) : [];
        if (errors.length || extra.length) return [...errors, ...extra];
        return {
          schema: opts.schema,
          document,
          operationName: payload.operationName ?? undefined,
          variableValues: payload.variables ?? undefined,
          contextValue: ctx.extra.context as Context,
        };
      },
    },
    wss,
  );
  return {
    async close() {
      for (const t of timers) clearTimeout(t);
      for (const client of wss.clients) client.close(1001, 'server shutting down');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
