import { builder } from '../../graphql/builder.js';
import { userIdOf } from '../../graphql/context.js';
import { SyncDirectionEnum } from '../../graphql/enums.js';
import { defineConnection, pageSize, toConnection } from '../../graphql/pagination.js';
import { payload } from '../../graphql/payload.js';
import { UserErrorRef } from '../../graphql/user-errors.js';
import type { SavedSearchPattern } from '../../generated/prisma/client.js';
import { FilterConfigInputRef, FilterConfigRef, readFilterConfig } from '../shared/filter-config.js';
import { parseId } from '../shared/ids.js';
import type { ServiceError } from '../shared/result.js';

export const SavedSearchPatternRef = builder.prismaObject('SavedSearchPattern', {
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    direction: t.expose('direction', { type: SyncDirectionEnum }),
    filterConfig: t.field({ type: FilterConfigRef, resolve: (p) => readFilterConfig(p.filterConfig) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const PatternConnection = defineConnection('SavedSearchPattern', SavedSearchPatternRef);

builder.queryFields((t) => ({
  savedSearchPatterns: t.field({
    type: PatternConnection,
    authScopes: { user: true },
    args: {
      first: t.arg.int({ required: false }),
      after: t.arg.string({ required: false }),
      direction: t.arg({ type: SyncDirectionEnum, required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const first = pageSize(args.first);
      const page = await ctx.services.patterns.list(userIdOf(ctx), { first, after: args.after, direction: args.direction });
      return toConnection(page, Boolean(args.after));
    },
  }),
  savedSearchPattern: t.field({
    type: SavedSearchPatternRef,
    nullable: true,
    authScopes: { user: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.services.patterns.get(userIdOf(ctx), parseId(args.id)),
  }),
}));

const CreateInput = builder.inputType('CreateSavedSearchPatternInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    description: t.string({ required: false }),
    direction: t.field({ type: SyncDirectionEnum, required: true }),
    filterConfig: t.field({ type: FilterConfigInputRef, required: true }),
  }),
});

const UpdateInput = builder.inputType('UpdateSavedSearchPatternInput', {
  fields: (t) => ({
    name: t.string({ required: false }),
    description: t.string({ required: false }),
    direction: t.field({ type: SyncDirectionEnum, required: false }),
    filterConfig: t.field({ type: FilterConfigInputRef, required: false }),
  }),
});

const PatternPayload = builder.objectRef<{ pattern: SavedSearchPattern | null; userErrors: ServiceError[] }>('SavedSearchPatternPayload').implement({
  fields: (t) => ({
    pattern: t.field({ type: SavedSearchPatternRef, nullable: true, resolve: (p) => p.pattern }),
    userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
  }),
});

export const DeletePayloadRef = builder.objectRef<{ deletedId: string | null; userErrors: ServiceError[] }>('DeletePayload').implement({
  fields: (t) => ({
    deletedId: t.exposeID('deletedId', { nullable: true }),
    userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
  }),
});

builder.mutationFields((t) => ({
  createSavedSearchPattern: t.field({
    type: PatternPayload,
    authScopes: { user: true },
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => payload('pattern', await ctx.services.patterns.create(userIdOf(ctx), input)),
  }),
  updateSavedSearchPattern: t.field({
    type: PatternPayload,
    authScopes: { user: true },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateInput, required: true }) },
    resolve: async (_root, { id, input }, ctx) => payload('pattern', await ctx.services.patterns.update(userIdOf(ctx), parseId(id), input)),
  }),
  deleteSavedSearchPattern: t.field({
    type: DeletePayloadRef,
    authScopes: { user: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => payload('deletedId', await ctx.services.patterns.delete(userIdOf(ctx), parseId(id))),
  }),
}));
