import { fail, NOT_FOUND, type Result } from '../shared/result.js';

/** Items on the sync list still use the connection (as source or target). */
export const IN_USE = 'IN_USE';
/** A URL or host the server is not allowed to fetch (DESIGN §10, outbound safety). */
export const OUTBOUND_NOT_ALLOWED = 'OUTBOUND_NOT_ALLOWED';
/** A platform block that does not match the connection's platform. */
export const PLATFORM_MISMATCH = 'PLATFORM_MISMATCH';
/** The connection is disabled: it is not tested or used until enabled again. */
export const DISABLED = 'DISABLED';
/** This server has no connector for the connection's platform. */
export const NOT_AVAILABLE = 'NOT_AVAILABLE';

// Another user's id answers exactly this, so nobody learns that it exists.
export const connectionNotFound = <T>(): Result<T> => fail<T>(NOT_FOUND, 'no connection with this id', ['id']);

export function inUse<T>(count: number | null): Result<T> {
  const what = count === null ? 'sync list items' : count === 1 ? '1 sync list item' : `${count} sync list items`;
  return fail<T>(IN_USE, `this connection is used by ${what}; remove them from the sync list first`, ['id']);
}

/** Foreign-key violation: a sync_list row (possibly added meanwhile) still points at the row. */
export function isForeignKeyViolation(err: unknown): boolean {
  const text = err instanceof Error ? `${err.message} ${String((err as { code?: unknown }).code ?? '')}` : '';
  return /23503|foreign key constraint|P2003/i.test(text);
}

/** The stored connection cannot become a connector (unreadable credentials, settings the connector refuses). */
export const CONNECTION_UNUSABLE = 'CONNECTION_UNUSABLE';
