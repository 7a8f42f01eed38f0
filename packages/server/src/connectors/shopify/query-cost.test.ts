import { describe, expect, it } from 'vitest';
import { INVENTORY_NODE_COST } from './operations/inventory.js';
import { ORDER_NODE_COST } from './operations/orders.js';
import { PRODUCT_NODE_COST } from './operations/products.js';
import { batchSize, connectionCost, pageSize } from './query-cost.js';

describe('query cost sizing', () => {
  it('follows Shopify\'s rules for connections', () => {
    expect(connectionCost(250, 13)).toBe(3252);
    expect(connectionCost(10, 1)).toBe(12);
  });

  it('sizes nodes(ids:) batches and pages to stay within 1000 points and 250 items', () => {
    expect(PRODUCT_NODE_COST).toBe(5);
    expect(batchSize(PRODUCT_NODE_COST)).toBe(200);
    expect(pageSize(PRODUCT_NODE_COST)).toBe(199);
    expect(batchSize(1)).toBe(250);
    expect(pageSize(1, 20)).toBe(20);
    expect(batchSize(INVENTORY_NODE_COST) * INVENTORY_NODE_COST).toBeLessThanOrEqual(1000);
    expect(connectionCost(pageSize(ORDER_NODE_COST), ORDER_NODE_COST)).toBeLessThanOrEqual(1000);
  });
});
