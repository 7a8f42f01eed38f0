// Our side of Shopify's cost rules (platform-apis.md, "Details that bite"): objects 1,
// scalars 0, a connection 2 + first × one node, `nodes(ids:)` ids × one node, mutations 10.
// Every document states its node cost beside its text, so pages and batches are sized to
// stay within one query's 1000 points instead of being refused with MAX_COST_EXCEEDED.

export const MAX_QUERY_COST = 1000;
export const MAX_PAGE = 250;
export const MUTATION_COST = 10;

export function connectionCost(first: number, nodeCost: number): number {
  return 2 + first * nodeCost;
}

/** Ids per `nodes(ids:)` call: as many as 1000 points afford, at most 250. */
export function batchSize(nodeCost: number): number {
  return Math.max(1, Math.min(MAX_PAGE, Math.floor(MAX_QUERY_COST / nodeCost)));
}

/** `first` for a connection at the root: as many as 1000 points afford, at most 250. */
export function pageSize(nodeCost: number, wanted = MAX_PAGE): number {
  return Math.max(1, Math.min(wanted, MAX_PAGE, Math.floor((MAX_QUERY_COST - 2) / nodeCost)));
}
