import type { SimClock } from '../common/clock.js';
import { TimeIndex, type TimeBound } from '../common/time-index.js';
import { isoSeconds, toGid, wholeSecond } from './gid.js';
import type {
  InventoryItemRecord,
  InventoryLevelRecord,
  LocationRecord,
  OrderRecord,
  ProductOption,
  ProductRecord,
  ProductSnapshot,
  ProductStatus,
  SelectedOption,
  VariantRecord,
} from './records.js';

export interface NewVariant {
  sku?: string | null;
  price?: string;
  selectedOptions?: SelectedOption[];
  /** Available quantity at every location (default 0). */
  quantity?: number;
}

export interface NewProduct {
  title: string;
  handle?: string;
  status?: ProductStatus;
  vendor?: string;
  productType?: string;
  tags?: string[];
  options?: ProductOption[];
  variants?: NewVariant[];
  createdAt?: Date;
  updatedAt?: Date;
}

export type ProductPatch = Partial<Pick<ProductRecord, 'title' | 'handle' | 'status' | 'vendor' | 'productType' | 'tags'>>;

const DEFAULT_OPTION: SelectedOption = { name: 'Title', value: 'Default Title' };

export function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'product';
}

/** All records in Maps with the indexes lookups need, so 100,000 products stay fast. */
export class ShopifyStore {
  readonly products = new Map<string, ProductRecord>();
  readonly variants = new Map<string, VariantRecord>();
  readonly inventoryItems = new Map<string, InventoryItemRecord>();
  /** inventory item id → location id → level */
  readonly levels = new Map<string, Map<string, InventoryLevelRecord>>();
  readonly locations = new Map<string, LocationRecord>();
  readonly orders = new Map<string, OrderRecord>();
  private readonly byHandle = new Map<string, string>();
  private nextNum = new Map<string, number>();
  /** Bumped on every change, so cached sorted lists know when they are stale. */
  version = 0;
  /** Products by (updatedAt, num), for `updated_at:>` reads; every write of updatedAt must `touch` it. */
  private readonly byUpdated = new TimeIndex(
    (id) => {
      const p = this.products.get(id);
      return p && { at: p.updatedAt.getTime(), id: p.num };
    },
    () => this.products.keys(),
  );

  constructor(private readonly clock: SimClock) {}

  /** Products updated at or after `from` (a TimeBound on (updatedAt, num)), ordered by (updatedAt, num). */
  productsUpdatedFrom(from: TimeBound): ProductRecord[] {
    return this.byUpdated.range(from, null).map((id) => this.products.get(id) as ProductRecord);
  }

  now(): Date {
    return wholeSecond(this.clock.now());
  }

  allocate(type: string): { id: string; num: number } {
    const num = this.nextNum.get(type) ?? 1001;
    this.nextNum.set(type, num + 1);
    return { id: toGid(type, num), num };
  }

  reset(): void {
    for (const map of [this.products, this.variants, this.inventoryItems, this.levels, this.locations, this.orders, this.byHandle]) map.clear();
    this.nextNum.clear();
    this.byUpdated.reset();
    this.version += 1;
  }

  addLocation(name: string): LocationRecord {
    const { id, num } = this.allocate('Location');
    const location: LocationRecord = { __typename: 'Location', id, num, name, isActive: true };
    this.locations.set(id, location);
    for (const item of this.inventoryItems.values()) this.levelFor(item.id, id);
    this.version += 1;
    return location;
  }

  productByHandle(handle: string): ProductRecord | undefined {
    const id = this.byHandle.get(handle);
    return id ? this.products.get(id) : undefined;
  }

  /** A free handle: the base itself or the base with the first free `-N` suffix. */
  uniqueHandle(base: string): string {
    let handle = slugify(base);
    for (let n = 1; this.byHandle.has(handle); n++) handle = `${slugify(base)}-${n}`;
    return handle;
  }

  createProduct(input: NewProduct): ProductRecord {
    const { id, num } = this.allocate('Product');
    const at = input.createdAt ? wholeSecond(input.createdAt) : this.now();
    const options = input.options && input.options.length > 0 ? input.options : [{ name: 'Title', values: ['Default Title'] }];
    const product: ProductRecord = {
      __typename: 'Product', id, num,
      title: input.title,
      handle: input.handle ?? this.uniqueHandle(input.title),
      status: input.status ?? 'ACTIVE',
      vendor: input.vendor ?? 'Synclane Simulator',
      productType: input.productType ?? '',
      tags: input.tags ?? [],
      options,
      metafields: [],
      variantIds: [],
      createdAt: at,
      updatedAt: input.updatedAt ? wholeSecond(input.updatedAt) : at,
    };
    this.products.set(id, product);
    this.byUpdated.touch(id);
    this.byHandle.set(product.handle, id);
    for (const v of input.variants && input.variants.length > 0 ? input.variants : [{}]) this.addVariant(product, v, false);
    this.version += 1;
    return product;
  }

