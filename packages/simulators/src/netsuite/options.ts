import type { FaultOptions } from '../common/faults.js';
import type { TbaCredentials } from './oauth.js';

/** Behaviours the public docs leave open (platform-apis.md, "unverified"): configurable, not guessed. */
export interface NetSuiteQuirks {
  /** `o:errorCode` of the REST 429 (undocumented). */
  throttleErrorCode: string;
  /** Retry-After seconds on a 429; null sends none. */
  throttleRetryAfterSeconds: number | null;
  /** The answer to SuiteQL without `Prefer: transient`. */
  missingTransient: 'reject' | 'accept';
  /** `{ "serverTime": "..." }` or a bare JSON string. */
  serverTimeBody: 'object' | 'string';
  /** Refuse a SuiteQL `offset` that is not a multiple of `limit`. */
  offsetMultipleOfLimit: boolean;
}

export interface SimLocation {
  id: string;
  name: string;
}

export interface NetSuiteSimulatorOptions {
  port?: number;
  host?: string;
  /** Realm of the TBA signature, e.g. 1234567_SB1. */
  accountId?: string;
  credentials?: TbaCredentials;
  /** The account's (integration user's) time zone, an IANA name. */
  timeZone?: string;
  /** The user's date format preference for raw date columns, e.g. MM/DD/YYYY or DD.MM.YYYY. */
  dateFormat?: string;
  /** Account-wide concurrent request limit; past it requests answer 429. */
  concurrencyLimit?: number;
  /** Seed inventory items from the deterministic catalogue generator. */
  catalogue?: { products?: number; seed?: number };
  /** At least two by default; the first holds the catalogue quantity. */
  locations?: SimLocation[];
  faults?: FaultOptions;
  /** Start of the simulated clock (record timestamps, serverTime). */
  now?: Date;
  /** TBA timestamps accepted within this many seconds of real time. */
  timestampToleranceSeconds?: number;
  /** Seed of the row shuffling of SuiteQL without ORDER BY; random when absent. */
  shuffleSeed?: number;
  quirks?: Partial<NetSuiteQuirks>;
}

export interface ResolvedOptions {
  accountId: string;
  credentials: TbaCredentials;
  timeZone: string;
  dateFormat: string;
  concurrencyLimit: number;
  locations: SimLocation[];
  timestampToleranceSeconds: number;
  quirks: NetSuiteQuirks;
}

export const defaultCredentials: TbaCredentials = {
  consumerKey: 'sim-consumer-key',
  consumerSecret: 'sim-consumer-secret',
  tokenId: 'sim-token-id',
  tokenSecret: 'sim-token-secret',
};

export const defaultQuirks: NetSuiteQuirks = {
  throttleErrorCode: 'CONCURRENCY_LIMIT_EXCEEDED',
  throttleRetryAfterSeconds: null,
  missingTransient: 'reject',
  serverTimeBody: 'object',
  offsetMultipleOfLimit: true,
};

export function resolveOptions(o: NetSuiteSimulatorOptions): ResolvedOptions {
  return {
    accountId: o.accountId ?? '1234567_SB1',
    credentials: o.credentials ?? defaultCredentials,
    timeZone: o.timeZone ?? 'America/Los_Angeles',
    dateFormat: o.dateFormat ?? 'MM/DD/YYYY',
    concurrencyLimit: o.concurrencyLimit ?? 5,
    locations: o.locations ?? [
      { id: '1', name: 'Main Warehouse' },
      { id: '2', name: 'East Coast DC' },
    ],
    timestampToleranceSeconds: o.timestampToleranceSeconds ?? 300,
    quirks: { ...defaultQuirks, ...o.quirks },
  };
}
