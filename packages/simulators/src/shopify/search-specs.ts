import type { InventoryItemRecord, OrderRecord, ProductRecord, VariantRecord } from './records.js';
import type { SearchSpec } from './search.js';
import type { ShopifyStore } from './store.js';

function skusOf(store: ShopifyStore, product: ProductRecord): Array<string | null> {
  return product.variantIds.map((id) => store.variants.get(id)?.sku ?? null);
}

export function productSearch(store: ShopifyStore): SearchSpec<ProductRecord> {
  return {
    fields: {
      id: { kind: 'id', get: (p) => p.id },
      title: { kind: 'text', get: (p) => p.title },
      handle: { kind: 'exact', get: (p) => p.handle },
      status: { kind: 'exact', get: (p) => p.status },
      product_type: { kind: 'exact', get: (p) => p.productType },
      vendor: { kind: 'exact', get: (p) => p.vendor },
      tag: { kind: 'exact', get: (p) => p.tags },
      sku: { kind: 'exact', get: (p) => skusOf(store, p) },
      price: { kind: 'number', get: (p) => p.variantIds.map((id) => store.variants.get(id)?.price ?? null) },
      created_at: { kind: 'date', get: (p) => p.createdAt },
      updated_at: { kind: 'date', get: (p) => p.updatedAt },
    },
    text: (p) => [p.title, p.handle, p.vendor, p.productType, ...skusOf(store, p).filter((s): s is string => s !== null)],
  };
}

export function variantSearch(store: ShopifyStore): SearchSpec<VariantRecord> {
  return {
    fields: {
      id: { kind: 'id', get: (v) => v.id },
      sku: { kind: 'exact', get: (v) => v.sku },
      product_id: { kind: 'id', get: (v) => v.productId },
      title: { kind: 'text', get: (v) => v.title },
      price: { kind: 'number', get: (v) => v.price },
      created_at: { kind: 'date', get: (v) => v.createdAt },
      updated_at: { kind: 'date', get: (v) => v.updatedAt },
    },
    text: (v) => [v.title, v.sku ?? '', store.products.get(v.productId)?.title ?? ''],
  };
}

export function inventoryItemSearch(store: ShopifyStore): SearchSpec<InventoryItemRecord> {
  return {
    fields: {
      id: { kind: 'id', get: (i) => i.id },
      sku: { kind: 'exact', get: (i) => store.variants.get(i.variantId)?.sku ?? null },
      created_at: { kind: 'date', get: (i) => i.createdAt },
      updated_at: { kind: 'date', get: (i) => i.updatedAt },
    },
    text: (i) => [store.variants.get(i.variantId)?.sku ?? ''],
  };
}

export const orderSearch: SearchSpec<OrderRecord> = {
  fields: {
    id: { kind: 'id', get: (o) => o.id },
    name: { kind: 'exact', get: (o) => o.name },
    email: { kind: 'exact', get: (o) => o.email },
    sku: { kind: 'exact', get: (o) => o.lineItems.map((l) => l.sku) },
    created_at: { kind: 'date', get: (o) => o.createdAt },
    processed_at: { kind: 'date', get: (o) => o.processedAt },
    updated_at: { kind: 'date', get: (o) => o.updatedAt },
  },
  text: (o) => [o.name, o.email ?? ''],
};
