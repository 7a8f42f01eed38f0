// Shopify Admin GraphQL shapes as our documents select them.

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface ShopifyVariantNode {
  id: string;
  sku: string | null;
  price: string;
}

export interface ShopifyProductNode {
  id: string;
  title: string;
  handle: string;
  status: string;
  productType: string;
  updatedAt: string;
  variants: { nodes: ShopifyVariantNode[] };
}

export interface ShopifyInventoryVariantNode {
  id: string;
  sku: string | null;
  inventoryItem: {
    id: string;
    inventoryLevel: { quantities: Array<{ name: string; quantity: number }> } | null;
  };
}

export interface ShopifyInventoryProductNode {
  id: string;
  updatedAt: string;
  variants: { nodes: ShopifyInventoryVariantNode[] };
}

export interface ShopifyMoneyBag {
  shopMoney: { amount: string; currencyCode?: string };
}

export interface ShopifyLineItemNode {
  sku: string | null;
  quantity: number;
  originalUnitPriceSet: ShopifyMoneyBag;
}

export interface ShopifyOrderNode {
  id: string;
  name: string;
  email: string | null;
  currencyCode: string;
  createdAt: string;
  processedAt: string | null;
  updatedAt: string;
  customer: { firstName: string | null; lastName: string | null } | null;
  shippingAddress: { firstName: string | null; lastName: string | null } | null;
  totalShippingPriceSet: ShopifyMoneyBag;
  lineItems: { nodes: ShopifyLineItemNode[]; pageInfo: PageInfo };
}

export interface ShopifyUserError {
  field: string[] | null;
  message: string;
  code: string | null;
}
