/** Expected failures are data (CONVENTIONS 4): the resolver maps them to userErrors. */
export interface ServiceError {
  code: string;
  /** Input path of the offending field, e.g. ["input", "name"]. */
  field?: string[];
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: ServiceError[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: string, message: string, field?: string[]): Result<T> => ({ ok: false, errors: [{ code, message, ...(field ? { field } : {}) }] });

export const NOT_FOUND = 'NOT_FOUND';
export const TAKEN = 'TAKEN';
export const INVALID = 'INVALID';
