import type { CanonicalStatus } from '../../types.js';
import { MappingError } from './money.js';

export type ShopifyProductStatus = 'ACTIVE' | 'DRAFT' | 'ARCHIVED';

export function statusFromShopify(status: string): CanonicalStatus {
  switch (status) {
    case 'ACTIVE': return 'active';
    case 'DRAFT': return 'draft';
    case 'ARCHIVED': return 'archived';
    default: throw new MappingError(`unknown Shopify product status: ${status}`);
  }
}

export function statusToShopify(status: CanonicalStatus): ShopifyProductStatus {
  switch (status) {
    case 'active': return 'ACTIVE';
    case 'draft': return 'DRAFT';
    case 'archived': return 'ARCHIVED';
  }
}
