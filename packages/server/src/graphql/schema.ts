import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import '../modules/users/users.schema.js';
import '../modules/patterns/patterns.schema.js';
import '../modules/connections/connections.schema.js';
import '../modules/sync-list/sync-list.schema.js';
import '../modules/history/history.schema.js';
import '../modules/sync/sync.schema.js';
import '../modules/scheduled/scheduled.schema.js';

let built: GraphQLSchema | undefined;

export function buildSchema(): GraphQLSchema {
  built ??= builder.toSchema({ sortSchema: false });
  return built;
}

/** The published SDL (packages/schema/schema.graphql), sorted so diffs stay small. */
export function printPublishedSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildSchema()))}\n`;
}
