// The subset of Shopify's Admin GraphQL schema the connector uses, with Shopify's names.
export const shopifySdl = /* GraphQL */ `
directive @idempotent(key: String!) on FIELD

scalar DateTime
scalar Money
scalar Decimal

interface Node { id: ID! }

enum ProductStatus { ACTIVE ARCHIVED DRAFT }
enum ProductSortKeys { ID TITLE UPDATED_AT CREATED_AT PRODUCT_TYPE VENDOR }
enum ProductVariantSortKeys { ID SKU TITLE }
enum OrderSortKeys { ID CREATED_AT UPDATED_AT PROCESSED_AT }
enum LocationSortKeys { ID NAME }
enum CurrencyCode { USD EUR GBP CAD AUD JPY CHF SEK NZD }

type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
type Count { count: Int! }

type Shop { id: ID! name: String! myshopifyDomain: String! currencyCode: CurrencyCode! ianaTimezone: String! }

type Metafield { namespace: String! key: String! value: String! type: String! }

type ProductOption { name: String! values: [String!]! }
type SelectedOption { name: String! value: String! }

type Product implements Node {
  id: ID!
  title: String!
  handle: String!
  status: ProductStatus!
  vendor: String!
  productType: String!
  tags: [String!]!
  createdAt: DateTime!
  updatedAt: DateTime!
  totalInventory: Int!
  options: [ProductOption!]!
  variantsCount: Count
  variants(first: Int, after: String, last: Int, before: String): ProductVariantConnection!
  metafield(namespace: String, key: String!): Metafield
}
type ProductEdge { cursor: String! node: Product! }
type ProductConnection { edges: [ProductEdge!]! nodes: [Product!]! pageInfo: PageInfo! }

type ProductVariant implements Node {
  id: ID!
  title: String!
  sku: String
  price: Money!
  displayName: String!
  selectedOptions: [SelectedOption!]!
  inventoryQuantity: Int
  inventoryItem: InventoryItem!
  product: Product!
  createdAt: DateTime!
  updatedAt: DateTime!
}
type ProductVariantEdge { cursor: String! node: ProductVariant! }
type ProductVariantConnection { edges: [ProductVariantEdge!]! nodes: [ProductVariant!]! pageInfo: PageInfo! }

type InventoryItem implements Node {
  id: ID!
  sku: String
  tracked: Boolean!
  createdAt: DateTime!
  updatedAt: DateTime!
  variant: ProductVariant!
  inventoryLevel(locationId: ID!): InventoryLevel
  inventoryLevels(first: Int, after: String, last: Int, before: String): InventoryLevelConnection!
}
type InventoryItemEdge { cursor: String! node: InventoryItem! }
type InventoryItemConnection { edges: [InventoryItemEdge!]! nodes: [InventoryItem!]! pageInfo: PageInfo! }

type InventoryQuantity { name: String! quantity: Int! updatedAt: DateTime }
type InventoryLevel implements Node {
  id: ID!
  quantities(names: [String!]!): [InventoryQuantity!]!
  location: Location!
  item: InventoryItem!
  updatedAt: DateTime!
}
type InventoryLevelEdge { cursor: String! node: InventoryLevel! }
type InventoryLevelConnection { edges: [InventoryLevelEdge!]! nodes: [InventoryLevel!]! pageInfo: PageInfo! }

type Location implements Node { id: ID! name: String! isActive: Boolean! }
type LocationEdge { cursor: String! node: Location! }
type LocationConnection { edges: [LocationEdge!]! nodes: [Location!]! pageInfo: PageInfo! }

type MoneyV2 { amount: Decimal! currencyCode: CurrencyCode! }
type MoneyBag { shopMoney: MoneyV2! presentmentMoney: MoneyV2! }
type MailingAddress { firstName: String lastName: String address1: String city: String zip: String countryCodeV2: String }
type Customer implements Node { id: ID! firstName: String lastName: String }

type LineItem implements Node {
  id: ID!
  sku: String
  title: String!
  quantity: Int!
  originalUnitPriceSet: MoneyBag!
  variant: ProductVariant
}
type LineItemEdge { cursor: String! node: LineItem! }
type LineItemConnection { edges: [LineItemEdge!]! nodes: [LineItem!]! pageInfo: PageInfo! }

type Order implements Node {
  id: ID!
  name: String!
  email: String
  currencyCode: CurrencyCode!
  createdAt: DateTime!
  processedAt: DateTime!
  updatedAt: DateTime!
  customer: Customer
  shippingAddress: MailingAddress
  totalShippingPriceSet: MoneyBag!
  lineItems(first: Int, after: String, last: Int, before: String): LineItemConnection!
}
type OrderEdge { cursor: String! node: Order! }
type OrderConnection { edges: [OrderEdge!]! nodes: [Order!]! pageInfo: PageInfo! }

input UniqueMetafieldValueInput { namespace: String key: String! value: String! }
input ProductIdentifierInput { id: ID handle: String customId: UniqueMetafieldValueInput }
input ProductSetIdentifiers { id: ID handle: String customId: UniqueMetafieldValueInput }

input OptionValueSetInput { name: String }
input OptionSetInput { name: String values: [OptionValueSetInput!] }
input VariantOptionValueInput { optionName: String name: String }
input InventoryItemInput { sku: String tracked: Boolean }
input MetafieldInput { namespace: String key: String value: String type: String }

input ProductVariantSetInput {
  id: ID
  price: Money
  optionValues: [VariantOptionValueInput!]!
  inventoryItem: InventoryItemInput
}
input ProductSetInput {
  title: String
  handle: String
  status: ProductStatus
  vendor: String
  productType: String
  tags: [String!]
  productOptions: [OptionSetInput!]
  variants: [ProductVariantSetInput!]
  metafields: [MetafieldInput!]
}
input ProductCreateInput { title: String! handle: String status: ProductStatus vendor: String productType: String tags: [String!] }
input ProductUpdateInput { id: ID! title: String handle: String status: ProductStatus vendor: String productType: String tags: [String!] }
input ProductVariantsBulkInput { id: ID! price: Money inventoryItem: InventoryItemInput }

input InventoryQuantityInput { inventoryItemId: ID! locationId: ID! quantity: Int! changeFromQuantity: Int compareQuantity: Int }
input InventorySetQuantitiesInput { name: String! reason: String! referenceDocumentUri: String ignoreCompareQuantity: Boolean quantities: [InventoryQuantityInput!]! }

type UserError { field: [String!] message: String! code: String }
type ProductSetOperation { id: ID! status: String! }
type ProductSetPayload { product: Product productSetOperation: ProductSetOperation userErrors: [UserError!]! }
type ProductCreatePayload { product: Product userErrors: [UserError!]! }
type ProductUpdatePayload { product: Product userErrors: [UserError!]! }
type ProductVariantsBulkUpdatePayload { product: Product productVariants: [ProductVariant!] userErrors: [UserError!]! }
type InventoryChange { name: String! delta: Int! quantityAfterChange: Int item: InventoryItem location: Location }
type InventoryAdjustmentGroup { id: ID! reason: String! changes: [InventoryChange!]! }
type InventorySetQuantitiesPayload { inventoryAdjustmentGroup: InventoryAdjustmentGroup userErrors: [UserError!]! }

type Query {
  shop: Shop!
  node(id: ID!): Node
  nodes(ids: [ID!]!): [Node]!
  product(id: ID!): Product
  productByIdentifier(identifier: ProductIdentifierInput!): Product
  products(first: Int, after: String, last: Int, before: String, query: String, sortKey: ProductSortKeys = ID, reverse: Boolean = false): ProductConnection!
  productVariants(first: Int, after: String, last: Int, before: String, query: String, sortKey: ProductVariantSortKeys = ID, reverse: Boolean = false): ProductVariantConnection!
  inventoryItem(id: ID!): InventoryItem
  inventoryItems(first: Int, after: String, last: Int, before: String, query: String, reverse: Boolean = false): InventoryItemConnection!
  location(id: ID): Location
  locations(first: Int, after: String, last: Int, before: String, sortKey: LocationSortKeys = ID, reverse: Boolean = false, includeInactive: Boolean = false): LocationConnection!
  order(id: ID!): Order
  orders(first: Int, after: String, last: Int, before: String, query: String, sortKey: OrderSortKeys = ID, reverse: Boolean = false): OrderConnection!
}

type Mutation {
  productSet(identifier: ProductSetIdentifiers, input: ProductSetInput!, synchronous: Boolean = true): ProductSetPayload
  productCreate(product: ProductCreateInput): ProductCreatePayload
  productUpdate(product: ProductUpdateInput): ProductUpdatePayload
  productVariantsBulkUpdate(productId: ID!, variants: [ProductVariantsBulkInput!]!, allowPartialUpdates: Boolean = false): ProductVariantsBulkUpdatePayload
  inventorySetQuantities(input: InventorySetQuantitiesInput!): InventorySetQuantitiesPayload
}
`;
