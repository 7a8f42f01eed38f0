import { buildSchema, GraphQLError, isInterfaceType, isObjectType, isScalarType, Kind, type GraphQLSchema, type ValueNode } from 'graphql';
import type { Resolver } from './context.js';
import { isoSeconds } from './gid.js';
import { normalizeDecimal } from './money.js';
import { mutationResolvers } from './mutation-resolvers.js';
import { queryResolvers } from './query-resolvers.js';
import { shopifySdl } from './schema-sdl.js';
import { typeResolvers } from './type-resolvers.js';

function serializeDateTime(value: unknown): string {
  if (value instanceof Date) return isoSeconds(value);
  if (typeof value === 'string') return value;
  throw new GraphQLError(`DateTime cannot represent ${String(value)}`);
}

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : undefined;
  const normalized = text === undefined ? undefined : normalizeDecimal(text);
  if (normalized === undefined) throw new GraphQLError(`Invalid decimal value: ${JSON.stringify(value)}`);
  return normalized;
}

function literalDecimal(node: ValueNode): string {
  if (node.kind === Kind.STRING || node.kind === Kind.FLOAT || node.kind === Kind.INT) return parseDecimal(node.value);
  throw new GraphQLError('Decimal values are strings');
}

/** A genuine graphql-js schema from Shopify's SDL subset, with the simulator's resolvers attached. */
export function buildShopifySchema(): GraphQLSchema {
  const schema = buildSchema(shopifySdl);
  const all: Record<string, Record<string, Resolver>> = { ...typeResolvers, Query: queryResolvers, Mutation: mutationResolvers };
  for (const [typeName, fields] of Object.entries(all)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`no object type ${typeName} in the Shopify schema`);
    const defs = type.getFields();
    for (const [fieldName, resolve] of Object.entries(fields)) {
      const def = defs[fieldName];
      if (!def) throw new Error(`no field ${typeName}.${fieldName} in the Shopify schema`);
      def.resolve = resolve;
    }
  }
  const node = schema.getType('Node');
  if (isInterfaceType(node)) {
    node.resolveType = (value) => (typeof value === 'object' && value !== null && '__typename' in value ? String(value.__typename) : undefined);
  }
  const dateTime = schema.getType('DateTime');
  if (isScalarType(dateTime)) {
    dateTime.serialize = serializeDateTime;
  }
  for (const name of ['Money', 'Decimal']) {
    const scalar = schema.getType(name);
    if (isScalarType(scalar)) {
      scalar.serialize = (value) => String(value);
      scalar.parseValue = parseDecimal;
      scalar.parseLiteral = literalDecimal;
    }
  }
  return schema;
}
