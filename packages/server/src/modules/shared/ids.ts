import { badInput } from '../../graphql/context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Ids are database UUIDs; anything else is a BAD_USER_INPUT naming the argument. */
export function parseId(value: string, field = 'id'): string {
  if (!isUuid(value)) throw badInput(`${field} must be a UUID`, field);
  return value.toLowerCase();
}

export function parseIds(values: readonly string[], field: string, max: number): string[] {
  if (values.length > max) throw badInput(`${field} takes at most ${max} ids`, field);
  return [...new Set(values.map((v) => parseId(v, field)))];
}
