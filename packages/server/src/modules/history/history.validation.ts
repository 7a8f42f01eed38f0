import { z } from 'zod';

/** `from` is inclusive, `to` exclusive; an empty range (from = to) is allowed, a reversed one is not. */
export const historyRange = z
  .object({ from: z.date().nullish(), to: z.date().nullish() })
  .refine((r) => !r.from || !r.to || r.from.getTime() <= r.to.getTime(), { message: 'from must not be after to', path: ['from'] });
