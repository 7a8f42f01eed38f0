import type { ConnectionSettings } from '../../connectors/types.js';
import { builder } from '../../graphql/builder.js';
import { userIdOf } from '../../graphql/context.js';
import { ConnectionStatusEnum, PlatformEnum } from '../../graphql/enums.js';
import { payload } from '../../graphql/payload.js';
import { UserErrorRef } from '../../graphql/user-errors.js';
import type { Connection } from '../../generated/prisma/client.js';
import { parseId } from '../shared/ids.js';
import type { ServiceError } from '../shared/result.js';
import { DeletePayloadRef } from '../patterns/patterns.schema.js';

const ConnectionSettingsRef = builder.objectRef<ConnectionSettings>('ConnectionSettings').implement({
  description: "A connection's settings (never its credentials).",
  fields: (t) => ({
    shopDomain: t.string({ nullable: true, resolve: (s) => s.shopDomain ?? null }),
    accountId: t.string({ nullable: true, resolve: (s) => s.accountId ?? null }),
    apiVersion: t.string({ nullable: true, resolve: (s) => s.apiVersion ?? null }),
    baseUrl: t.string({ nullable: true, resolve: (s) => s.baseUrl ?? null }),
    locationId: t.string({ nullable: true, resolve: (s) => s.locationId ?? null }),
    shippingItemId: t.string({ nullable: true, resolve: (s) => s.shippingItemId ?? null }),
    timeZone: t.string({ nullable: true, resolve: (s) => s.timeZone ?? null }),
  }),
});

// The row carries the ciphertext; no field here ever exposes it.
export const PlatformConnectionRef = builder.prismaObject('Connection', {
  name: 'PlatformConnection',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    platform: t.expose('platform', { type: PlatformEnum, nullable: false }),
    name: t.exposeString('name', { nullable: false }),
    status: t.expose('status', { type: ConnectionStatusEnum, nullable: false }),
    lastError: t.exposeString('lastError', { nullable: true }),
    credentialsSet: t.stringList({
      nullable: false,
      description: 'Names of the credential fields that are set; their values are never readable.',
      resolve: (c, _args, ctx) => ctx.services.connections.credentialsSet(c),
    }),
    settings: t.field({ type: ConnectionSettingsRef, nullable: false, resolve: (c, _args, ctx) => ctx.services.connections.settings(c) }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: false }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: false }),
  }),
});

builder.queryFields((t) => ({
  connections: t.field({
    type: [PlatformConnectionRef],
    nullable: false,
    authScopes: { user: true },
    args: { platform: t.arg({ type: PlatformEnum, required: false }) },
    resolve: (_root, args, ctx) => ctx.services.connections.list(userIdOf(ctx), { platform: args.platform }),
  }),
  connection: t.field({
    type: PlatformConnectionRef,
    nullable: true,
    authScopes: { user: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.services.connections.get(userIdOf(ctx), parseId(args.id)),
  }),
}));

const ShopifyInput = builder.inputType('ShopifyConnectionInput', {
  description: "locationId: where inventory is written (default: the shop's first location).",
  fields: (t) => ({
    shopDomain: t.string({ required: true }),
    accessToken: t.string({ required: true }),
    apiVersion: t.string({ required: false }),
    baseUrl: t.string({ required: false }),
    locationId: t.string({ required: false }),
  }),
});

const NetSuiteInput = builder.inputType('NetSuiteConnectionInput', {
  description: "locationId: where inventory is read; shippingItemId: the item used for order shipping lines; timeZone: the account's IANA zone.",
  fields: (t) => ({
    accountId: t.string({ required: true }),
    consumerKey: t.string({ required: true }),
    consumerSecret: t.string({ required: true }),
    tokenId: t.string({ required: true }),
    tokenSecret: t.string({ required: true }),
    baseUrl: t.string({ required: false }),
    locationId: t.string({ required: false }),
    shippingItemId: t.string({ required: false }),
    timeZone: t.string({ required: false }),
  }),
});

const CreateInput = builder.inputType('CreateConnectionInput', {
  description: 'Exactly one of shopify or netsuite.',
  fields: (t) => ({
    name: t.string({ required: true }),
    shopify: t.field({ type: ShopifyInput, required: false }),
    netsuite: t.field({ type: NetSuiteInput, required: false }),
  }),
});

const UpdateInput = builder.inputType('UpdateConnectionInput', {
  description: "Fields left out stay as they are; a platform block replaces that connection's settings and credentials.",
  fields: (t) => ({
    name: t.string({ required: false }),
    enabled: t.boolean({ required: false }),
    shopify: t.field({ type: ShopifyInput, required: false }),
    netsuite: t.field({ type: NetSuiteInput, required: false }),
  }),
});

const ConnectionPayloadRef = builder.objectRef<{ connection: Connection | null; userErrors: ServiceError[] }>('ConnectionPayload').implement({
  fields: (t) => ({
    connection: t.field({ type: PlatformConnectionRef, nullable: true, resolve: (p) => p.connection }),
    userErrors: t.field({ type: [UserErrorRef], nullable: false, resolve: (p) => p.userErrors }),
  }),
});

interface TestPayload {
  ok: boolean;
  message: string | null;
  connection: Connection | null;
  userErrors: ServiceError[];
}

const TestConnectionPayloadRef = builder.objectRef<TestPayload>('TestConnectionPayload').implement({
  fields: (t) => ({
    ok: t.exposeBoolean('ok', { nullable: false }),
    message: t.exposeString('message', { nullable: true }),
    connection: t.field({
      type: PlatformConnectionRef,
      nullable: true,
      description: 'The connection with the status the test left it in.',
      resolve: (p) => p.connection,
    }),
    userErrors: t.field({ type: [UserErrorRef], nullable: false, resolve: (p) => p.userErrors }),
  }),
});

builder.mutationFields((t) => ({
  createConnection: t.field({
    type: ConnectionPayloadRef,
    nullable: false,
    authScopes: { user: true },
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => payload('connection', await ctx.services.connections.create(userIdOf(ctx), input)),
  }),
  updateConnection: t.field({
    type: ConnectionPayloadRef,
    nullable: false,
    authScopes: { user: true },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateInput, required: true }) },
    resolve: async (_root, { id, input }, ctx) => payload('connection', await ctx.services.connections.update(userIdOf(ctx), parseId(id), input)),
  }),
  deleteConnection: t.field({
    type: DeletePayloadRef,
    nullable: false,
    authScopes: { user: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => payload('deletedId', await ctx.services.connections.delete(userIdOf(ctx), parseId(id))),
  }),
  testConnection: t.field({
    type: TestConnectionPayloadRef,
    nullable: false,
    authScopes: { user: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx): Promise<TestPayload> => {
      const result = await ctx.services.connections.test(userIdOf(ctx), parseId(id));
      return result.ok ? { ...result.value, userErrors: [] } : { ok: false, message: null, connection: null, userErrors: result.errors };
    },
  }),
}));
