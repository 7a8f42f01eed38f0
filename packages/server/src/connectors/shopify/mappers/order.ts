import type { CanonicalOrder, SourceRecord } from '../../types.js';
import { normalizeMoney } from './money.js';
import { orProblem } from './product.js';
import { parseInstant } from './time.js';
import type { ShopifyOrderNode } from './wire.js';

/** Shopify order → canonical order; a line without a SKU cannot become a NetSuite line, so the order is refused. */
export function orderFromShopify(node: ShopifyOrderNode): SourceRecord<CanonicalOrder> {
  const problems: string[] = [];
  const shipping = orProblem(problems, '0.00', () => normalizeMoney(node.totalShippingPriceSet.shopMoney.amount));
  const lines = node.lineItems.nodes.map((line) => ({
    sku: line.sku ?? '',
    quantity: line.quantity,
    price: orProblem(problems, '0.00', () => normalizeMoney(line.originalUnitPriceSet.shopMoney.amount)),
  }));
  const missing = lines.findIndex((l) => l.sku === '');
  if (missing >= 0) problems.push(`Shopify order ${node.name} has a line item without a SKU (line ${missing + 1})`);
  const record: SourceRecord<CanonicalOrder> = {
    id: node.id,
    updatedAt: orProblem(problems, new Date(0), () => parseInstant(node.updatedAt)),
    data: {
      kind: 'order',
      orderNumber: node.name,
      email: node.email ?? null,
      firstName: node.customer?.firstName ?? node.shippingAddress?.firstName ?? null,
      lastName: node.customer?.lastName ?? node.shippingAddress?.lastName ?? null,
      currency: node.currencyCode,
      lines,
      // Shopify always sends a shipping total; zero means the order has no shipping charge.
      shipping: shipping === '0.00' ? null : shipping,
      placedAt: orProblem(problems, new Date(0), () => parseInstant(node.processedAt ?? node.createdAt)),
    },
  };
  return problems.length > 0 ? { ...record, unsyncable: problems.join('; ') } : record;
}
