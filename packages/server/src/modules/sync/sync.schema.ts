import { GraphQLError } from 'graphql';
import { builder } from '../../graphql/builder.js';
import { badInput, userIdOf } from '../../graphql/context.js';
import { ItemTypeEnum, SyncItemActionEnum, SyncProgressKindEnum, SyncRunStatusEnum } from '../../graphql/enums.js';
import { pageSize, PageInfoRef } from '../../graphql/pagination.js';
import { payload } from '../../graphql/payload.js';
import { UserErrorRef } from '../../graphql/user-errors.js';
import type { SyncHistory } from '../../generated/prisma/client.js';
import type { SyncProgressEvent } from '../../pubsub/events.js';
import type { SyncResult } from '../../sync/types.js';
import { SyncHistoryRef } from '../history/history.schema.js';
import { FilterConfigInputRef, normaliseFilterConfig } from '../shared/filter-config.js';
import { parseId, parseIds } from '../shared/ids.js';
import { LIMITS } from '../shared/limits.js';
import type { ServiceError } from '../shared/result.js';
import { SyncListItemRef } from '../sync-list/sync-list.schema.js';
import type { PreviewProduct } from './sync.service.js';

const SyncItemErrorRef = builder.objectRef<{ itemId: string; error: string }>('SyncItemError').implement({
  fields: (t) => ({ itemId: t.exposeID('itemId'), error: t.exposeString('error') }),
});

export const SyncResultRef = builder.objectRef<SyncResult>('SyncResult').implement({
  description: "The seed's delta-sync response, plus itemsSkipped. duration is milliseconds.",
  fields: (t) => ({
    syncHistoryId: t.exposeID('syncHistoryId'),
    status: t.expose('status', { type: SyncRunStatusEnum }),
    itemsProcessed: t.exposeInt('itemsProcessed'),
    itemsCreated: t.exposeInt('itemsCreated'),
    itemsUpdated: t.exposeInt('itemsUpdated'),
    itemsFailed: t.exposeInt('itemsFailed'),
    itemsSkipped: t.exposeInt('itemsSkipped'),
    duration: t.exposeInt('duration'),
    errors: t.field({ type: [SyncItemErrorRef], resolve: (r) => r.errors }),
  }),
});

const RunDeltaSyncInput = builder.inputType('RunDeltaSyncInput', {
  fields: (t) => ({
    syncListIds: t.idList({ required: false }),
    itemType: t.field({ type: ItemTypeEnum, required: false }),
    force: t.boolean({ required: false, description: 'Write every selected item whatever its mode (a FULL run).' }),
  }),
});

const RunDeltaSyncPayload = builder.objectRef<{ result: SyncResult | null; userErrors: ServiceError[] }>('RunDeltaSyncPayload').implement({
  fields: (t) => ({
    result: t.field({ type: SyncResultRef, nullable: true, resolve: (p) => p.result }),
    userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
  }),
});

const CancelSyncPayload = builder.objectRef<{ run: SyncHistory | null; userErrors: ServiceError[] }>('CancelSyncPayload').implement({
  fields: (t) => ({
    run: t.field({ type: SyncHistoryRef, nullable: true, resolve: (p) => p.run }),
    userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
  }),
});

builder.mutationFields((t) => ({
  runDeltaSync: t.field({
    type: RunDeltaSyncPayload,
    authScopes: { user: true },
    description: 'Runs a sync now and answers when it finished. syncType is FULL with force, MANUAL with ids, else DELTA.',
    args: { input: t.arg({ type: RunDeltaSyncInput, required: false }) },
    resolve: async (_root, { input }, ctx) => {
      const userId = userIdOf(ctx);
      const ids = input?.syncListIds ? parseIds(input.syncListIds, 'syncListIds', LIMITS.runDeltaSyncIds) : null;
      return ctx.services.sync.runDeltaSync(ctx.actor, userId, { syncListIds: ids, itemType: input?.itemType ?? null, force: input?.force ?? false }, 'api');
    },
  }),
  cancelSync: t.field({
    type: CancelSyncPayload,
    authScopes: { user: true },
    args: { syncHistoryId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const result = await ctx.services.sync.cancel(userIdOf(ctx), parseId(args.syncHistoryId, 'syncHistoryId'));
      if (!result.ok && result.errors[0]?.code === 'NOT_RUNNING') {
        const run = await ctx.services.sync.engine.store.getRun(userIdOf(ctx), args.syncHistoryId.toLowerCase());
        return { run, userErrors: result.errors };
      }
      return payload('run', result);
    },
  }),
}));

