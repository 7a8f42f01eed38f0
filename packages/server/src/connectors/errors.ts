/** How the engine must treat a failure: retry it, fail the item, or take the target-gone path. */
export type ConnectorErrorKind = 'transient' | 'permanent' | 'auth' | 'not_found';

export class ConnectorError extends Error {
  readonly kind: ConnectorErrorKind;
  readonly status: number | undefined;
  /** Seconds the platform asked us to wait (Retry-After), when it did. */
  readonly retryAfterMs: number | undefined;

  constructor(kind: ConnectorErrorKind, message: string, opts: { status?: number; retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = 'ConnectorError';
    this.kind = kind;
    this.status = opts.status;
    this.retryAfterMs = opts.retryAfterMs;
  }
}

export function isTransient(err: unknown): boolean {
  return err instanceof ConnectorError && err.kind === 'transient';
}

/** Network-level failures (reset, refused, timeout) are transient. */
export function fromFetchFailure(err: unknown): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ConnectorError('transient', `network error: ${message}`, { cause: err });
}
