import { describe, expect, it } from 'vitest';
import { inventoryFromRow } from './inventory.js';

describe('inventory mapping', () => {
  it('reads quantity on hand at the location, zero when the item is not stocked there', () => {
    expect(inventoryFromRow({ id: '5', itemid: 'SKU-5', quantity: '12', modified: '2026-03-08 03:00:00' }, 'America/New_York')).toEqual({
      id: '5',
      updatedAt: new Date('2026-03-08T07:00:00Z'),
      data: { kind: 'inventory', sku: 'SKU-5', quantity: 12 },
    });
    expect(inventoryFromRow({ id: '6', itemid: 'SKU-6', modified: '2026-03-08 03:00:00' }, 'UTC').data.quantity).toBe(0);
  });
});
