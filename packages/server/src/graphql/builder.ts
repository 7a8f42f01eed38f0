import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type PrismaTypes from '../generated/pothos-types.js';
import { getDatamodel } from '../generated/pothos-types.js';
import { forbidden, unauthenticated, type Context } from './context.js';
import { DateTimeScalar, JSONScalar } from './scalars.js';

export interface BuilderTypes {
  PrismaTypes: PrismaTypes;
  Context: Context;
  AuthScopes: { user: boolean; service: boolean };
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
}

export type Types = PothosSchemaTypes.ExtendDefaultTypes<BuilderTypes>;

export const builder = new SchemaBuilder<BuilderTypes>({
  plugins: [ScopeAuthPlugin, PrismaPlugin],
  // The contract's fields are non-null unless it says otherwise.
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({ user: ctx.actor.userId !== null, service: ctx.actor.kind === 'service' }),
    unauthorizedError: (_parent, ctx) => (ctx.actor ? forbidden() : unauthenticated()),
    authorizeOnSubscribe: true,
  },
  prisma: {
    // Relations the plugin loads on its own run through the caller's RLS-scoped client.
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
});

builder.addScalarType('DateTime', DateTimeScalar);
builder.addScalarType('JSON', JSONScalar);

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
