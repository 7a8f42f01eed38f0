import { queryFromInfo } from '@pothos/plugin-prisma';
import type { GraphQLResolveInfo } from 'graphql';
import { builder } from '../../graphql/builder.js';
import { userIdOf, type Context } from '../../graphql/context.js';
import { ItemTypeEnum, PlatformEnum, SyncItemStatusEnum, SyncModeEnum } from '../../graphql/enums.js';
import { defineConnection, pageSize, toConnection } from '../../graphql/pagination.js';
import { payload } from '../../graphql/payload.js';
import { UserErrorRef } from '../../graphql/user-errors.js';
import type { Prisma, SyncListItem } from '../../generated/prisma/client.js';
import { FilterConfigInputRef, FilterConfigRef, readFilterConfig } from '../shared/filter-config.js';
import { parseId, parseIds } from '../shared/ids.js';
import { LIMITS } from '../shared/limits.js';
import type { ServiceError } from '../shared/result.js';
import type { ItemQuery } from './sync-list.service.js';

export const SyncListItemRef = builder.prismaObject('SyncListItem', {
  fields: (t) => ({
    id: t.exposeID('id'),
    itemType: t.expose('itemType', { type: ItemTypeEnum }),
    sourcePlatform: t.expose('sourcePlatform', { type: PlatformEnum }),
    targetPlatform: t.expose('targetPlatform', { type: PlatformEnum }),
    sourceConnectionId: t.exposeID('sourceConnectionId', { nullable: true }),
    targetConnectionId: t.exposeID('targetConnectionId', { nullable: true }),
    sourceId: t.exposeString('sourceId'),
    targetId: t.exposeString('targetId', { nullable: true }),
    syncMode: t.expose('syncMode', { type: SyncModeEnum }),
    isActive: t.exposeBoolean('isActive'),
    priority: t.exposeInt('priority'),
    lastSyncedAt: t.expose('lastSyncedAt', { type: 'DateTime', nullable: true }),
    lastSyncStatus: t.expose('lastSyncStatus', { type: SyncItemStatusEnum, nullable: true }),
    errorMessage: t.exposeString('errorMessage', { nullable: true }),
    filterConfig: t.field({ type: FilterConfigRef, nullable: true, resolve: (i) => (i.filterConfig === null ? null : readFilterConfig(i.filterConfig)) }),
    metadata: t.field({ type: 'JSON', resolve: (row) => row.metadata ?? {} }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    lastResult: t.relation('lastResult', { nullable: true, description: "This item's outcome in the last run that touched it." }),
  }),
});

/** The include a selection needs under `path`, so a page and its relations load in one transaction. */
export function syncListItemQuery(ctx: Context, info: GraphQLResolveInfo, path: string[]): ItemQuery {
  const query = queryFromInfo({ context: ctx, info, path });
  return query.include ? { include: query.include as Prisma.SyncListItemInclude } : {};
}

const SyncListConnection = defineConnection('SyncListItem', SyncListItemRef);

const SyncListFilterInput = builder.inputType('SyncListFilter', {
  fields: (t) => ({
    status: t.field({ type: SyncItemStatusEnum, required: false }),
    itemType: t.field({ type: ItemTypeEnum, required: false }),
    syncMode: t.field({ type: SyncModeEnum, required: false }),
    isActive: t.boolean({ required: false }),
    sourcePlatform: t.field({ type: PlatformEnum, required: false }),
    search: t.string({ required: false, description: 'Matches sourceId, targetId and metadata name or sku (case-insensitive).' }),
  }),
});

builder.queryFields((t) => ({
  syncList: t.field({
    type: SyncListConnection,
    authScopes: { user: true },
    description: 'The caller\'s sync list, newest first.',
    args: {
      first: t.arg.int({ required: false }),
      after: t.arg.string({ required: false }),
      filter: t.arg({ type: SyncListFilterInput, required: false }),
    },
    resolve: async (_root, args, ctx, info) => {
      const first = pageSize(args.first);
      const query = syncListItemQuery(ctx, info, ['edges', 'node']);
      const page = await ctx.services.syncList.list(userIdOf(ctx), { first, after: args.after, filter: args.filter }, query);
      return toConnection(page, Boolean(args.after));
    },
  }),
  syncListItem: t.field({
    type: SyncListItemRef,
    nullable: true,
    authScopes: { user: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx, info) => ctx.services.syncList.get(userIdOf(ctx), parseId(args.id), syncListItemQuery(ctx, info, [])),
  }),
}));

const AddItemInput = builder.inputType('AddSyncListItemInput', {
  fields: (t) => ({
    itemType: t.field({ type: ItemTypeEnum, required: true }),
    sourcePlatform: t.field({ type: PlatformEnum, required: true }),
    targetPlatform: t.field({ type: PlatformEnum, required: true }),
    sourceConnectionId: t.id({ required: false, description: "Defaults to the caller's only connection of sourcePlatform; a userError when there are none or several." }),
    targetConnectionId: t.id({ required: false, description: "Defaults to the caller's only connection of targetPlatform; a userError when there are none or several." }),
    sourceId: t.string({ required: true }),
    targetId: t.string({ required: false }),
    syncMode: t.field({ type: SyncModeEnum, required: false }),
    isActive: t.boolean({ required: false }),
    filterConfig: t.field({ type: FilterConfigInputRef, required: false }),
    metadata: t.field({ type: 'JSON', required: false }),
  }),
});

const AddInput = builder.inputType('AddToSyncListInput', {
  fields: (t) => ({ items: t.field({ type: [AddItemInput], required: true, description: `At most ${LIMITS.addToSyncList} items.` }) }),
});

const UpdateInput = builder.inputType('UpdateSyncListItemInput', {
  fields: (t) => ({
    syncMode: t.field({ type: SyncModeEnum, required: false }),
    isActive: t.boolean({ required: false }),
    priority: t.int({ required: false, description: 'From -1000 to 1000; higher syncs first.' }),
  }),
});

const AddPayload = builder.objectRef<{ items: SyncListItem[]; userErrors: ServiceError[] }>('AddToSyncListPayload').implement({
  fields: (t) => ({
    items: t.field({ type: [SyncListItemRef], resolve: (p) => p.items }),
    userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
  }),
});

const ItemPayload = builder.objectRef<{ item: SyncListItem | null; userErrors: ServiceError[] }>('SyncListItemPayload').implement({
  fields: (t) => ({
    item: t.field({ type: SyncListItemRef, nullable: true, resolve: (p) => p.item }),
    userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
  }),
});

const RemovePayload = builder.objectRef<{ removedIds: string[]; userErrors: ServiceError[] }>('RemoveFromSyncListPayload').implement({
  fields: (t) => ({
    removedIds: t.exposeIDList('removedIds'),
    userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
  }),
});

const optionalId = (value: string | null | undefined, field: string) => (value === null || value === undefined ? null : parseId(value, field));

builder.mutationFields((t) => ({
  addToSyncList: t.field({
    type: AddPayload,
    authScopes: { user: true },
    args: { input: t.arg({ type: AddInput, required: true }) },
    resolve: (_root, { input }, ctx, info) => {
      const items = input.items.map((item, i) => ({
        ...item,
        sourceConnectionId: optionalId(item.sourceConnectionId, `input.items.${i}.sourceConnectionId`),
        targetConnectionId: optionalId(item.targetConnectionId, `input.items.${i}.targetConnectionId`),
      }));
      return ctx.services.syncList.add(userIdOf(ctx), items, syncListItemQuery(ctx, info, ['items']));
    },
  }),
  updateSyncListItem: t.field({
    type: ItemPayload,
    authScopes: { user: true },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateInput, required: true }) },
    resolve: async (_root, { id, input }, ctx, info) =>
      payload('item', await ctx.services.syncList.update(userIdOf(ctx), parseId(id), input, syncListItemQuery(ctx, info, ['item']))),
  }),
  removeFromSyncList: t.field({
    type: RemovePayload,
    authScopes: { user: true },
    args: { ids: t.arg.idList({ required: true }) },
    resolve: (_root, { ids }, ctx) => {
      parseIds(ids, 'ids', LIMITS.removeIds);
      return ctx.services.syncList.remove(userIdOf(ctx), ids.map((id) => id.toLowerCase()));
    },
  }),
}));
