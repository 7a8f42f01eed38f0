import express, { type Express } from 'express';
import { z } from 'zod';
import type { ContextFactory } from '../graphql/context-factory.js';
import { restRequest } from './rest-request.js';
import { LIMITS } from '../modules/shared/limits.js';

const body = z
  .object({
    syncListIds: z.array(z.string().uuid('syncListIds must be UUIDs')).max(LIMITS.runDeltaSyncIds, `syncListIds takes at most ${LIMITS.runDeltaSyncIds} ids`).optional().nullable(),
    itemType: z.enum(['product', 'order', 'inventory']).optional().nullable(),
    force: z.boolean().optional().nullable(),
  })
  .strict();

/** The seed's `/functions/v1/delta-sync`: same request and response JSON, same Bearer auth. */
export function mountDeltaSyncRoute(app: Express, createContext: ContextFactory): void {
  app.post('/functions/v1/delta-sync', express.json({ limit: '1mb' }), async (req, res, next) => {
    try {
      const request = await restRequest(req, res, createContext, body);
      if (!request) return;
      const { ctx, body: input } = request;
      const userId = ctx.actor.userId;
      if (!userId) {
        res.status(403).json({ error: 'delta-sync needs a user token (with sub)' });
        return;
      }
      const ids = input.syncListIds ? [...new Set(input.syncListIds.map((i) => i.toLowerCase()))] : null;
      const { result } = await ctx.services.sync.runDeltaSync(ctx.actor, userId, { syncListIds: ids, itemType: input.itemType, force: input.force }, 'rest');
      res.json({
        syncHistoryId: result.syncHistoryId,
        status: result.status,
        itemsProcessed: result.itemsProcessed,
        itemsCreated: result.itemsCreated,
        itemsUpdated: result.itemsUpdated,
        itemsFailed: result.itemsFailed,
        itemsSkipped: result.itemsSkipped,
        duration: result.duration,
        errors: result.errors.map((e) => ({ itemId: e.itemId, error: e.error })),
      });
    } catch (err) {
      next(err);
    }
  });
}
