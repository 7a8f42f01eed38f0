import express, { type Express } from 'express';
import { z } from 'zod';
import type { ContextFactory } from '../graphql/context-factory.js';
import { restRequest } from './rest-request.js';

// The seed's body is empty; `slot` (optional) names the scheduled slot this call stands for,
// so several callers of one slot run it once.
const body = z.object({ slot: z.string().trim().min(1).max(200).optional() }).strict();

/** The seed's `/functions/v1/scheduled-sync`, under the service-role token. */
export function mountScheduledSyncRoute(app: Express, createContext: ContextFactory): void {
  app.post('/functions/v1/scheduled-sync', express.json({ limit: '16kb' }), async (req, res, next) => {
    try {
      const request = await restRequest(req, res, createContext, body);
      if (!request) return;
      const { ctx, body: input } = request;
      if (ctx.actor.kind !== 'service') {
        res.status(403).json({ error: 'scheduled-sync needs the service role', code: 'FORBIDDEN' });
        return;
      }
      const result = await ctx.services.scheduled.runAndWait('rest', input.slot ? `rest:${input.slot}` : undefined);
      const { syncHistoryId: _id, ...seed } = result;
      res.json(seed);
    } catch (err) {
      next(err);
    }
  });
}
