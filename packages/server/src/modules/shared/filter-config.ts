import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import type { FilterConfig } from '../../connectors/types.js';
import { LIMITS } from './limits.js';
import type { ServiceError } from './result.js';

export const CANONICAL_STATUSES = ['active', 'draft', 'archived'] as const;

const boundedText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v.length === 0 ? undefined : v));

const price = z.number().finite('must be a finite number').min(0, 'must not be negative').max(1e12, 'is too large');

export const filterConfigSchema = z
  .object({
    status: z
      .array(z.string().trim().toLowerCase().pipe(z.enum(CANONICAL_STATUSES, { message: `must be one of ${CANONICAL_STATUSES.join(', ')}` })))
      .max(CANONICAL_STATUSES.length * 2)
      .transform((s) => [...new Set(s)])
      .nullish(),
    priceMin: price.nullish(),
    priceMax: price.nullish(),
    category: boundedText(LIMITS.name).nullish(),
    updatedAfter: z.date().nullish(),
    search: boundedText(LIMITS.search).nullish(),
  })
  .refine((f) => f.priceMin == null || f.priceMax == null || f.priceMin <= f.priceMax, {
    message: 'priceMin must not be greater than priceMax',
    path: ['priceMin'],
  });

export type FilterConfigInput = z.input<typeof filterConfigSchema>;

/** The stored (jsonb) form: only set keys, instants as UTC ISO-8601. */
export function normaliseFilterConfig(input: FilterConfigInput | null | undefined, path: string[]): { ok: true; value: FilterConfig } | { ok: false; errors: ServiceError[] } {
  const parsed = filterConfigSchema.safeParse(input ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ code: 'INVALID', field: [...path, ...i.path.filter((p) => typeof p === 'string')], message: i.message })),
    };
  }
  const f = parsed.data;
  const value: FilterConfig = {};
  if (f.status && f.status.length) value.status = f.status;
  if (f.priceMin != null) value.priceMin = f.priceMin;
  if (f.priceMax != null) value.priceMax = f.priceMax;
  if (f.category) value.category = f.category;
  if (f.updatedAfter) value.updatedAfter = f.updatedAfter.toISOString();
  if (f.search) value.search = f.search;
  return { ok: true, value };
}

/** Reads a stored jsonb filter back, tolerating the seed's looser rows. */
export function readFilterConfig(stored: unknown): FilterConfig {
  if (!stored || typeof stored !== 'object') return {};
  const s = stored as Record<string, unknown>;
  const out: FilterConfig = {};
  if (Array.isArray(s.status)) out.status = s.status.filter((x): x is FilterConfig['status'] extends (infer U)[] | undefined ? U : never => typeof x === 'string' && (CANONICAL_STATUSES as readonly string[]).includes(x));
  if (typeof s.priceMin === 'number') out.priceMin = s.priceMin;
  if (typeof s.priceMax === 'number') out.priceMax = s.priceMax;
  if (typeof s.category === 'string') out.category = s.category;
  if (typeof s.updatedAfter === 'string' && !Number.isNaN(Date.parse(s.updatedAfter))) out.updatedAfter = s.updatedAfter;
  if (typeof s.search === 'string') out.search = s.search;
  return out;
}

export const FilterConfigRef = builder.objectRef<FilterConfig>('FilterConfig').implement({
  fields: (t) => ({
    status: t.stringList({ nullable: true, resolve: (f) => f.status ?? null }),
    priceMin: t.float({ nullable: true, resolve: (f) => f.priceMin ?? null }),
    priceMax: t.float({ nullable: true, resolve: (f) => f.priceMax ?? null }),
    category: t.string({ nullable: true, resolve: (f) => f.category ?? null }),
    updatedAfter: t.field({ type: 'DateTime', nullable: true, resolve: (f) => (f.updatedAfter ? new Date(f.updatedAfter) : null) }),
    search: t.string({ nullable: true, resolve: (f) => f.search ?? null }),
  }),
});

export const FilterConfigInputRef = builder.inputType('FilterConfigInput', {
  fields: (t) => ({
    status: t.stringList({ required: false }),
    priceMin: t.float({ required: false }),
    priceMax: t.float({ required: false }),
    category: t.string({ required: false }),
    updatedAfter: t.field({ type: 'DateTime', required: false }),
    search: t.string({ required: false }),
  }),
});
