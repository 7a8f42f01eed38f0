import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError, GraphQLSchema, ValidationRule } from 'graphql';
import type { Server } from 'node:http';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Context } from './context.js';
import { redactMessage, secretLiterals, secretValues } from './redact.js';

export interface ApolloSetup {
  apollo: ApolloServer<Context>;
  validationRules: ValidationRule[];
}

/** Cuts credentials out of every error message, whatever produced it. */
const redactPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart({ request }) {
    const secrets = [...secretValues(request.variables ?? {}), ...secretLiterals(request.query)];
    if (secrets.length === 0) return;
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        response.body.singleResult.errors = response.body.singleResult.errors.map((e) => ({ ...e, message: redactMessage(e.message, secrets) }));
      },
    };
  },
};

function loggingPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didResolveOperation({ operationName }) {
          contextValue.logger = contextValue.logger.child({ operationName: operationName ?? undefined });
        },
        async didEncounterErrors({ errors }) {
          for (const err of errors) {
            const code = err.extensions?.code;
            if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
              (contextValue?.logger ?? logger).error({ err: err.originalError ?? err }, 'unexpected error');
            }
          }
        },
      };
    },
  };
}

/** Unexpected errors reach the client as a generic message; expected ones keep theirs. */
export function formatError(formatted: GraphQLFormattedError, production: boolean): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  if (!production) return formatted;
  const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}

export function createApollo(schema: GraphQLSchema, config: Config, logger: Logger, httpServer: Server): ApolloSetup {
  const production = config.NODE_ENV === 'production';
  const armor = new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
    maxTokens: { n: config.GRAPHQL_MAX_TOKENS },
    costLimit: { maxCost: 20_000 },
    maxDirectives: { n: 50 },
    blockFieldSuggestion: { enabled: production },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    plugins: [...(protection.plugins as unknown as ApolloServerPlugin<Context>[]), redactPlugin, loggingPlugin(logger), ApolloServerPluginDrainHttpServer({ httpServer })],
    validationRules: protection.validationRules,
    formatError: (formatted) => formatError(formatted, production),
  });
  return { apollo, validationRules: protection.validationRules as ValidationRule[] };
}
