import type { ItemType, Platform, Prisma, SyncItemStatus, SyncMode } from '../../generated/prisma/client.js';
import { badInput } from '../../graphql/context.js';
import { searchText } from './sync-list.validation.js';

export interface SyncListFilter {
  status?: SyncItemStatus | null;
  itemType?: ItemType | null;
  syncMode?: SyncMode | null;
  isActive?: boolean | null;
  sourcePlatform?: Platform | null;
  search?: string | null;
}

/** Prisma `where` for the list filter; a search over its bound is a BAD_USER_INPUT naming the field. */
export function listFilterWhere(filter: SyncListFilter | null | undefined): Prisma.SyncListItemWhereInput {
  if (!filter) return {};
  const where: Prisma.SyncListItemWhereInput = {};
  if (filter.status) where.lastSyncStatus = filter.status;
  if (filter.itemType) where.itemType = filter.itemType;
  if (filter.syncMode) where.syncMode = filter.syncMode;
  if (typeof filter.isActive === 'boolean') where.isActive = filter.isActive;
  if (filter.sourcePlatform) where.sourcePlatform = filter.sourcePlatform;
  if (filter.search !== null && filter.search !== undefined) {
    const parsed = searchText.safeParse(filter.search);
    if (!parsed.success) throw badInput(`filter.search ${parsed.error.issues[0]?.message ?? 'is invalid'}`, 'filter.search');
    // Prisma passes `contains` through as a LIKE pattern: % and _ must match themselves.
    const text = parsed.data?.replace(/[\\%_]/g, (c) => `\\${c}`);
    if (text) {
      where.OR = [
        { sourceId: { contains: text, mode: 'insensitive' } },
        { targetId: { contains: text, mode: 'insensitive' } },
        { metadata: { path: ['name'], string_contains: text, mode: 'insensitive' } },
        { metadata: { path: ['sku'], string_contains: text, mode: 'insensitive' } },
      ];
    }
  }
  return where;
}