  updateProduct(product: ProductRecord, patch: ProductPatch): void {
    if (patch.handle !== undefined && patch.handle !== product.handle) {
      this.byHandle.delete(product.handle);
      this.byHandle.set(patch.handle, product.id);
    }
    Object.assign(product, patch);
    this.touch(product);
  }

  touch(product: ProductRecord): void {
    product.updatedAt = this.now();
    this.byUpdated.touch(product.id);
    this.version += 1;
  }

  addVariant(product: ProductRecord, input: NewVariant, touch = true): VariantRecord {
    const { id, num } = this.allocate('ProductVariant');
    const item = this.allocate('InventoryItem');
    const selectedOptions = input.selectedOptions && input.selectedOptions.length > 0 ? input.selectedOptions : [DEFAULT_OPTION];
    const variant: VariantRecord = {
      __typename: 'ProductVariant', id, num,
      productId: product.id,
      title: selectedOptions.map((o) => o.value).join(' / '),
      sku: input.sku ?? null,
      price: input.price ?? '0.00',
      selectedOptions,
      inventoryItemId: item.id,
      createdAt: product.updatedAt,
      updatedAt: product.updatedAt,
    };
    this.variants.set(id, variant);
    this.inventoryItems.set(item.id, {
      __typename: 'InventoryItem', id: item.id, num: item.num, variantId: id, tracked: true,
      createdAt: product.updatedAt, updatedAt: product.updatedAt,
    });
    for (const locationId of this.locations.keys()) this.levelFor(item.id, locationId).available = input.quantity ?? 0;
    for (const level of this.levels.get(item.id)?.values() ?? []) level.onHand = level.available;
    product.variantIds.push(id);
    if (touch) this.touch(product);
    return variant;
  }

  deleteVariant(variantId: string): void {
    const variant = this.variants.get(variantId);
    if (!variant) return;
    this.variants.delete(variantId);
    this.inventoryItems.delete(variant.inventoryItemId);
    this.levels.delete(variant.inventoryItemId);
    const product = this.products.get(variant.productId);
    if (product) product.variantIds = product.variantIds.filter((v) => v !== variantId);
    this.version += 1;
  }

  variantsOf(product: ProductRecord): VariantRecord[] {
    return product.variantIds.map((id) => this.variants.get(id)).filter((v): v is VariantRecord => v !== undefined);
  }

  levelFor(inventoryItemId: string, locationId: string): InventoryLevelRecord {
    let byLocation = this.levels.get(inventoryItemId);
    if (!byLocation) this.levels.set(inventoryItemId, (byLocation = new Map()));
    let level = byLocation.get(locationId);
    if (!level) {
      const item = inventoryItemId.slice(inventoryItemId.lastIndexOf('/') + 1);
      const location = locationId.slice(locationId.lastIndexOf('/') + 1);
      level = {
        __typename: 'InventoryLevel',
        id: `gid://shopify/InventoryLevel/${item}${location}?inventory_item_id=${item}`,
        inventoryItemId, locationId, available: 0, onHand: 0, updatedAt: this.now(),
      };
      byLocation.set(locationId, level);
    }
    return level;
  }

  /** Sets the available quantity; like Shopify, the product's updatedAt does not move. */
  setAvailable(inventoryItemId: string, locationId: string, quantity: number): InventoryLevelRecord {
    const level = this.levelFor(inventoryItemId, locationId);
    level.onHand += quantity - level.available;
    level.available = quantity;
    level.updatedAt = this.now();
    this.version += 1;
    return level;
  }

  /** By GID, numeric id, handle or SKU (the first product with a variant of that SKU). */
  findProduct(idOrSku: string): ProductRecord | undefined {
    const direct = this.products.get(idOrSku) ?? this.products.get(toGid('Product', Number(idOrSku))) ?? this.productByHandle(idOrSku);
    if (direct) return direct;
    for (const variant of this.variants.values()) {
      if (variant.sku === idOrSku) return this.products.get(variant.productId);
    }
    return undefined;
  }

  snapshot(product: ProductRecord): ProductSnapshot {
    return {
      id: product.id, title: product.title, handle: product.handle, status: product.status,
      vendor: product.vendor, productType: product.productType, tags: [...product.tags],
      createdAt: isoSeconds(product.createdAt), updatedAt: isoSeconds(product.updatedAt),
      metafields: product.metafields.map((m) => ({ ...m })),
      variants: this.variantsOf(product).map((v) => ({
        id: v.id, sku: v.sku, price: v.price, title: v.title, inventoryItemId: v.inventoryItemId,
        available: Object.fromEntries([...(this.levels.get(v.inventoryItemId)?.values() ?? [])].map((l) => [l.locationId, l.available])),
      })),
    };
  }
}
