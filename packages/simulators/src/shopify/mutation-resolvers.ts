import { getDirectiveValues } from 'graphql';
import { badRequest, list, num, obj, str, versionAtLeast, type Args, type Resolver, type SimContext } from './context.js';
import { productPatch, productSet, userError, type ProductPayload, type UserError } from './product-set.js';
import type { InventoryLevelRecord, ProductStatus } from './records.js';

/** From this version inventory mutations need @idempotent and `changeFromQuantity` on every quantity. */
export const STRICT_INVENTORY_VERSION = '2026-04';

function productCreate(ctx: SimContext, args: Args): ProductPayload {
  const input = obj(args.product) ?? {};
  const title = str(input.title);
  if (!title) return { product: null, userErrors: [userError(['title'], "Title can't be blank", 'BLANK')] };
  // Since 2024-10 productCreate makes only the default variant; variants come from other mutations.
  const product = ctx.store.createProduct({
    title,
    handle: ctx.store.uniqueHandle(str(input.handle) ?? title),
    status: (str(input.status) as ProductStatus | undefined) ?? 'ACTIVE',
    vendor: str(input.vendor),
    productType: str(input.productType),
    tags: Array.isArray(input.tags) ? input.tags.map(String) : undefined,
  });
  return { product, userErrors: [] };
}

function productUpdate(ctx: SimContext, args: Args): ProductPayload {
  const input = obj(args.product) ?? {};
  const product = ctx.store.products.get(str(input.id) ?? '');
  if (!product) return { product: null, userErrors: [userError(['id'], 'Product does not exist', 'PRODUCT_DOES_NOT_EXIST')] };
  const patch = productPatch(input);
  const owner = patch.handle ? ctx.store.productByHandle(patch.handle) : undefined;
  if (owner && owner !== product) return { product, userErrors: [userError(['handle'], `Handle '${patch.handle}' has already been taken`, 'TAKEN')] };
  ctx.store.updateProduct(product, patch);
  return { product, userErrors: [] };
}

function productVariantsBulkUpdate(ctx: SimContext, args: Args) {
  const { store } = ctx;
  const product = store.products.get(str(args.productId) ?? '');
  if (!product) return { product: null, productVariants: null, userErrors: [userError(['productId'], 'Product does not exist', 'PRODUCT_DOES_NOT_EXIST')] };
  const inputs = list(args.variants).map((v) => obj(v) ?? {});
  const errors: UserError[] = [];
  for (const [i, input] of inputs.entries()) {
    const variant = store.variants.get(str(input.id) ?? '');
    if (!variant || variant.productId !== product.id) errors.push(userError(['variants', String(i), 'id'], 'Product variant does not exist', 'PRODUCT_VARIANT_DOES_NOT_EXIST'));
  }
  if (errors.length > 0) return { product, productVariants: null, userErrors: errors };
  const updated = inputs.map((input) => {
    const variant = store.variants.get(str(input.id) ?? '');
    if (!variant) throw new Error('checked above');
    const price = str(input.price);
    if (price !== undefined) variant.price = price;
    const item = obj(input.inventoryItem);
    if (item && 'sku' in item) variant.sku = str(item.sku) ?? null;
    const record = store.inventoryItems.get(variant.inventoryItemId);
    if (record && typeof item?.tracked === 'boolean') record.tracked = item.tracked;
    variant.updatedAt = store.now();
    return variant;
  });
  store.touch(product);
  return { product, productVariants: updated, userErrors: [] };
}

