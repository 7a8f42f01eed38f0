import type { Result, ServiceError } from '../modules/shared/result.js';

/** Maps a service result to `{ <key>: value | null, userErrors }`. */
export function payload<K extends string, T>(key: K, result: Result<T>): Record<K, T | null> & { userErrors: ServiceError[] } {
  return (result.ok ? { [key]: result.value, userErrors: [] } : { [key]: null, userErrors: result.errors }) as Record<K, T | null> & {
    userErrors: ServiceError[];
  };
}
