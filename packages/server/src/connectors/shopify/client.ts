import { ConnectorError, fromFetchFailure } from '../errors.js';
import { withRetry, type RetryHooks, type RetryPolicy } from '../http/retry.js';
import type { CostLimiter, ThrottleStatus } from '../limits/cost-bucket.js';
import { interpretAnswer, type CostExtension, type ShopifyBody } from './responses.js';
import type { ShopifySettings } from './settings.js';

export interface ShopifyLogger {
  warn(obj: object, msg: string): void;
  debug?(obj: object, msg: string): void;
}

export interface ConnectorMetrics {
  request(platform: string, outcome: string): void;
  rateLimitWait(platform: string, ms: number): void;
}

export interface ShopifyClientOptions {
  settings: ShopifySettings;
  accessToken: string;
  limiter: CostLimiter;
  retry: RetryPolicy;
  timeoutMs: number;
  logger?: ShopifyLogger;
  metrics?: ConnectorMetrics;
  retryHooks?: Pick<RetryHooks, 'sleep' | 'random'>;
}

export interface GraphqlCall {
  /** A name for logs and metrics. */
  operation: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The requested cost as Shopify computes it: reserved from the shop's bucket before sending. */
  cost: number;
}

export interface GraphqlResult<T> {
  data: T;
  /** Shopify's clock (the Date header): the base for watermarks, never the local clock. */
  serverTime: Date | undefined;
  cost: CostExtension | undefined;
}

const PLATFORM = 'shopify';

function failure(err: unknown, timeoutMs: number): ConnectorError {
  if (err instanceof ConnectorError) return err;
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return new ConnectorError('transient', `Shopify did not answer within ${timeoutMs} ms`, { cause: err });
  }
  return fromFetchFailure(err);
}

/** One Shopify Admin GraphQL endpoint: token auth, proactive pacing per shop, retries with backoff. */
export class ShopifyClient {
  private readonly versionsLogged = new Set<string>();

  constructor(private readonly options: ShopifyClientOptions) {}

  async request<T>(call: GraphqlCall): Promise<GraphqlResult<T>> {
    const { retry, logger, retryHooks } = this.options;
    return withRetry(() => this.attempt<T>(call), retry, {
      ...retryHooks,
      onRetry: ({ attempt, delayMs, error }) => logger?.debug?.({ operation: call.operation, attempt, delayMs, error: error.message }, 'retrying Shopify request'),
    });
  }

  private async attempt<T>(call: GraphqlCall): Promise<GraphqlResult<T>> {
    const { settings, limiter, metrics, timeoutMs } = this.options;
    const waited = await limiter.reserve(settings.shopKey, call.cost);
    if (waited > 0) metrics?.rateLimitWait(PLATFORM, waited);
    let status: ThrottleStatus | null = null;
    try {
      let res: Response;
      let text: string;
      try {
        res = await fetch(settings.endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'x-shopify-access-token': this.options.accessToken },
          body: JSON.stringify({ query: call.query, variables: call.variables ?? {} }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await res.text();
      } catch (err) {
        metrics?.request(PLATFORM, 'network');
        throw failure(err, timeoutMs);
      }
      this.noteVersion(res.headers.get('x-shopify-api-version'));
      let body: ShopifyBody | undefined;
      try {
        body = JSON.parse(text) as ShopifyBody;
      } catch {
        body = undefined;
      }
      const answer = interpretAnswer(res.status, res.headers, body, text);
      status = answer.cost?.throttleStatus ?? null;
      metrics?.request(PLATFORM, answer.ok ? 'ok' : answer.outcome);
      if (!answer.ok) throw answer.error;
      if (answer.cost && answer.cost.requestedQueryCost !== call.cost) {
        this.options.logger?.debug?.({ operation: call.operation, estimated: call.cost, requested: answer.cost.requestedQueryCost }, 'Shopify query cost differs from our estimate');
      }
      const date = res.headers.get('date');
      const serverTime = date ? new Date(date) : undefined;
      return { data: answer.data as T, serverTime: serverTime && !Number.isNaN(serverTime.getTime()) ? serverTime : undefined, cost: answer.cost };
    } finally {
      // Not awaited: the answer is usable now, and a shared limiter's report is a round trip.
      void Promise.resolve(limiter.report(settings.shopKey, call.cost, status)).catch(() => undefined);
    }
  }

  /** Shopify serves a retired version as the oldest supported one; say so once per version. */
  private noteVersion(answered: string | null): void {
    const requested = this.options.settings.apiVersion;
    if (!answered || answered === requested || this.versionsLogged.has(answered)) return;
    this.versionsLogged.add(answered);
    this.options.logger?.warn({ requested, answered }, 'Shopify answered with another API version than the one requested');
  }
}
