import { ConnectorError } from '../../errors.js';
import type { CanonicalInventoryLevel } from '../../types.js';
import { inventoryFromRow } from '../mappers/inventory.js';
import type { NetSuiteContext } from './context.js';
import type { ItemView } from './items.js';

/**
 * NetSuite is the inventory source: quantity on hand at the connection's location
 * (settings.locationId), or the item's total over all locations when none is configured.
 */
export function inventoryView(ctx: Pick<NetSuiteContext, 'settings'>): ItemView<CanonicalInventoryLevel> {
  const location = ctx.settings.locationId;
  if (location === null) return { columns: 'item.itemid AS itemid, item.totalquantityonhand AS quantity', from: 'item', map: inventoryFromRow };
  if (!/^\d+$/.test(location)) throw new ConnectorError('permanent', `netsuite: settings.locationId "${location}" is not an internal id`);
  return {
    columns: 'item.itemid AS itemid, iil.quantityonhand AS quantity',
    from: `item LEFT JOIN inventoryitemlocations iil ON iil.item = item.id AND iil.location = ${location}`,
    map: inventoryFromRow,
  };
}
