import type { CanonicalInventoryLevel, CanonicalProduct, NaturalKey, SourceRecord } from '../../types.js';
import { MappingError, normalizeMoney } from './money.js';
import { statusFromShopify, statusToShopify } from './status.js';
import { parseInstant } from './time.js';
import type { ShopifyInventoryProductNode, ShopifyProductNode, ShopifyVariantNode } from './wire.js';

/** Runs one field's mapping; a MappingError becomes a problem on the record instead of failing the batch. */
export function orProblem<T>(problems: string[], fallback: T, map: () => T): T {
  try {
    return map();
  } catch (err) {
    if (!(err instanceof MappingError)) throw err;
    problems.push(err.message);
    return fallback;
  }
}

function withProblems<R extends { id: string }>(record: R, problems: string[]): R & { unsyncable?: string } {
  return problems.length > 0 ? { ...record, unsyncable: problems.join('; ') } : record;
}

/** Why a product's variants cannot map to one canonical item, or undefined when they can. */
export function variantProblem(productId: string, variants: Array<Pick<ShopifyVariantNode, 'sku'>>): string | undefined {
  if (variants.length > 1) return `Shopify product ${productId} has several variants; Synclane syncs single-variant products only and will not flatten them`;
  if (variants.length === 0) return `Shopify product ${productId} has no variant`;
  if (!variants[0]?.sku) return `Shopify product ${productId} has no SKU on its variant`;
  return undefined;
}

/** Shopify product + its one variant → canonical product (SKU, title, price, status, productType). */
export function productFromShopify(node: ShopifyProductNode): SourceRecord<CanonicalProduct> {
  const variants = node.variants.nodes;
  const first = variants[0];
  const problems: string[] = [];
  const problem = variantProblem(node.id, variants);
  if (problem) problems.push(problem);
  return withProblems({
    id: node.id,
    updatedAt: orProblem(problems, new Date(0), () => parseInstant(node.updatedAt)),
    data: {
      kind: 'product' as const,
      sku: first?.sku ?? '',
      title: node.title,
      price: orProblem(problems, '0.00', () => normalizeMoney(first?.price ?? '0')),
      status: orProblem(problems, 'draft' as const, () => statusFromShopify(node.status)),
      category: node.productType.trim() === '' ? null : node.productType,
    },
  }, problems);
}

/** The available quantity of the product's one variant at the location the query asked for. */
export function inventoryFromShopify(node: ShopifyInventoryProductNode): SourceRecord<CanonicalInventoryLevel> {
  const variants = node.variants.nodes;
  const first = variants[0];
  const problems: string[] = [];
  const problem = variantProblem(node.id, variants);
  if (problem) problems.push(problem);
  const available = first?.inventoryItem.inventoryLevel?.quantities.find((q) => q.name === 'available')?.quantity ?? 0;
  return withProblems({
    id: node.id,
    // Inventory changes do not move Product.updatedAt: levels are compared by value, not time.
    updatedAt: orProblem(problems, new Date(0), () => parseInstant(node.updatedAt)),
    data: { kind: 'inventory' as const, sku: first?.sku ?? '', quantity: available },
  }, problems);
}

/** Deterministic, so a retried create finds the product its first attempt made (DESIGN §10). */
export function handleFor(key: NaturalKey): string {
  const slug = key.sourceId.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `synclane-${slug || 'item'}`;
}

const DEFAULT_OPTION = { name: 'Title', value: 'Default Title' };

/** productSet input for a new single-variant product; productSet requires the option values. */
export function productSetInput(product: CanonicalProduct): Record<string, unknown> {
  return {
    title: product.title,
    status: statusToShopify(product.status),
    productType: product.category ?? '',
    productOptions: [{ name: DEFAULT_OPTION.name, values: [{ name: DEFAULT_OPTION.value }] }],
    variants: [
      {
        optionValues: [{ optionName: DEFAULT_OPTION.name, name: DEFAULT_OPTION.value }],
        price: normalizeMoney(product.price),
        inventoryItem: { sku: product.sku, tracked: true },
      },
    ],
  };
}

/** productUpdate's `product:` input: the product-level fields only. */
export function productUpdateInput(id: string, product: CanonicalProduct): Record<string, unknown> {
  return { id, title: product.title, status: statusToShopify(product.status), productType: product.category ?? '' };
}

/** productVariantsBulkUpdate input: the variant changed by id, never replaced. */
export function variantUpdateInput(variantId: string, product: CanonicalProduct): Record<string, unknown> {
  return { id: variantId, price: normalizeMoney(product.price), inventoryItem: { sku: product.sku } };
}
