import { builder } from '../../graphql/builder.js';
import { badInput, forbidden } from '../../graphql/context.js';
import type { ScheduledSyncResult } from '../../scheduler/scheduled-sync.js';

type UserResult = ScheduledSyncResult['userResults'][number];

const UserSyncResultRef = builder.objectRef<UserResult>('UserSyncResult').implement({
  fields: (t) => ({
    userId: t.exposeID('userId'),
    itemsProcessed: t.exposeInt('itemsProcessed'),
    itemsSucceeded: t.exposeInt('itemsSucceeded'),
    itemsFailed: t.exposeInt('itemsFailed'),
    errors: t.exposeStringList('errors', { description: '"<sourceId>: <message>" per failed item.' }),
  }),
});

const ScheduledSyncResultRef = builder.objectRef<ScheduledSyncResult>('ScheduledSyncResult').implement({
  description: "The seed's scheduled-sync response; itemsSucceeded = itemsProcessed - itemsFailed; duration in ms.",
  fields: (t) => ({
    totalUsers: t.exposeInt('totalUsers'),
    totalItems: t.exposeInt('totalItems'),
    itemsProcessed: t.exposeInt('itemsProcessed'),
    itemsSucceeded: t.exposeInt('itemsSucceeded'),
    itemsFailed: t.exposeInt('itemsFailed'),
    duration: t.exposeInt('duration'),
    syncHistoryId: t.exposeID('syncHistoryId', { nullable: true }),
    userResults: t.field({ type: [UserSyncResultRef], resolve: (r) => r.userResults }),
  }),
});

builder.mutationField('runScheduledSync', (t) =>
  t.field({
    type: ScheduledSyncResultRef,
    description: 'Syncs every active item of every user now and answers when the run finished. Service role only.',
    args: { slot: t.arg.string({ required: false, description: 'The scheduled slot this call stands for: calls naming one slot run it once.' }) },
    resolve: (_root, args, ctx) => {
      if (ctx.actor.kind !== 'service') throw forbidden('runScheduledSync needs the service role');
      if (args.slot !== null && args.slot !== undefined && (args.slot.length === 0 || args.slot.length > 200)) throw badInput('slot must be 1 to 200 characters', 'slot');
      return ctx.services.scheduled.runAndWait('api', args.slot ? `api:${args.slot}` : undefined);
    },
  }),
);