function inventorySetQuantities(ctx: SimContext, args: Args) {
  const { store } = ctx;
  const input = obj(args.input) ?? {};
  const name = str(input.name) ?? '';
  const strict = versionAtLeast(ctx.apiVersion, STRICT_INVENTORY_VERSION);
  const quantities = list(input.quantities).map((q) => obj(q) ?? {});
  if (name !== 'available' && name !== 'on_hand') {
    return { inventoryAdjustmentGroup: null, userErrors: [userError(['input', 'name'], `The quantity name '${name}' is not valid`, 'INVALID_NAME')] };
  }
  const errors: UserError[] = [];
  const levels: InventoryLevelRecord[] = [];
  for (const [i, q] of quantities.entries()) {
    const path = ['input', 'quantities', String(i)];
    if (strict && !('changeFromQuantity' in q)) {
      throw badRequest(`changeFromQuantity is required on every quantity from API version ${STRICT_INVENTORY_VERSION} (null opts out)`);
    }
    const itemId = str(q.inventoryItemId) ?? '';
    const locationId = str(q.locationId) ?? '';
    if (!store.inventoryItems.has(itemId)) errors.push(userError([...path, 'inventoryItemId'], 'The specified inventory item could not be found.', 'INVALID_INVENTORY_ITEM'));
    else if (!store.locations.has(locationId)) errors.push(userError([...path, 'locationId'], 'The specified location could not be found.', 'INVALID_LOCATION'));
    else {
      const level = store.levelFor(itemId, locationId);
      const current = name === 'available' ? level.available : level.onHand;
      const expected = 'changeFromQuantity' in q ? num(q.changeFromQuantity) : input.ignoreCompareQuantity ? undefined : num(q.compareQuantity);
      if (expected !== undefined && expected !== current) {
        errors.push(userError([...path, 'changeFromQuantity'], `The quantity changed: expected ${expected}, found ${current}.`, 'CHANGE_FROM_QUANTITY_STALE'));
      }
      levels.push(level);
    }
  }
  if (errors.length > 0) return { inventoryAdjustmentGroup: null, userErrors: errors };
  const changes = quantities.map((q, i) => {
    const level = levels[i] as InventoryLevelRecord;
    const before = name === 'available' ? level.available : level.onHand;
    const target = num(q.quantity) ?? 0;
    store.setAvailable(level.inventoryItemId, level.locationId, name === 'available' ? target : level.available + (target - level.onHand));
    return {
      name, delta: target - before, quantityAfterChange: target,
      item: store.inventoryItems.get(level.inventoryItemId), location: store.locations.get(level.locationId),
    };
  });
  const group = store.allocate('InventoryAdjustmentGroup');
  return { inventoryAdjustmentGroup: { id: group.id, reason: str(input.reason) ?? 'correction', changes }, userErrors: [] };
}

/**
 * @idempotent(key:): a repeated key answers the first result without running the mutation
 * again; the same key with other arguments is refused. Mandatory on inventory mutations
 * from 2026-04.
 */
function idempotent(name: string, run: (ctx: SimContext, args: Args) => unknown, required: (ctx: SimContext) => boolean): Resolver {
  return (_source, args, ctx, info) => {
    const directive = info.schema.getDirective('idempotent');
    const node = info.fieldNodes[0];
    const key = directive && node ? str(getDirectiveValues(directive, node, info.variableValues)?.key) : undefined;
    if (!key) {
      if (required(ctx)) throw badRequest(`The @idempotent directive is required for ${name} from API version ${STRICT_INVENTORY_VERSION}.`);
      return run(ctx, args);
    }
    const fingerprint = `${name}:${JSON.stringify(args)}`;
    const seen = ctx.idempotency.get(key);
    if (seen) {
      if (seen.fingerprint !== fingerprint) throw badRequest('This idempotency key was already used with different arguments.', 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH');
      return seen.result;
    }
    const result = run(ctx, args);
    ctx.idempotency.set(key, { fingerprint, result });
    return result;
  };
}

const optional = () => false;

export const mutationResolvers: Record<string, Resolver> = {
  productSet: idempotent('productSet', productSet, optional),
  productCreate: idempotent('productCreate', productCreate, optional),
  productUpdate: idempotent('productUpdate', productUpdate, optional),
  productVariantsBulkUpdate: idempotent('productVariantsBulkUpdate', productVariantsBulkUpdate, optional),
  inventorySetQuantities: idempotent('inventorySetQuantities', inventorySetQuantities, (ctx) => versionAtLeast(ctx.apiVersion, STRICT_INVENTORY_VERSION)),
};
