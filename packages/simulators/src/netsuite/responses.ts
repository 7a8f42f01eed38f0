/** What a route answers; the handler writes it after releasing the request's concurrency slot. */
export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  contentType?: string;
}

const ERROR_TYPES: Record<number, { type: string; title: string }> = {
  400: { type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1', title: 'Bad Request' },
  401: { type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2', title: 'Unauthorized' },
  404: { type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5', title: 'Not Found' },
  405: { type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.6', title: 'Method Not Allowed' },
  429: { type: 'https://www.rfc-editor.org/rfc/rfc6585.html#section-4', title: 'Too Many Requests' },
  500: { type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6.1', title: 'Internal Server Error' },
  503: { type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6.4', title: 'Service Unavailable' },
};

export interface ErrorDetail {
  detail: string;
  code: string;
  path?: string;
  queryParam?: string;
}

/** NetSuite's error envelope: `{ type, title, status, "o:errorDetails": [...] }`. */
export function errorResponse(status: number, details: ErrorDetail[], headers: Record<string, string> = {}): SimResponse {
  const meta = ERROR_TYPES[status] ?? { type: 'about:blank', title: 'Error' };
  return {
    status,
    headers,
    contentType: 'application/vnd.oracle.resource+json; type=error',
    body: {
      ...meta,
      status,
      'o:errorDetails': details.map((d) => ({
        detail: d.detail,
        'o:errorCode': d.code,
        ...(d.path ? { 'o:errorPath': d.path } : {}),
        ...(d.queryParam ? { 'o:errorQueryParam': d.queryParam } : {}),
      })),
    },
  };
}

/** Thrown inside routes to answer with the error envelope. */
export class NetSuiteError extends Error {
  constructor(readonly status: number, readonly code: string, detail: string, readonly path?: string, readonly queryParam?: string) {
    super(detail);
  }

  toResponse(): SimResponse {
    return errorResponse(this.status, [{ detail: this.message, code: this.code, path: this.path, queryParam: this.queryParam }]);
  }
}

export const notFound = () => new NetSuiteError(404, 'NONEXISTENT_ID', 'The record instance does not exist. Provide a valid record instance ID.');
