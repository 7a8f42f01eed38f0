import type { Database } from '../../db/database.js';
import type { Prisma, SyncListItem, SyncMode } from '../../generated/prisma/client.js';
import { afterCursor, decodeCursor, toPage, type Page } from '../../graphql/pagination.js';
import { LIMITS } from '../shared/limits.js';
import { owned } from '../shared/owner.js';
import { fail, INVALID, NOT_FOUND, ok, type Result, type ServiceError } from '../shared/result.js';
import { ALREADY_LISTED, TOO_MANY } from './sync-list.errors.js';
import { listingKey, prepareItem, type AddItemInput, type ItemDraft } from './sync-list.input.js';
import { listFilterWhere, type SyncListFilter } from './sync-list.filter.js';
import { priority } from './sync-list.validation.js';

/** What the GraphQL layer wants loaded with each row (queryFromInfo), so relations cost no extra round trips. */
export interface ItemQuery {
  include?: Prisma.SyncListItemInclude;
}

export interface UpdateItemInput {
  syncMode?: SyncMode | null;
  isActive?: boolean | null;
  priority?: number | null;
}

/** Added items, plus the ones skipped because they were already listed. */
export interface AddOutcome {
  items: SyncListItem[];
  userErrors: ServiceError[];
}

export interface RemoveOutcome {
  removedIds: string[];
  userErrors: ServiceError[];
}

const ORDER = [{ createdAt: 'desc' }, { id: 'desc' }] as const;

const alreadyListed = (index: number): ServiceError => ({
  code: ALREADY_LISTED,
  field: ['input', 'items', String(index)],
  message: 'this item is already on the sync list',
});

export class SyncListService {
  constructor(private readonly db: Database) {}

  list(userId: string, args: { first: number; after: string | null | undefined; filter?: SyncListFilter | null }, query: ItemQuery = {}): Promise<Page<SyncListItem>> {
    const cursor = decodeCursor(args.after);
    const where = { ...owned(userId), ...listFilterWhere(args.filter) };
    return this.db.asUser(userId, async (tx) => {
      const rows = await tx.syncListItem.findMany({ ...query, where: { AND: [where, afterCursor(cursor, 'desc')] }, orderBy: [...ORDER], take: args.first + 1 });
      const totalCount = await tx.syncListItem.count({ where });
      return toPage(rows, args.first, totalCount);
    });
  }

  get(userId: string, id: string, query: ItemQuery = {}): Promise<SyncListItem | null> {
    return this.db.asUser(userId, (tx) => tx.syncListItem.findFirst({ ...query, where: { id, ...owned(userId) } }));
  }

  /**
   * Adds many items at once. Malformed input refuses the whole call (nothing written);
   * items already listed (or repeated within the call) are reported and the rest added.
   */
  async add(userId: string, items: readonly AddItemInput[], query: ItemQuery = {}): Promise<AddOutcome> {
    if (items.length > LIMITS.addToSyncList) {
      return { items: [], userErrors: [{ code: TOO_MANY, field: ['input', 'items'], message: `at most ${LIMITS.addToSyncList} items per call` }] };
    }
    if (items.length === 0) return { items: [], userErrors: [] };
    return this.db.asUser(userId, async (tx) => {
      const connections = await tx.connection.findMany({ where: owned(userId), select: { id: true, platform: true } });
      const drafts: ItemDraft[] = [];
      const errors: ServiceError[] = [];
      items.forEach((item, index) => {
        const prepared = prepareItem(item, index, connections);
        if (prepared.ok) drafts.push(prepared.draft);
        else errors.push(...prepared.errors);
      });
      if (errors.length) return { items: [], userErrors: errors };

      const listed = await tx.syncListItem.findMany({
        where: { ...owned(userId), sourceId: { in: [...new Set(drafts.map((d) => d.data.sourceId))] } },
        select: { itemType: true, sourceConnectionId: true, sourceId: true, targetConnectionId: true },
      });
      const { fresh, userErrors } = skipListed(drafts, new Set(listed.map(listingKey)));
      if (fresh.length === 0) return { items: [], userErrors };

      // skipDuplicates: a concurrent call may list the same item between our read and this write.
      const created = await tx.syncListItem.createManyAndReturn({ data: fresh.map((d) => ({ ...d.data, userId })), skipDuplicates: true });
      const byKey = new Map(created.map((row) => [listingKey(row), row]));
      const loaded = query.include ? new Map((await tx.syncListItem.findMany({ ...query, where: { id: { in: created.map((r) => r.id) }, ...owned(userId) } })).map((r) => [r.id, r])) : null;
      const added: SyncListItem[] = [];
      for (const draft of fresh) {
        const row = byKey.get(listingKey(draft.data));
        if (row) added.push(loaded?.get(row.id) ?? row);
        else userErrors.push(alreadyListed(draft.index));
      }
      userErrors.sort((a, b) => Number(a.field?.[2]) - Number(b.field?.[2]));
      return { items: added, userErrors };
    });
  }

