import { ConnectorError, type ConnectorErrorKind } from '../errors.js';
import { parseRetryAfter } from '../http/retry.js';

interface ErrorDetail {
  detail?: unknown;
  'o:errorCode'?: unknown;
  'o:errorPath'?: unknown;
  'o:errorQueryParam'?: unknown;
}

/** "USER_ERROR: Please enter value(s) for: Item Name/Number (itemId)" from the `o:errorDetails` envelope. */
export function describeErrorBody(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return typeof body === 'string' && body.trim() ? body.trim().slice(0, 500) : null;
  const details = (body as { 'o:errorDetails'?: unknown })['o:errorDetails'];
  if (Array.isArray(details) && details.length > 0) {
    return (details as ErrorDetail[])
      .map((d) => {
        const code = typeof d['o:errorCode'] === 'string' ? `${d['o:errorCode']}: ` : '';
        const where = d['o:errorPath'] ?? d['o:errorQueryParam'];
        return `${code}${String(d.detail ?? 'no detail')}${typeof where === 'string' ? ` (${where})` : ''}`;
      })
      .join('; ');
  }
  const title = (body as { title?: unknown }).title;
  return typeof title === 'string' ? title : null;
}

function kindOf(status: number): ConnectorErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  if (status === 408 || status === 429 || status >= 500) return 'transient';
  return 'permanent';
}

/** Turns a non-2xx answer into the ConnectorError the engine acts on: retry, fail the item, re-authenticate, or re-create. */
export function errorFromResponse(status: number, headers: Headers, body: unknown, operation: string): ConnectorError {
  const kind = kindOf(status);
  let detail = describeErrorBody(body);
  if (status === 401) {
    // TBA puts its verdict in WWW-Authenticate; the precise cause only shows in the Login Audit Trail.
    const challenge = /error_description="([^"]*)"/.exec(headers.get('www-authenticate') ?? '')?.[1];
    detail = detail ?? challenge ?? 'Invalid login attempt.';
  }
  const message = `netsuite ${operation} failed with HTTP ${status}${detail ? `: ${detail}` : ''}`;
  return new ConnectorError(kind, message, { status, retryAfterMs: status === 429 || status === 503 ? parseRetryAfter(headers.get('retry-after')) : undefined });
}
