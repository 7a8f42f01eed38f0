import { MappingError } from './money.js';

/** Shopify DateTimes are ISO-8601 (UTC `Z`, webhooks with an offset): parsed to a UTC instant. */
export function parseInstant(value: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new MappingError(`not an ISO-8601 timestamp with a zone: ${JSON.stringify(value)}`);
  }
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new MappingError(`not a valid timestamp: ${JSON.stringify(value)}`);
  return at;
}

/** The form Shopify's search syntax expects: whole seconds, UTC. */
export function searchInstant(at: Date): string {
  return new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
