import type { CanonicalInventoryLevel, SourceRecord } from '../../types.js';
import { fromWallTime } from '../account-time.js';
import type { SuiteQLRow } from '../client.js';
import { requireColumns } from './product.js';

/** An item row with its quantity on hand at the configured location (absent: none stocked there). */
export function inventoryFromRow(row: SuiteQLRow, timeZone: string): SourceRecord<CanonicalInventoryLevel> {
  requireColumns(row, ['id', 'itemid', 'modified']);
  const quantity = row.quantity === undefined ? 0 : Number(row.quantity);
  return {
    id: row.id,
    updatedAt: fromWallTime(row.modified, timeZone),
    data: { kind: 'inventory', sku: row.itemid, quantity: Number.isFinite(quantity) ? quantity : 0 },
  };
}
