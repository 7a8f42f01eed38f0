import { builder } from './builder.js';

// GraphQL enums are the upper-case forms of the seed's strings (DESIGN §10); the values
// are the Prisma enum members, which Prisma maps to the stored strings.
function enumOf<const V extends string>(name: string, values: readonly V[]) {
  return builder.enumType(name, {
    values: Object.fromEntries(values.map((v) => [v.toUpperCase(), { value: v }])) as Record<Uppercase<V>, { value: V }>,
  });
}

export const SyncDirectionEnum = enumOf('SyncDirection', ['netsuite_to_shopify', 'shopify_to_netsuite', 'bidirectional'] as const);
export const ItemTypeEnum = enumOf('ItemType', ['product', 'order', 'inventory'] as const);
export const PlatformEnum = enumOf('Platform', ['netsuite', 'shopify'] as const);
export const SyncModeEnum = enumOf('SyncMode', ['delta', 'full'] as const);
export const SyncItemStatusEnum = enumOf('SyncItemStatus', ['success', 'failed', 'pending'] as const);
export const SyncTypeEnum = enumOf('SyncType', ['manual', 'delta', 'full', 'scheduled'] as const);
export const SyncRunStatusEnum = enumOf('SyncRunStatus', ['running', 'completed', 'failed', 'partial_success'] as const);
export const SyncItemActionEnum = enumOf('SyncItemAction', ['created', 'updated', 'skipped', 'failed'] as const);
export const SyncItemReasonEnum = enumOf('SyncItemReason', [
  'never_synced', 'changed_fields', 'full_mode', 'unchanged', 'in_progress', 'source_missing', 'target_missing',
  'connection_missing', 'permanent_error', 'transient_error', 'cancelled',
] as const);
export const ConnectionStatusEnum = enumOf('ConnectionStatus', ['active', 'disabled', 'error'] as const);
export const SyncProgressKindEnum = enumOf('SyncProgressKind', ['started', 'item', 'finished'] as const);
