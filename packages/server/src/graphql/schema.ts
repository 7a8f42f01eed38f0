import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import '../modules/users/users.schema.js';
import '../modules/patterns/patterns.schema.js';

let built: GraphQLSchema | undefined;

export function buildSchema(): GraphQLSchema {
  built ??= builder.toSchema({ sortSchema: false });
  return built;
}

/** The published SDL (packages/schema/schema.graphql), sorted so diffs stay small. */
export function printPublishedSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildSchema()))}\n`;
}
