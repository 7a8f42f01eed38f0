import { ConnectorError } from '../errors.js';
import { parseRetryAfter } from '../http/retry.js';
import type { ThrottleStatus } from '../limits/cost-bucket.js';

export interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

interface GraphqlErrorBody {
  message?: string;
  extensions?: { code?: string; cost?: number; maxCost?: number };
}

export interface ShopifyBody {
  data?: unknown;
  errors?: GraphqlErrorBody[] | string;
  extensions?: {
    cost?: CostExtension;
    search?: Array<{ query?: string; warnings?: Array<{ field?: string; message?: string }> }>;
  };
}

export type Interpreted =
  | { ok: true; data: unknown; cost: CostExtension | undefined }
  | { ok: false; error: ConnectorError; cost: CostExtension | undefined; outcome: 'throttled' | 'transient' | 'permanent' | 'auth' };

function isThrottleStatus(value: unknown): value is ThrottleStatus {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.maximumAvailable === 'number' && typeof v.currentlyAvailable === 'number' && typeof v.restoreRate === 'number';
}

export function readCost(body: ShopifyBody | undefined): CostExtension | undefined {
  const cost = body?.extensions?.cost;
  return cost && isThrottleStatus(cost.throttleStatus) ? cost : undefined;
}

function messages(errors: ShopifyBody['errors']): string {
  if (typeof errors === 'string') return errors;
  return (errors ?? []).map((e) => e.message ?? 'unknown error').join('; ');
}

/** How long until the bucket holds the requested cost again, from the status Shopify sent. */
export function throttleWaitMs(cost: CostExtension | undefined): number | undefined {
  if (!cost) return undefined;
  const { currentlyAvailable, restoreRate } = cost.throttleStatus;
  const missing = cost.requestedQueryCost - currentlyAvailable;
  return missing > 0 && restoreRate > 0 ? Math.ceil((missing / restoreRate) * 1000) : undefined;
}

/**
 * Sorts one answer into data or a ConnectorError: THROTTLED in the body whatever the status
 * (Shopify sends it with 200 or 429), 401/403 auth, 429/5xx transient, other 4xx permanent,
 * MAX_COST_EXCEEDED permanent (retrying never helps), a search warning permanent (a typo in a
 * search field silently turns a delta read into a full one).
 */
export function interpretAnswer(status: number, headers: Headers, body: ShopifyBody | undefined, text: string): Interpreted {
  const cost = readCost(body);
  const errors = Array.isArray(body?.errors) ? body.errors : [];
  const fail = (outcome: 'throttled' | 'transient' | 'permanent' | 'auth', error: ConnectorError): Interpreted => ({ ok: false, error, cost, outcome });
  const codes = errors.map((e) => e.extensions?.code);
  if (codes.includes('THROTTLED')) {
    // Wait for exactly the missing points; a status that shows enough leaves it to the backoff.
    const retryAfterMs = throttleWaitMs(cost) ?? parseRetryAfter(headers.get('retry-after'));
    return fail('throttled', new ConnectorError('transient', 'Shopify throttled the request (THROTTLED)', { status, retryAfterMs }));
  }
  const detail = body ? messages(body.errors) : text.slice(0, 200);
  if (status === 401 || status === 403) {
    return fail('auth', new ConnectorError('auth', `Shopify refused the access token (HTTP ${status}): ${detail || 'unauthorized'}`, { status }));
  }
  if (status === 429 || status >= 500) {
    return fail('transient', new ConnectorError('transient', `Shopify answered HTTP ${status}${detail ? `: ${detail}` : ''}`, { status, retryAfterMs: parseRetryAfter(headers.get('retry-after')) }));
  }
  if (status === 404) {
    return fail('permanent', new ConnectorError('permanent', 'Shopify answered HTTP 404: check the shop domain, base URL and API version', { status }));
  }
  if (status < 200 || status >= 300) {
    return fail('permanent', new ConnectorError('permanent', `Shopify answered HTTP ${status}${detail ? `: ${detail}` : ''}`, { status }));
  }
  if (!body) return fail('permanent', new ConnectorError('permanent', `Shopify answered HTTP ${status} with a body that is not JSON`, { status }));
  const tooDear = errors.find((e) => e.extensions?.code === 'MAX_COST_EXCEEDED');
  if (tooDear) {
    const message = `Shopify refused the query as too expensive (cost ${tooDear.extensions?.cost ?? '?'}, max ${tooDear.extensions?.maxCost ?? 1000}): MAX_COST_EXCEEDED`;
    return fail('permanent', new ConnectorError('permanent', message, { status }));
  }
  if (errors.length > 0) {
    const internal = codes.includes('INTERNAL_SERVER_ERROR');
    return fail(internal ? 'transient' : 'permanent', new ConnectorError(internal ? 'transient' : 'permanent', `Shopify GraphQL error: ${messages(errors)}`, { status }));
  }
  const warnings = (body.extensions?.search ?? []).flatMap((s) => (s.warnings ?? []).map((w) => `${w.field ?? '?'}: ${w.message ?? ''}`.trim()));
  if (warnings.length > 0) {
    const query = body.extensions?.search?.[0]?.query ?? '';
    return fail('permanent', new ConnectorError('permanent', `Shopify ignored part of the search query ${JSON.stringify(query)} (${warnings.join('; ')})`, { status }));
  }
  if (body.data === undefined || body.data === null) {
    return fail('permanent', new ConnectorError('permanent', 'Shopify answered without data', { status }));
  }
  return { ok: true, data: body.data, cost };
}
