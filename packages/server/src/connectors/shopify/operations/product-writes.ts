import { randomUUID } from 'node:crypto';
import { ConnectorError } from '../../errors.js';
import type { CanonicalProduct, NaturalKey } from '../../types.js';
import { toGid } from '../ids.js';
import { handleFor, productSetInput, productUpdateInput, variantProblem, variantUpdateInput } from '../mappers/product.js';
import type { ShopifyUserError } from '../mappers/wire.js';
import { connectionCost, MUTATION_COST } from '../query-cost.js';
import { quoteSearch } from '../search-query.js';
import type { ShopifyContext } from './context.js';
import { throwOnUserErrors } from './user-errors.js';

const SKU_MATCHES = 10;

// One request for both natural keys: the handle (exact, not through the search index) and the SKU.
const EXISTING = `query ExistingProduct($identifier: ProductIdentifierInput!, $withHandle: Boolean!, $skuQuery: String!, $withSku: Boolean!) {
  byHandle: productByIdentifier(identifier: $identifier) @include(if: $withHandle) { id }
  bySku: productVariants(first: ${SKU_MATCHES}, query: $skuQuery) @include(if: $withSku) { nodes { sku product { id } } }
}`;
/** productByIdentifier 1 + productVariants (2 + 10 × (variant 1 + product 1)). */
const EXISTING_COST = 1 + connectionCost(SKU_MATCHES, 2);

const PRODUCT_SET = `mutation CreateProduct($identifier: ProductSetIdentifiers!, $input: ProductSetInput!, $key: String!) {
  productSet(identifier: $identifier, input: $input, synchronous: true) @idempotent(key: $key) { product { id } userErrors { field message code } }
}`;

const VARIANTS_OF = `query ProductVariants($id: ID!) { product(id: $id) { id variants(first: 2) { nodes { id sku } } } }`;
const VARIANTS_OF_COST = 1 + connectionCost(2, 1);

// productSet would delete the variants it is not given: an existing product changes by id only.
const UPDATE = `mutation UpdateProduct($product: ProductUpdateInput!, $productId: ID!, $variants: [ProductVariantsBulkInput!]!, $k1: String!, $k2: String!) {
  productUpdate(product: $product) @idempotent(key: $k1) { userErrors { field message code } }
  productVariantsBulkUpdate(productId: $productId, variants: $variants) @idempotent(key: $k2) { userErrors { field message code } }
}`;

interface Existing {
  byHandle?: { id: string } | null;
  bySku?: { nodes: Array<{ sku: string | null; product: { id: string } }> };
}

async function existing(ctx: ShopifyContext, handle: string | undefined, sku: string | undefined): Promise<{ byHandle: string | undefined; bySku: string[] }> {
  const { data } = await ctx.client.request<Existing>({
    operation: 'products.findByKey', query: EXISTING, cost: EXISTING_COST,
    variables: {
      identifier: { handle: handle ?? '' }, withHandle: handle !== undefined,
      skuQuery: sku ? `sku:${quoteSearch(sku)}` : '', withSku: Boolean(sku),
    },
  });
  // The search is by token: keep exact SKU matches only.
  const bySku = [...new Set((data.bySku?.nodes ?? []).filter((v) => v.sku === sku).map((v) => v.product.id))];
  return { byHandle: data.byHandle?.id, bySku };
}

/** Products carrying the natural key: the handle derived from the source id, or the SKU. */
export async function findProductsByKey(ctx: ShopifyContext, product: CanonicalProduct, key: NaturalKey): Promise<string[]> {
  const found = await existing(ctx, handleFor(key), key.sku ?? product.sku);
  return [...new Set([...(found.byHandle ? [found.byHandle] : []), ...found.bySku])];
}

/** Product ids whose variant has exactly this SKU. */
export async function productsWithSku(ctx: ShopifyContext, sku: string): Promise<string[]> {
  return (await existing(ctx, undefined, sku)).bySku;
}

function severalWithSku(sku: string, ids: string[]): ConnectorError {
  return new ConnectorError('permanent', `several Shopify products have SKU ${sku} (${ids.join(', ')}): resolve the duplicates or link one by hand`);
}

/**
 * Idempotent create (DESIGN §10): our own earlier product (same derived handle) is updated;
 * else exactly one product with the SKU is adopted, several fail clearly; else productSet
 * upserts by the handle, so a retry after a crash or a lost answer never makes a duplicate.
 */
export async function createProduct(ctx: ShopifyContext, product: CanonicalProduct, key: NaturalKey): Promise<string> {
  const handle = handleFor(key);
  const sku = key.sku ?? product.sku;
  const found = await existing(ctx, handle, sku);
  if (found.byHandle) {
    await updateProduct(ctx, found.byHandle, product);
    return found.byHandle;
  }
  if (found.bySku.length > 1) throw severalWithSku(sku, found.bySku);
  const adopted = found.bySku[0];
  if (adopted) {
    await updateProduct(ctx, adopted, product);
    return adopted;
  }
  const { data } = await ctx.client.request<{ productSet: { product: { id: string } | null; userErrors: ShopifyUserError[] } }>({
    operation: 'products.create', query: PRODUCT_SET, cost: MUTATION_COST,
    variables: { identifier: { handle }, input: { ...productSetInput(product), handle }, key: randomUUID() },
  });
  throwOnUserErrors('productSet', data.productSet.userErrors);
  const id = data.productSet.product?.id;
  if (!id) throw new ConnectorError('permanent', 'Shopify productSet answered without a product');
  return id;
}

/** Title, status and productType through productUpdate; SKU and price on the variant by id. */
export async function updateProduct(ctx: ShopifyContext, id: string, product: CanonicalProduct): Promise<void> {
  const productId = toGid('Product', id);
  const { data } = await ctx.client.request<{ product: { id: string; variants: { nodes: Array<{ id: string; sku: string | null }> } } | null }>({
    operation: 'products.variants', query: VARIANTS_OF, variables: { id: productId }, cost: VARIANTS_OF_COST,
  });
  if (!data.product) throw new ConnectorError('not_found', `Shopify product ${productId} does not exist`);
  const variants = data.product.variants.nodes;
  const several = variants.length > 1 ? variantProblem(productId, variants) : undefined;
  if (several) throw new ConnectorError('permanent', several);
  const variant = variants[0];
  if (!variant) throw new ConnectorError('permanent', `Shopify product ${productId} has no variant`);
  const result = await ctx.client.request<{ productUpdate: { userErrors: ShopifyUserError[] }; productVariantsBulkUpdate: { userErrors: ShopifyUserError[] } }>({
    operation: 'products.update', query: UPDATE, cost: 2 * MUTATION_COST,
    variables: {
      product: productUpdateInput(productId, product), productId, variants: [variantUpdateInput(variant.id, product)],
      k1: randomUUID(), k2: randomUUID(),
    },
  });
  throwOnUserErrors('productUpdate', result.data.productUpdate.userErrors);
  throwOnUserErrors('productVariantsBulkUpdate', result.data.productVariantsBulkUpdate.userErrors);
}
