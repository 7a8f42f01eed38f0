import { queryFromInfo } from '@pothos/plugin-prisma';
import { builder } from '../../graphql/builder.js';
import { userIdOf, type Context } from '../../graphql/context.js';
import { SyncItemActionEnum, SyncItemReasonEnum, SyncRunStatusEnum, SyncTypeEnum } from '../../graphql/enums.js';
import { defineConnection, pageSize, toConnection } from '../../graphql/pagination.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { parseId } from '../shared/ids.js';
import type { HistoryViewer } from './history.service.js';

/** The service role reads as itself (system rows too); everyone else as their user. */
export function historyViewerOf(ctx: Context): HistoryViewer {
  if (ctx.actor.kind === 'service') return { service: true, userId: ctx.actor.userId };
  return { service: false, userId: userIdOf(ctx) };
}

export const SyncHistoryItemRef = builder.prismaObject('SyncHistoryItem', {
  fields: (t) => ({
    id: t.exposeID('id'),
    action: t.expose('action', { type: SyncItemActionEnum }),
    reason: t.expose('reason', { type: SyncItemReasonEnum, description: 'Why the engine did what it did with this item in this run.' }),
    changedFields: t.exposeStringList('changedFields', { description: 'The mapped fields whose values differed, when the item was written for that reason.' }),
    error: t.exposeString('error', { nullable: true }),
    attempt: t.exposeInt('attempt'),
    durationMs: t.exposeInt('durationMs', { nullable: true }),
    sourceId: t.exposeString('sourceId', { nullable: true, description: "The item's source id at the time, kept when the item is removed." }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    syncListItem: t.relation('syncListItem', { nullable: true, description: 'Null once the item was removed from the sync list.' }),
  }),
});

const HistoryItemConnection = defineConnection('SyncHistoryItem', SyncHistoryItemRef);

export const SyncHistoryRef = builder.prismaObject('SyncHistory', {
  fields: (t) => ({
    id: t.exposeID('id'),
    syncType: t.expose('syncType', { type: SyncTypeEnum }),
    status: t.expose('status', { type: SyncRunStatusEnum }),
    itemsProcessed: t.exposeInt('itemsProcessed'),
    itemsCreated: t.exposeInt('itemsCreated'),
    itemsUpdated: t.exposeInt('itemsUpdated'),
    itemsFailed: t.exposeInt('itemsFailed'),
    itemsSkipped: t.exposeInt('itemsSkipped'),
    durationMs: t.exposeInt('durationMs', { nullable: true }),
    metadata: t.field({ type: 'JSON', resolve: (row) => row.metadata ?? {} }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    items: t.field({
      type: HistoryItemConnection,
      description: 'The per-item rows, in the order the run wrote them.',
      args: { first: t.arg.int({ required: false }), after: t.arg.string({ required: false }) },
      resolve: async (run, args, ctx, info) => {
        const first = pageSize(args.first);
        const query = queryFromInfo({ context: ctx, info, path: ['edges', 'node'] });
        const include = query.include ? { include: query.include as Prisma.SyncHistoryItemInclude } : {};
        const page = await ctx.services.history.items(historyViewerOf(ctx), run.id, { first, after: args.after }, include);
        return toConnection(page, Boolean(args.after));
      },
    }),
  }),
});

const HistoryConnection = defineConnection('SyncHistory', SyncHistoryRef);

const HistoryFilterInput = builder.inputType('SyncHistoryFilter', {
  fields: (t) => ({
    syncType: t.field({ type: SyncTypeEnum, required: false }),
    status: t.field({ type: SyncRunStatusEnum, required: false }),
    from: t.field({ type: 'DateTime', required: false, description: 'Runs created at or after this instant.' }),
    to: t.field({ type: 'DateTime', required: false, description: 'Runs created before this instant.' }),
  }),
});

builder.queryFields((t) => ({
  syncHistory: t.field({
    type: HistoryConnection,
    description: "The caller's runs, newest first (the service role also sees system-level runs).",
    authScopes: { user: true, service: true },
    args: {
      first: t.arg.int({ required: false }),
      after: t.arg.string({ required: false }),
      filter: t.arg({ type: HistoryFilterInput, required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const first = pageSize(args.first);
      const page = await ctx.services.history.list(historyViewerOf(ctx), { first, after: args.after, filter: args.filter });
      return toConnection(page, Boolean(args.after));
    },
  }),
  syncHistoryEntry: t.field({
    type: SyncHistoryRef,
    nullable: true,
    authScopes: { user: true, service: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.services.history.get(historyViewerOf(ctx), parseId(args.id)),
  }),
}));
