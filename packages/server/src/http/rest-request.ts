import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { z } from 'zod';
import type { Context } from '../graphql/context.js';
import type { ContextFactory } from '../graphql/context-factory.js';

/**
 * The shared front of the seed-compatible REST endpoints: Bearer auth (401), then the body
 * against its schema (400 naming each bad field). Answers null once it has responded.
 */
export async function restRequest<S extends z.ZodType>(req: Request, res: Response, createContext: ContextFactory, schema: S): Promise<{ ctx: Context; body: z.infer<S> } | null> {
  let ctx: Context;
  try {
    ctx = await createContext(req.headers.authorization);
  } catch (err) {
    res.status(401).json({ error: err instanceof GraphQLError ? err.message : 'unauthorized' });
    return null;
  }
  const parsed = schema.safeParse(req.body ?? {});
  if (!parsed.success) {
    res.status(400).json({ error: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
    return null;
  }
  return { ctx, body: parsed.data };
}
