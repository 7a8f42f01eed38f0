import { ConnectorError, fromFetchFailure } from '../errors.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Total time the retries of one call may spend sleeping. */
  budgetMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 200, maxDelayMs: 10_000, budgetMs: 60_000 };

export interface RetryHooks {
  onRetry?: (info: { attempt: number; delayMs: number; error: ConnectorError }) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with full jitter (AWS' "full jitter"), floored by Retry-After. */
export function backoffDelay(attempt: number, policy: RetryPolicy, retryAfterMs: number | undefined, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.floor(random() * cap);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Retries transient failures only; permanent, auth and not-found errors surface at once. */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, policy: RetryPolicy = defaultRetryPolicy, hooks: RetryHooks = {}): Promise<T> {
  const sleep = hooks.sleep ?? realSleep;
  const random = hooks.random ?? Math.random;
  let slept = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (raw) {
      const error = raw instanceof ConnectorError ? raw : fromFetchFailure(raw);
      if (error.kind !== 'transient' || attempt >= policy.maxAttempts) throw error;
      const delayMs = backoffDelay(attempt, policy, error.retryAfterMs, random);
      if (slept + delayMs > policy.budgetMs) throw error;
      hooks.onRetry?.({ attempt, delayMs, error });
      slept += delayMs;
      await sleep(delayMs);
    }
  }
}

/** Retry-After is seconds or an HTTP date (RFC 9110); answers milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