const SyncProgressEventRef = builder.objectRef<SyncProgressEvent>('SyncProgressEvent').implement({
  fields: (t) => ({
    syncHistoryId: t.exposeID('syncHistoryId'),
    kind: t.field({ type: SyncProgressKindEnum, resolve: (e) => e.kind }),
    syncListItemId: t.exposeID('syncListItemId', { nullable: true }),
    action: t.field({ type: SyncItemActionEnum, nullable: true, resolve: (e) => e.action }),
    error: t.exposeString('error', { nullable: true }),
    processed: t.exposeInt('processed'),
    total: t.exposeInt('total'),
    run: t.field({ type: SyncHistoryRef, nullable: true, resolve: (e) => e.run }),
  }),
});

builder.subscriptionFields((t) => ({
  syncProgress: t.field({
    type: SyncProgressEventRef,
    authScopes: { user: true },
    description: "Progress of one of the caller's runs; with a null id, of every run of the caller's (subscribe before starting one).",
    args: { syncHistoryId: t.arg.id({ required: false }) },
    subscribe: (_root, args, ctx) => {
      const runId = args.syncHistoryId ? parseId(args.syncHistoryId, 'syncHistoryId') : null;
      const events = ctx.services.pubsub.subscribe('syncProgress', userIdOf(ctx));
      return runId ? filter(events, (e) => e.syncHistoryId === runId) : events;
    },
    resolve: (event) => event,
  }),
  syncListItemUpdated: t.field({
    type: SyncListItemRef,
    authScopes: { user: true },
    subscribe: (_root, _args, ctx) => map(ctx.services.pubsub.subscribe('syncListItemUpdated', userIdOf(ctx)), (e) => e.item),
    resolve: (item) => item,
  }),
}));

async function* filter<T>(source: AsyncIterableIterator<T>, keep: (e: T) => boolean): AsyncGenerator<T> {
  try {
    for await (const e of source) if (keep(e)) yield e;
  } finally {
    await source.return?.();
  }
}

async function* map<T, U>(source: AsyncIterableIterator<T>, fn: (e: T) => U): AsyncGenerator<U> {
  try {
    for await (const e of source) yield fn(e);
  } finally {
    await source.return?.();
  }
}

const PreviewProductRef = builder.objectRef<PreviewProduct>('PreviewProduct').implement({
  fields: (t) => ({
    sourceId: t.exposeString('sourceId'),
    name: t.exposeString('name'),
    sku: t.exposeString('sku', { nullable: true }),
    price: t.exposeFloat('price', { nullable: true }),
    status: t.exposeString('status', { nullable: true }),
    category: t.exposeString('category', { nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true }),
    inSyncList: t.exposeBoolean('inSyncList'),
  }),
});

const PreviewEdge = builder.objectRef<{ cursor: string; node: PreviewProduct }>('PreviewProductEdge').implement({
  fields: (t) => ({ cursor: t.exposeString('cursor'), node: t.field({ type: PreviewProductRef, resolve: (e) => e.node }) }),
});

const PreviewConnection = builder
  .objectRef<{ pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }; edges: Array<{ cursor: string; node: PreviewProduct }> }>(
    'PreviewProductConnection',
  )
  .implement({
    fields: (t) => ({
      pageInfo: t.field({ type: PageInfoRef, resolve: (c) => c.pageInfo }),
      edges: t.field({ type: [PreviewEdge], resolve: (c) => c.edges }),
    }),
  });

builder.queryField('productPreview', (t) =>
  t.field({
    type: PreviewConnection,
    authScopes: { user: true },
    description: "Products of the source connection that match the filter, with whether each is already on the caller's sync list.",
    args: {
      connectionId: t.arg.id({ required: true }),
      filter: t.arg({ type: FilterConfigInputRef, required: false }),
      first: t.arg.int({ required: false }),
      after: t.arg.string({ required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const first = pageSize(args.first);
      if (args.after !== null && args.after !== undefined && args.after.length > 2048) throw badInput('after is not a valid cursor', 'after');
      const filter = normaliseFilterConfig(args.filter, ['filter']);
      if (!filter.ok) throw badInput(filter.errors.map((e) => `${(e.field ?? []).join('.')}: ${e.message}`).join('; '), 'filter');
      const result = await ctx.services.sync.productPreview(userIdOf(ctx), parseId(args.connectionId, 'connectionId'), filter.value, first, args.after ?? null);
      if (!result.ok) {
        const e = result.errors[0];
        if (e && e.code.startsWith('PLATFORM')) throw new GraphQLError(e.message, { extensions: { code: e.code } });
        throw badInput(e?.message ?? 'preview failed', 'connectionId');
      }
      // Each edge's cursor is the page's cursor: the platforms page by page, not by row.
      const cursor = result.value.nextCursor ?? '';
      const edges = result.value.products.map((node) => ({ cursor, node }));
      return {
        pageInfo: { hasNextPage: result.value.nextCursor !== null, hasPreviousPage: result.value.hadCursor, startCursor: edges.length ? cursor : null, endCursor: result.value.nextCursor },
        edges,
      };
    },
  }),
);
