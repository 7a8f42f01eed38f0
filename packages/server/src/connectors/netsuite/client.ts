import { ConnectorError, fromFetchFailure } from '../errors.js';
import { withRetry, type RetryPolicy } from '../http/retry.js';
import type { ConcurrencyLimiter } from '../limits/concurrency.js';
import type { NetSuiteAuth } from './auth/types.js';
import { errorFromResponse } from './response-errors.js';
import type { NetSuiteSettings } from './settings.js';

export interface NetSuiteLogger {
  warn(obj: object, msg: string): void;
}

export interface NetSuiteMetrics {
  request(platform: string, outcome: string): void;
  rateLimitWait(platform: string, ms: number): void;
}

export interface NetSuiteClientOptions {
  settings: NetSuiteSettings;
  auth: NetSuiteAuth;
  limiter: ConcurrencyLimiter;
  concurrencyLimit: number;
  retry: RetryPolicy;
  timeoutMs: number;
  logger?: NetSuiteLogger;
  metrics?: NetSuiteMetrics;
}

export interface NetSuiteResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface RequestOptions {
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A SuiteQL row: every value is a string, null columns are absent, `links` removed. */
export type SuiteQLRow = Readonly<Record<string, string>>;

export interface SuiteQLPage {
  items: SuiteQLRow[];
  hasMore: boolean;
  totalResults: number;
}

export const SUITEQL_MAX_LIMIT = 1000;

function outcomeOf(status: number): string {
  if (status === 429) return 'throttled';
  if (status === 401 || status === 403) return 'auth_error';
  if (status >= 500) return 'server_error';
  return 'client_error';
}

/**
 * Every NetSuite call goes through here: a slot under the account's concurrency limit (held
 * only for the request itself, never across a backoff sleep), a fresh TBA signature per
 * attempt, a timeout, and retries of transient failures with backoff and jitter.
 */
export class NetSuiteClient {
  constructor(private readonly o: NetSuiteClientOptions) {}

  async request(method: string, path: string, options: RequestOptions = {}): Promise<NetSuiteResponse> {
    const operation = `${method} ${path}`;
    return withRetry((attempt) => this.attempt(method, path, options, operation, attempt), this.o.retry, {
      onRetry: ({ attempt, delayMs, error }) =>
        this.o.logger?.warn({ platform: 'netsuite', account: this.o.settings.accountId, operation, attempt, delayMs, status: error.status, error: error.message }, 'netsuite request failed; retrying'),
    });
  }

  async suiteql(q: string, limit: number, offset: number): Promise<SuiteQLPage> {
    const res = await this.request('POST', 'query/v1/suiteql', { query: { limit: String(limit), offset: String(offset) }, body: { q }, headers: { prefer: 'transient' } });
    const body = res.body as { items?: unknown; hasMore?: unknown; totalResults?: unknown } | null;
    if (!body || !Array.isArray(body.items)) throw new ConnectorError('permanent', 'netsuite SuiteQL answered without an items array');
    const items = body.items.map((raw) => {
      const row: Record<string, string> = {};
      for (const [k, v] of Object.entries(raw as Record<string, unknown>)) if (k !== 'links' && v !== null && v !== undefined) row[k] = String(v);
      return row;
    });
    return { items, hasMore: body.hasMore === true, totalResults: typeof body.totalResults === 'number' ? body.totalResults : items.length };
  }

  /** NetSuite's clock, the only base for watermarks. Accepts `{ serverTime }` or a bare string. */
  async serverTime(): Promise<Date> {
    const res = await this.request('GET', 'system/v1/serverTime');
    const raw = typeof res.body === 'string' ? res.body : (res.body as { serverTime?: unknown } | null)?.serverTime;
    const at = typeof raw === 'string' ? new Date(raw) : new Date(NaN);
    if (Number.isNaN(at.getTime())) throw new ConnectorError('permanent', `netsuite serverTime answered an unexpected body: ${JSON.stringify(res.body)?.slice(0, 200)}`);
    return at;
  }

  private async attempt(method: string, path: string, options: RequestOptions, operation: string, attempt: number): Promise<NetSuiteResponse> {
    const { settings, metrics } = this.o;
    const waitStarted = performance.now();
    const release = await this.o.limiter.acquire(`netsuite:${settings.accountId}`, this.o.concurrencyLimit);
    metrics?.rateLimitWait('netsuite', performance.now() - waitStarted);
    try {
      const url = new URL(`${settings.baseUrl}/services/rest/${path}`);
      for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
      const headers: Record<string, string> = { accept: 'application/json', ...options.headers, authorization: await this.o.auth.authorize({ method, url }) };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      let status: number;
      let responseHeaders: Headers;
      let text: string;
      try {
        const res = await fetch(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), signal: AbortSignal.timeout(this.o.timeoutMs) });
        status = res.status;
        responseHeaders = res.headers;
        text = await res.text();
      } catch (err) {
        metrics?.request('netsuite', 'network_error');
        const timedOut = err instanceof Error && err.name === 'TimeoutError';
        const failure = fromFetchFailure(err);
        throw new ConnectorError('transient', `netsuite ${operation} ${timedOut ? `timed out after ${this.o.timeoutMs} ms` : failure.message} (attempt ${attempt})`, { cause: err });
      }
      let body: unknown = undefined;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      if (status < 200 || status >= 300) {
        metrics?.request('netsuite', outcomeOf(status));
        throw errorFromResponse(status, responseHeaders, body, operation);
      }
      metrics?.request('netsuite', 'ok');
      return { status, headers: responseHeaders, body };
    } finally {
      release();
    }
  }
}

/** The internal id at the end of a `Location` header (`.../inventoryItem/123`). */
export function idFromLocation(headers: Headers): string | null {
  const location = headers.get('location');
  const id = location ? /\/(\d+)\/?$/.exec(location)?.[1] : undefined;
  return id ?? null;
}
