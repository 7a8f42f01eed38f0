import { z } from 'zod';
import { LIMITS } from '../shared/limits.js';

export const patternName = z.string().trim().min(1, 'must not be empty').max(LIMITS.name, `must be at most ${LIMITS.name} characters`);
export const patternDescription = z
  .string()
  .trim()
  .max(LIMITS.description, `must be at most ${LIMITS.description} characters`)
  .transform((v) => (v.length ? v : null));
