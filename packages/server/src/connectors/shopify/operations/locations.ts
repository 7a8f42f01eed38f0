import { ConnectorError } from '../../errors.js';
import type { ShopifyClient } from '../client.js';
import { connectionCost } from '../query-cost.js';

const FIRST_LOCATION = `query FirstLocation { locations(first: 1) { nodes { id } } }`;

/** The shop's first location, the default place an inventory level is read and written. */
export async function firstLocation(client: ShopifyClient): Promise<string> {
  const { data } = await client.request<{ locations: { nodes: Array<{ id: string }> } }>({
    operation: 'locations', query: FIRST_LOCATION, cost: connectionCost(1, 1),
  });
  const id = data.locations.nodes[0]?.id;
  if (!id) throw new ConnectorError('permanent', 'the Shopify shop has no location to hold inventory');
  return id;
}
