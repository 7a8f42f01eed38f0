// Response objects as the server sends them (with __typename), for the mocked link.

let next = 1;
const uid = () => `00000000-0000-4000-8000-${String(next++).padStart(12, '0')}`;
const at = '2026-03-01T12:00:00.000Z';

export function pageOf<T extends { id?: string; sourceId?: string }>(typename: string, nodes: T[], totalCount = nodes.length, hasNextPage = false) {
  return {
    __typename: `${typename}Connection`,
    ...(typename === 'PreviewProduct' ? {} : { totalCount }),
    pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: nodes.length > 0 ? `cursor-${nodes.length}` : null },
    edges: nodes.map((node, i) => ({ __typename: `${typename}Edge`, cursor: `cursor-${i + 1}`, node })),
  };
}

export const emptyFilter = { __typename: 'FilterConfig', status: null, priceMin: null, priceMax: null, category: null, updatedAfter: null, search: null };

export function connection(overrides: Record<string, unknown> = {}) {
  return { __typename: 'PlatformConnection', id: uid(), platform: 'NETSUITE', name: 'NetSuite prod', status: 'ACTIVE', lastError: null, credentialsSet: ['consumerKey'], ...overrides };
}

export function pattern(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'SavedSearchPattern',
    id: uid(),
    name: 'Active electronics',
    description: 'All active electronics',
    direction: 'NETSUITE_TO_SHOPIFY',
    filterConfig: { ...emptyFilter, status: ['active'], category: 'Electronics', priceMin: 10, priceMax: 1000 },
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function lastResult(action: string, reason: string, changedFields: string[] = [], error: string | null = null) {
  return { __typename: 'SyncHistoryItem', action, reason, changedFields, error };
}

export function syncListItem(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'SyncListItem',
    id: uid(),
    itemType: 'PRODUCT',
    sourcePlatform: 'NETSUITE',
    targetPlatform: 'SHOPIFY',
    sourceId: '1001',
    targetId: null,
    syncMode: 'DELTA',
    isActive: true,
    lastSyncedAt: null,
    lastSyncStatus: 'PENDING',
    errorMessage: null,
    filterConfig: null,
    metadata: { name: 'USB-C Cable', sku: 'SKU-1', price: 9.99 },
    createdAt: at,
    updatedAt: at,
    lastResult: null,
    ...overrides,
  };
}

export function historyRun(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'SyncHistory',
    id: uid(),
    syncType: 'MANUAL',
    status: 'COMPLETED',
    itemsProcessed: 3,
    itemsCreated: 3,
    itemsUpdated: 0,
    itemsFailed: 0,
    itemsSkipped: 0,
    durationMs: 4200,
    metadata: {},
    createdAt: at,
    finishedAt: at,
    ...overrides,
  };
}

export function previewProduct(overrides: Record<string, unknown> = {}) {
  return { __typename: 'PreviewProduct', sourceId: '1001', name: 'USB-C Cable', sku: 'SKU-1', price: 9.99, status: 'active', category: 'Electronics', updatedAt: at, inSyncList: false, ...overrides };
}

export function syncResult(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'SyncResult',
    syncHistoryId: uid(),
    status: 'COMPLETED',
    itemsProcessed: 1,
    itemsCreated: 0,
    itemsUpdated: 1,
    itemsFailed: 0,
    itemsSkipped: 0,
    duration: 1200,
    errors: [],
    ...overrides,
  };
}

export const noErrors: never[] = [];