  async update(userId: string, id: string, input: UpdateItemInput, query: ItemQuery = {}): Promise<Result<SyncListItem>> {
    const checked = validateUpdate(input);
    if (!checked.ok) return checked;
    const item = await this.db.asUser(userId, async (tx) => {
      const { count } = await tx.syncListItem.updateMany({ where: { id, ...owned(userId) }, data: checked.value });
      return count ? tx.syncListItem.findFirst({ ...query, where: { id, ...owned(userId) } }) : null;
    });
    return item ? ok(item) : fail(NOT_FOUND, 'no sync list item with this id', ['id']);
  }

  /** Removes the caller's items among `ids`; unknown ids and other users' ids answer the same NOT_FOUND. */
  async remove(userId: string, ids: readonly string[]): Promise<RemoveOutcome> {
    const unique = [...new Set(ids)];
    const removed = await this.db.asUser(userId, async (tx) => {
      const found = await tx.syncListItem.findMany({ where: { id: { in: unique }, ...owned(userId) }, select: { id: true } });
      const foundIds = found.map((r) => r.id);
      if (foundIds.length) await tx.syncListItem.deleteMany({ where: { id: { in: foundIds }, ...owned(userId) } });
      return new Set(foundIds);
    });
    const userErrors: ServiceError[] = [];
    ids.forEach((id, index) => {
      if (!removed.has(id) && ids.indexOf(id) === index) userErrors.push({ code: NOT_FOUND, field: ['ids', String(index)], message: 'no sync list item with this id' });
    });
    return { removedIds: unique.filter((id) => removed.has(id)), userErrors };
  }
}

/** Drops the drafts already listed, or listed earlier in the same call, reporting each by index. */
function skipListed(drafts: readonly ItemDraft[], taken: Set<string>): { fresh: ItemDraft[]; userErrors: ServiceError[] } {
  const fresh: ItemDraft[] = [];
  const userErrors: ServiceError[] = [];
  for (const draft of drafts) {
    const key = listingKey(draft.data);
    if (taken.has(key)) userErrors.push(alreadyListed(draft.index));
    else {
      taken.add(key);
      fresh.push(draft);
    }
  }
  return { fresh, userErrors };
}

function validateUpdate(input: UpdateItemInput): Result<{ syncMode?: SyncMode; isActive?: boolean; priority?: number }> {
  const errors: ServiceError[] = [];
  const data: { syncMode?: SyncMode; isActive?: boolean; priority?: number } = {};
  const mustNotBeNull = (name: string) => errors.push({ code: INVALID, field: ['input', name], message: `${name} must not be null` });
  if (input.syncMode === null) mustNotBeNull('syncMode');
  else if (input.syncMode !== undefined) data.syncMode = input.syncMode;
  if (input.isActive === null) mustNotBeNull('isActive');
  else if (input.isActive !== undefined) data.isActive = input.isActive;
  if (input.priority === null) mustNotBeNull('priority');
  else if (input.priority !== undefined) {
    const parsed = priority.safeParse(input.priority);
    if (parsed.success) data.priority = parsed.data;
    else errors.push({ code: INVALID, field: ['input', 'priority'], message: `priority ${parsed.error.issues[0]?.message ?? 'is invalid'}` });
  }
  return errors.length ? { ok: false, errors } : ok(data);
}
