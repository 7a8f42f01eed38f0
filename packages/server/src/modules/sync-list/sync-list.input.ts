import type { ItemType, Platform, Prisma, SyncMode } from '../../generated/prisma/client.js';
import { normaliseFilterConfig, type FilterConfigInput } from '../shared/filter-config.js';
import { INVALID, NOT_FOUND, type ServiceError } from '../shared/result.js';
import { AMBIGUOUS_CONNECTION, NO_CONNECTION, WRONG_PLATFORM } from './sync-list.errors.js';
import { canonicalId, checkMetadata } from './sync-list.validation.js';

export interface AddItemInput {
  itemType: ItemType;
  sourcePlatform: Platform;
  targetPlatform: Platform;
  /** Already a well-formed UUID (the resolver refuses malformed ids). */
  sourceConnectionId?: string | null;
  targetConnectionId?: string | null;
  sourceId: string;
  targetId?: string | null;
  syncMode?: SyncMode | null;
  isActive?: boolean | null;
  filterConfig?: FilterConfigInput | null;
  metadata?: unknown;
}

export interface OwnedConnection {
  id: string;
  platform: Platform;
}

export type ItemData = Omit<Prisma.SyncListItemCreateManyInput, 'userId'> & {
  sourceConnectionId: string;
  targetConnectionId: string;
};

export interface ItemDraft {
  index: number;
  data: ItemData;
}

/** The unique key of schema.prisma, less the user (always the caller). */
export function listingKey(item: { itemType: ItemType; sourceConnectionId: string | null; sourceId: string; targetConnectionId: string | null }): string {
  return [item.itemType, item.sourceConnectionId ?? '', item.sourceId, item.targetConnectionId ?? ''].join('\u0000');
}

function resolveConnection(
  connections: readonly OwnedConnection[],
  platform: Platform,
  named: string | null | undefined,
  field: string[],
): { ok: true; id: string } | { ok: false; error: ServiceError } {
  if (named) {
    // Another user's connection answers exactly like one that does not exist.
    const found = connections.find((c) => c.id === named);
    if (!found) return { ok: false, error: { code: NOT_FOUND, field, message: 'no connection with this id' } };
    if (found.platform !== platform) return { ok: false, error: { code: WRONG_PLATFORM, field, message: `the connection is not a ${platform} connection` } };
    return { ok: true, id: found.id };
  }
  const candidates = connections.filter((c) => c.platform === platform);
  if (candidates.length === 1) return { ok: true, id: candidates[0]!.id };
  return candidates.length === 0
    ? { ok: false, error: { code: NO_CONNECTION, field, message: `no ${platform} connection: create one or name it` } }
    : { ok: false, error: { code: AMBIGUOUS_CONNECTION, field, message: `several ${platform} connections: name the one to use` } };
}

/** Checks and normalises one item; every problem is reported, each on its own field. */
export function prepareItem(input: AddItemInput, index: number, connections: readonly OwnedConnection[]): { ok: true; draft: ItemDraft } | { ok: false; errors: ServiceError[] } {
  const at = ['input', 'items', String(index)];
  const errors: ServiceError[] = [];
  const invalid = (field: string[], message: string) => errors.push({ code: INVALID, field: [...at, ...field], message });

  if (input.sourcePlatform === input.targetPlatform) invalid(['targetPlatform'], 'targetPlatform must differ from sourcePlatform');
  const sourceId = canonicalId(input.sourcePlatform, input.itemType, input.sourceId);
  if (!sourceId.ok) invalid(['sourceId'], `sourceId ${sourceId.message}`);
  const targetId = input.targetId === null || input.targetId === undefined ? null : canonicalId(input.targetPlatform, input.itemType, input.targetId);
  if (targetId && !targetId.ok) invalid(['targetId'], `targetId ${targetId.message}`);

  let filterConfig: object | null = null;
  if (input.filterConfig !== null && input.filterConfig !== undefined) {
    const filter = normaliseFilterConfig(input.filterConfig, [...at, 'filterConfig']);
    if (filter.ok) filterConfig = filter.value;
    else errors.push(...filter.errors);
  }
  const metadata = checkMetadata(input.metadata);
  if (!metadata.ok) invalid(['metadata', ...metadata.issue.path], metadata.issue.message);

  const source = resolveConnection(connections, input.sourcePlatform, input.sourceConnectionId, [...at, 'sourceConnectionId']);
  if (!source.ok) errors.push(source.error);
  const target = resolveConnection(connections, input.targetPlatform, input.targetConnectionId, [...at, 'targetConnectionId']);
  if (!target.ok) errors.push(target.error);

  if (errors.length || !sourceId.ok || !source.ok || !target.ok || !metadata.ok || (targetId && !targetId.ok)) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      index,
      data: {
        itemType: input.itemType,
        sourcePlatform: input.sourcePlatform,
        targetPlatform: input.targetPlatform,
        sourceConnectionId: source.id,
        targetConnectionId: target.id,
        sourceId: sourceId.value,
        targetId: targetId ? targetId.value : null,
        syncMode: input.syncMode ?? 'delta',
        isActive: input.isActive ?? true,
        ...(filterConfig ? { filterConfig } : {}),
        metadata: metadata.value as Prisma.InputJsonObject,
      },
    },
  };
}
