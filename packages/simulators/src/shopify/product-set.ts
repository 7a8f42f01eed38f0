import { list, obj, str, type Args, type SimContext } from './context.js';
import { findProductByIdentifier } from './query-resolvers.js';
import type { ProductOption, ProductRecord, ProductStatus, SelectedOption, VariantRecord } from './records.js';
import type { ProductPatch } from './store.js';

export interface UserError {
  field: string[] | null;
  message: string;
  code: string | null;
}

export interface ProductPayload {
  product: ProductRecord | null;
  userErrors: UserError[];
}

export function userError(field: string[] | null, message: string, code: string | null): UserError {
  return { field, message, code };
}

/** The product fields an input sets; absent keys leave the product's values alone. */
export function productPatch(input: Args): ProductPatch {
  const patch: ProductPatch = {};
  if (str(input.title) !== undefined) patch.title = str(input.title);
  if (str(input.handle) !== undefined) patch.handle = str(input.handle);
  if (str(input.status) !== undefined) patch.status = str(input.status) as ProductStatus;
  if (str(input.vendor) !== undefined) patch.vendor = str(input.vendor);
  if (str(input.productType) !== undefined) patch.productType = str(input.productType);
  if (Array.isArray(input.tags)) patch.tags = input.tags.map(String);
  return patch;
}

function selectedOptions(variant: Args): SelectedOption[] {
  return list(variant.optionValues).map((v) => ({ name: str(obj(v)?.optionName) ?? 'Title', value: str(obj(v)?.name) ?? '' }));
}

function sameOptions(a: SelectedOption[], b: SelectedOption[]): boolean {
  return a.length === b.length && a.every((o, i) => o.name === b[i]?.name && o.value === b[i]?.value);
}

function optionsFrom(input: Args, variants: Args[]): ProductOption[] {
  const given = list(input.productOptions).map(obj).filter((o): o is Args => o !== undefined);
  if (given.length > 0) return given.map((o) => ({ name: str(o.name) ?? 'Title', values: list(o.values).map((v) => str(obj(v)?.name) ?? '') }));
  const byName = new Map<string, string[]>();
  for (const v of variants) {
    for (const o of selectedOptions(v)) {
      const values = byName.get(o.name) ?? [];
      if (!values.includes(o.value)) values.push(o.value);
      byName.set(o.name, values);
    }
  }
  return [...byName].map(([name, values]) => ({ name, values }));
}

function applyVariant(ctx: SimContext, variant: VariantRecord, input: Args): void {
  const price = str(input.price);
  if (price !== undefined) variant.price = price;
  const item = obj(input.inventoryItem);
  if (item && 'sku' in item) variant.sku = str(item.sku) ?? null;
  const tracked = item?.tracked;
  const record = ctx.store.inventoryItems.get(variant.inventoryItemId);
  if (record && typeof tracked === 'boolean') record.tracked = tracked;
  variant.updatedAt = ctx.store.now();
}

/**
 * productSet: upserts by handle or customId (an id only updates). Variants are replaced
 * wholesale: matched by id, else by option values; the ones left out are deleted.
 */
export function productSet(ctx: SimContext, args: Args): ProductPayload & { productSetOperation: null } {
  const { store } = ctx;
  const identifier = obj(args.identifier);
  const input = obj(args.input) ?? {};
  const variantInputs = list(input.variants).map((v) => obj(v) ?? {});
  const fail = (e: UserError) => ({ product: null, productSetOperation: null, userErrors: [e] });

  let product = identifier ? findProductByIdentifier(ctx, identifier) : null;
  if (identifier && str(identifier.id) && !product) return fail(userError(['identifier', 'id'], 'Product does not exist', 'PRODUCT_DOES_NOT_EXIST'));
  for (const [i, v] of variantInputs.entries()) {
    if (list(v.optionValues).length === 0) return fail(userError(['input', 'variants', String(i), 'optionValues'], 'Option values are required', 'INVALID_VARIANT'));
  }
  const known = new Set(product ? product.variantIds : []);
  for (const [i, v] of variantInputs.entries()) {
    const id = str(v.id);
    if (id && !known.has(id)) return fail(userError(['input', 'variants', String(i), 'id'], 'Product variant does not exist', 'PRODUCT_VARIANT_DOES_NOT_EXIST'));
  }
  const handle = str(input.handle) ?? (identifier ? str(identifier.handle) : undefined);
  if (handle && store.productByHandle(handle) && store.productByHandle(handle) !== product) {
    return fail(userError(['input', 'handle'], `Handle '${handle}' has already been taken`, 'TAKEN'));
  }

  if (!product) {
    const title = str(input.title);
    if (!title) return fail(userError(['input', 'title'], "Title can't be blank", 'BLANK'));
    product = store.createProduct({
      title,
      handle: handle ?? store.uniqueHandle(title),
      status: (str(input.status) as ProductStatus | undefined) ?? 'ACTIVE',
      vendor: str(input.vendor),
      productType: str(input.productType),
      tags: Array.isArray(input.tags) ? input.tags.map(String) : undefined,
      options: variantInputs.length > 0 ? optionsFrom(input, variantInputs) : undefined,
      variants: variantInputs.length > 0 ? [] : undefined,
    });
    if (variantInputs.length > 0) for (const id of [...product.variantIds]) store.deleteVariant(id);
    const custom = identifier && obj(identifier.customId);
    if (custom) product.metafields.push({ namespace: str(custom.namespace) ?? 'custom', key: String(custom.key), value: String(custom.value), type: 'id' });
  } else {
    store.updateProduct(product, productPatch(input));
    if (variantInputs.length > 0) product.options = optionsFrom(input, variantInputs);
  }

  if (variantInputs.length > 0) {
    const existing = store.variantsOf(product);
    const kept = new Set<string>();
    for (const v of variantInputs) {
      const options = selectedOptions(v);
      const id = str(v.id);
      let variant = id ? existing.find((e) => e.id === id) : existing.find((e) => !kept.has(e.id) && sameOptions(e.selectedOptions, options));
      if (!variant) variant = store.addVariant(product, { selectedOptions: options }, false);
      variant.selectedOptions = options;
      variant.title = options.map((o) => o.value).join(' / ');
      applyVariant(ctx, variant, v);
      kept.add(variant.id);
    }
    for (const e of existing) if (!kept.has(e.id)) store.deleteVariant(e.id);
  }
  for (const m of list(input.metafields).map((x) => obj(x) ?? {})) {
    const namespace = str(m.namespace) ?? 'custom';
    const key = str(m.key) ?? '';
    const found = product.metafields.find((x) => x.namespace === namespace && x.key === key);
    if (found) found.value = str(m.value) ?? '';
    else product.metafields.push({ namespace, key, value: str(m.value) ?? '', type: str(m.type) ?? 'single_line_text_field' });
  }
  store.touch(product);
  return { product, productSetOperation: null, userErrors: [] };
}
