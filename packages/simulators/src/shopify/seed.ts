import type { CatalogueOptions } from '../catalogue.js';
import { generateCatalogue } from '../catalogue.js';
import { wholeSecond } from './gid.js';
import { normalizeDecimal } from './money.js';
import type { OrderRecord, ProductRecord, ProductStatus, VariantRecord } from './records.js';
import type { NewVariant, ShopifyStore } from './store.js';

export interface SeedVariantInput {
  sku?: string | null;
  price?: string;
  quantity?: number;
  /** Option value for products with several variants (default "Default Title"). */
  option?: string;
}

export interface SeedProductInput {
  sku?: string;
  title: string;
  price?: string;
  /** Either case: "active" or "ACTIVE". */
  status?: string;
  productType?: string;
  vendor?: string;
  handle?: string;
  quantity?: number;
  /** Several variants instead of the single one given by sku/price/quantity. */
  variants?: SeedVariantInput[];
  /** ISO-8601 or Date; default the simulator clock's now. */
  updatedAt?: string | Date;
  createdAt?: string | Date;
}

export interface SeedOrderLineInput {
  sku: string;
  quantity: number;
  price: string;
  title?: string;
}

export interface SeedOrderInput {
  name?: string;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  currency?: string;
  lines: SeedOrderLineInput[];
  shipping?: string;
  createdAt?: string | Date;
  updatedAt?: string | Date;
}

function toDate(value: string | Date | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime())) throw new Error(`invalid timestamp: ${String(value)}`);
  return wholeSecond(at);
}

function price(value: string | undefined): string {
  const normalized = normalizeDecimal(value ?? '0');
  if (normalized === undefined) throw new Error(`invalid price: ${String(value)}`);
  return normalized;
}

export function toStatus(value: string | undefined): ProductStatus {
  const upper = (value ?? 'active').toUpperCase();
  if (upper === 'ACTIVE' || upper === 'DRAFT' || upper === 'ARCHIVED') return upper;
  throw new Error(`unknown product status: ${value}`);
}

export function seedProducts(store: ShopifyStore, inputs: SeedProductInput[]): ProductRecord[] {
  return inputs.map((input) => {
    const several = input.variants && input.variants.length > 0;
    const variants: NewVariant[] = several
      ? (input.variants ?? []).map((v, i) => ({
          sku: v.sku ?? null, price: price(v.price), quantity: v.quantity ?? 0,
          selectedOptions: [{ name: 'Option', value: v.option ?? `Option ${i + 1}` }],
        }))
      : [{ sku: input.sku ?? null, price: price(input.price), quantity: input.quantity ?? 0 }];
    const options = several ? [{ name: 'Option', values: (input.variants ?? []).map((v, i) => v.option ?? `Option ${i + 1}`) }] : undefined;
    const updatedAt = toDate(input.updatedAt);
    return store.createProduct({
      title: input.title,
      handle: input.handle ?? store.uniqueHandle(input.title),
      status: toStatus(input.status),
      productType: input.productType ?? '',
      vendor: input.vendor,
      options,
      variants,
      createdAt: toDate(input.createdAt) ?? updatedAt,
      updatedAt,
    });
  });
}

export function seedOrders(store: ShopifyStore, inputs: SeedOrderInput[], skuIndex?: Map<string, VariantRecord>): OrderRecord[] {
  const index = skuIndex ?? new Map([...store.variants.values()].filter((v) => v.sku).map((v) => [v.sku as string, v]));
  return inputs.map((input) => {
    const { id, num } = store.allocate('Order');
    const createdAt = toDate(input.createdAt) ?? store.now();
    const customer = input.firstName || input.lastName ? { ...store.allocate('Customer'), firstName: input.firstName ?? null, lastName: input.lastName ?? null } : null;
    const order: OrderRecord = {
      __typename: 'Order', id, num,
      name: input.name ?? `#${num}`,
      email: input.email ?? null,
      currencyCode: input.currency ?? 'USD',
      customer: customer && { id: customer.id, firstName: customer.firstName, lastName: customer.lastName },
      shippingAddress: customer && { firstName: customer.firstName, lastName: customer.lastName, address1: '1 Market St', city: 'Springfield', zip: '12345', countryCodeV2: 'US' },
      shipping: input.shipping ?? '0.00',
      lineItems: input.lines.map((line) => {
        const variant = index.get(line.sku);
        const lineId = store.allocate('LineItem');
        return {
          __typename: 'LineItem' as const, id: lineId.id, num: lineId.num, sku: line.sku,
          title: line.title ?? (variant ? store.products.get(variant.productId)?.title ?? line.sku : line.sku),
          quantity: line.quantity, price: line.price, variantId: variant?.id ?? null,
        };
      }),
      createdAt,
      processedAt: createdAt,
      updatedAt: toDate(input.updatedAt) ?? createdAt,
    };
    store.orders.set(id, order);
    store.version += 1;
    return order;
  });
}

/**
 * Seeds the generated catalogue. Updated times run one second apart in groups of five
 * (ties are common on Shopify after bulk edits), ending at the clock's now.
 */
export function seedCatalogue(store: ShopifyStore, options: CatalogueOptions): void {
  const catalogue = generateCatalogue(options);
  const now = store.now().getTime();
  const count = catalogue.products.length;
  const skuIndex = new Map<string, VariantRecord>();
  for (const p of catalogue.products) {
    const updatedAt = new Date(now - Math.floor((count - p.index) / 5) * 1000);
    const product = store.createProduct({
      title: p.title,
      handle: `${p.sku.toLowerCase()}`,
      status: toStatus(p.status),
      productType: p.category,
      variants: [{ sku: p.sku, price: p.price, quantity: p.quantity }],
      createdAt: updatedAt,
      updatedAt,
    });
    const variant = store.variants.get(product.variantIds[0] as string);
    if (variant) skuIndex.set(p.sku, variant);
  }
  const orderCount = catalogue.orders.length;
  seedOrders(
    store,
    catalogue.orders.map((o) => {
      const at = new Date(now - (orderCount - o.index) * 60_000);
      return {
        name: o.name, email: o.email, firstName: o.firstName, lastName: o.lastName, currency: o.currency,
        lines: o.lines, shipping: o.shipping, createdAt: at, updatedAt: at,
      };
    }),
    skuIndex,
  );
}
