import type { AddSyncListItemInput, FilterConfigInput, ProductPreviewQuery } from '../../../gql/graphql';
import { isEmptyFilter, otherPlatform } from './filterConfig';

export type PreviewProduct = ProductPreviewQuery['productPreview']['edges'][number]['node'];

interface AddContext {
  sourcePlatform: 'NETSUITE' | 'SHOPIFY';
  sourceConnectionId: string;
  targetConnectionId: string | null;
  filter: FilterConfigInput;
}

/**
 * "Add to Sync List" as the seed describes it: products in delta mode, active, with the
 * filter that found them and their name, SKU and price kept as metadata.
 */
export function buildAddToSyncListItems(products: ReadonlyArray<PreviewProduct>, context: AddContext): AddSyncListItemInput[] {
  return products.map((product) => ({
    itemType: 'PRODUCT',
    sourcePlatform: context.sourcePlatform,
    targetPlatform: otherPlatform(context.sourcePlatform),
    sourceConnectionId: context.sourceConnectionId,
    ...(context.targetConnectionId ? { targetConnectionId: context.targetConnectionId } : {}),
    sourceId: product.sourceId,
    syncMode: 'DELTA',
    isActive: true,
    ...(isEmptyFilter(context.filter) ? {} : { filterConfig: context.filter }),
    metadata: { name: product.name, sku: product.sku, price: product.price },
  }));
}
