import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cron from 'node-cron';
import { z } from 'zod';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes encoded in base64 (openssl rand -base64 32)');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: int(4000).pipe(z.number().max(65535)),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: optionalString.pipe(z.string().url('must be a postgres:// URL').optional()),
  REDIS_URL: optionalString.pipe(z.string().url('must be a redis:// URL').optional()),
  DATA_DIR: z.string().default(join(repoRoot, '.data')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JWT_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  JWKS_URL: optionalString.pipe(z.string().url().optional()),
  JWT_AUDIENCE: optionalString,
  JWT_ISSUER: optionalString,
  AUTH_SIGN_IN_URL: optionalString.pipe(z.string().url().optional()),
  DEMO_MODE: optionalString.pipe(bool.optional()),
  SYNCLANE_ENCRYPTION_KEY: optionalString.pipe(base64Key.optional()),
  OUTBOUND_ALLOWED_HOSTS: z.string().default('*.myshopify.com,*.suitetalk.api.netsuite.com'),
  SYNC_CRON: z.string().default('0 * * * *'),
  SYNC_CRON_TZ: z.string().default('UTC'),
  SYNC_WORKER_CONCURRENCY: int(2),
  SYNC_CLAIM_TTL_MS: int(120_000, 10),
  SYNC_HEARTBEAT_MS: int(5_000, 10),
  SYNC_STALE_AFTER_MS: int(30_000, 10),
  SYNC_HISTORY_RETENTION_DAYS: int(30, 1),
  SYNC_ITEM_CONCURRENCY: int(8, 1),
  SYNC_BATCH_SIZE: int(5000, 1),
  SYNC_QUEUE_RETRY_LIMIT: int(2, 0),
  GRAPHQL_MAX_DEPTH: int(12, 1),
  GRAPHQL_MAX_ALIASES: int(30, 1),
  GRAPHQL_MAX_TOKENS: int(5000, 1),
});

export type Env = z.infer<typeof schema>;

export interface Config extends Env {
  demoMode: boolean;
  outboundAllowedHosts: string[];
  repoRoot: string;
}

export class ConfigError extends Error {}

/** Reads and validates the environment once; names every missing or invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const hasAuth = Boolean(e.JWT_SECRET || e.JWKS_URL);
  const demoMode = e.DEMO_MODE ?? (!hasAuth && !production);
  const problems: string[] = [];
  if (demoMode && production) problems.push('  DEMO_MODE: demo mode is refused when NODE_ENV=production');
  if (!demoMode && !hasAuth) problems.push('  JWT_SECRET or JWKS_URL: one is required unless DEMO_MODE=true');
  if (production && !e.SYNCLANE_ENCRYPTION_KEY) problems.push('  SYNCLANE_ENCRYPTION_KEY: required in production (32 bytes, base64)');
  if (e.SYNC_CRON !== 'off' && !cron.validate(e.SYNC_CRON)) problems.push('  SYNC_CRON: must be a cron expression or "off"');
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: e.SYNC_CRON_TZ });
  } catch {
    problems.push('  SYNC_CRON_TZ: must be an IANA time zone');
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  return {
    ...e,
    demoMode,
    outboundAllowedHosts: [
      ...e.OUTBOUND_ALLOWED_HOSTS.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
      // Demo connections reach the in-process simulators on loopback.
      ...(demoMode ? ['127.0.0.1'] : []),
    ],
    repoRoot,
  };
}
