import express, { type Express } from 'express';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { ContextFactory } from '../graphql/context-factory.js';
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
      let ctx;
      try {
        ctx = await createContext(req.headers.authorization);
      } catch (err) {
        res.status(401).json({ error: err instanceof GraphQLError ? err.message : 'unauthorized' });
        return;
      }
      const userId = ctx.actor.userId;
      if (!userId) {
        res.status(403).json({ error: 'delta-sync needs a user token (with sub)' });
        return;
      }
      const parsed = body.safeParse(req.body ?? {});
      if (!parsed.success) {
        res.status(400).json({ error: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
        return;
      }
      const ids = parsed.data.syncListIds ? [...new Set(parsed.data.syncListIds.map((i) => i.toLowerCase()))] : null;
      const { result } = await ctx.services.sync.runDeltaSync(ctx.actor, userId, { syncListIds: ids, itemType: parsed.data.itemType, force: parsed.data.force }, 'rest');
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
