import { paginate } from './connection.js';
import { list, str, typed, type Resolver, type SimContext } from './context.js';
import type { InventoryItemRecord, InventoryLevelRecord, LineItemRecord, OrderRecord, ProductRecord, VariantRecord } from './records.js';

const byNum = <T extends { num: number }>(item: T) => ({ value: item.num, num: item.num });

function moneyBag(amount: string, currencyCode: string) {
  const money = { amount, currencyCode };
  return { shopMoney: money, presentmentMoney: money };
}

function availableOf(ctx: SimContext, inventoryItemId: string): number {
  let sum = 0;
  for (const level of ctx.store.levels.get(inventoryItemId)?.values() ?? []) sum += level.available;
  return sum;
}

type LineWithCurrency = LineItemRecord & { currencyCode: string };

export const typeResolvers: Record<string, Record<string, Resolver>> = {
  Product: typed<ProductRecord>({
    totalInventory: (p, _a, ctx) => ctx.store.variantsOf(p).reduce((sum, v) => sum + availableOf(ctx, v.inventoryItemId), 0),
    variantsCount: (p) => ({ count: p.variantIds.length }),
    variants: (p, args, ctx) => paginate(ctx.store.variantsOf(p), byNum, args),
    metafield: (p, args) => p.metafields.find((m) => m.namespace === (str(args.namespace) ?? 'custom') && m.key === args.key) ?? null,
  }),
  ProductVariant: typed<VariantRecord>({
    displayName: (v, _a, ctx) => `${ctx.store.products.get(v.productId)?.title ?? ''} - ${v.title}`,
    inventoryQuantity: (v, _a, ctx) => availableOf(ctx, v.inventoryItemId),
    inventoryItem: (v, _a, ctx) => ctx.store.inventoryItems.get(v.inventoryItemId),
    product: (v, _a, ctx) => ctx.store.products.get(v.productId),
  }),
  InventoryItem: typed<InventoryItemRecord>({
    sku: (i, _a, ctx) => ctx.store.variants.get(i.variantId)?.sku ?? null,
    variant: (i, _a, ctx) => ctx.store.variants.get(i.variantId),
    inventoryLevel: (i, args, ctx) => ctx.store.levels.get(i.id)?.get(str(args.locationId) ?? '') ?? null,
    inventoryLevels: (i, args, ctx) => {
      const levels = [...(ctx.store.levels.get(i.id)?.values() ?? [])];
      const withNum = levels.map((l) => ({ ...l, num: ctx.store.locations.get(l.locationId)?.num ?? 0 }));
      return paginate(withNum, byNum, args);
    },
  }),
  InventoryLevel: typed<InventoryLevelRecord>({
    quantities: (l, args) =>
      list(args.names).map((name) => {
        const quantity = name === 'available' ? l.available : name === 'on_hand' ? l.onHand : name === 'committed' ? l.onHand - l.available : 0;
        return { name, quantity, updatedAt: l.updatedAt };
      }),
    location: (l, _a, ctx) => ctx.store.locations.get(l.locationId),
    item: (l, _a, ctx) => ctx.store.inventoryItems.get(l.inventoryItemId),
  }),
  Order: typed<OrderRecord>({
    totalShippingPriceSet: (o) => moneyBag(o.shipping, o.currencyCode),
    lineItems: (o, args) => paginate(o.lineItems.map((l): LineWithCurrency => ({ ...l, currencyCode: o.currencyCode })), byNum, args),
  }),
  LineItem: typed<LineWithCurrency>({
    originalUnitPriceSet: (l) => moneyBag(l.price, l.currencyCode),
    variant: (l, _a, ctx) => (l.variantId ? ctx.store.variants.get(l.variantId) ?? null : null),
  }),
};
