import { ConnectorError } from '../../errors.js';
import type { ShopifyUserError } from '../mappers/wire.js';

const GONE = new Set(['PRODUCT_DOES_NOT_EXIST', 'NOT_FOUND', 'PRODUCT_NOT_FOUND']);

/** userErrors come with HTTP 200: a permanent failure carrying Shopify's own message (a missing product is `not_found`). */
export function throwOnUserErrors(operation: string, errors: ShopifyUserError[] | null | undefined): void {
  if (!errors || errors.length === 0) return;
  const text = errors.map((e) => `${e.field?.length ? `${e.field.join('.')}: ` : ''}${e.message}${e.code ? ` (${e.code})` : ''}`).join('; ');
  const gone = errors.every((e) => e.code !== null && GONE.has(e.code));
  throw new ConnectorError(gone ? 'not_found' : 'permanent', `Shopify ${operation} failed: ${text}`);
}
