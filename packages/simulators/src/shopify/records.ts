// The simulator's stored records. Ids are GIDs; `num` is the numeric part, used to sort.

export type ProductStatus = 'ACTIVE' | 'DRAFT' | 'ARCHIVED';

export interface ProductOption {
  name: string;
  values: string[];
}

export interface SelectedOption {
  name: string;
  value: string;
}

export interface MetafieldRecord {
  namespace: string;
  key: string;
  value: string;
  type: string;
}

export interface ProductRecord {
  __typename: 'Product';
  id: string;
  num: number;
  title: string;
  handle: string;
  status: ProductStatus;
  vendor: string;
  productType: string;
  tags: string[];
  options: ProductOption[];
  metafields: MetafieldRecord[];
  variantIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface VariantRecord {
  __typename: 'ProductVariant';
  id: string;
  num: number;
  productId: string;
  title: string;
  sku: string | null;
  /** Decimal string, as Shopify's Money scalar. */
  price: string;
  selectedOptions: SelectedOption[];
  inventoryItemId: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface InventoryItemRecord {
  __typename: 'InventoryItem';
  id: string;
  num: number;
  variantId: string;
  tracked: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface InventoryLevelRecord {
  __typename: 'InventoryLevel';
  id: string;
  inventoryItemId: string;
  locationId: string;
  available: number;
  onHand: number;
  updatedAt: Date;
}

export interface LocationRecord {
  __typename: 'Location';
  id: string;
  num: number;
  name: string;
  isActive: boolean;
}

export interface LineItemRecord {
  __typename: 'LineItem';
  id: string;
  num: number;
  sku: string | null;
  title: string;
  quantity: number;
  /** Unit price, decimal string. */
  price: string;
  variantId: string | null;
}

export interface AddressRecord {
  firstName: string | null;
  lastName: string | null;
  address1: string | null;
  city: string | null;
  zip: string | null;
  countryCodeV2: string | null;
}

export interface OrderRecord {
  __typename: 'Order';
  id: string;
  num: number;
  name: string;
  email: string | null;
  currencyCode: string;
  customer: { id: string; firstName: string | null; lastName: string | null } | null;
  shippingAddress: AddressRecord | null;
  /** Shipping charge, decimal string. */
  shipping: string;
  lineItems: LineItemRecord[];
  createdAt: Date;
  processedAt: Date;
  updatedAt: Date;
}

/** A product with its variants, inventory and levels, as the control API answers it. */
export interface ProductSnapshot {
  id: string;
  title: string;
  handle: string;
  status: ProductStatus;
  vendor: string;
  productType: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  metafields: MetafieldRecord[];
  variants: Array<{
    id: string;
    sku: string | null;
    price: string;
    title: string;
    inventoryItemId: string;
    /** Available quantity by location id. */
    available: Record<string, number>;
  }>;
}
