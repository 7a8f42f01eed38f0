import type { Database, Tx } from '../../db/database.js';
import type { Prisma, SyncHistory, SyncHistoryItem, SyncRunStatus, SyncType } from '../../generated/prisma/client.js';
import { badInput } from '../../graphql/context.js';
import { afterCursor, decodeCursor, toPage, type Page } from '../../graphql/pagination.js';
import { owned } from '../shared/owner.js';
import { historyRange } from './history.validation.js';

/**
 * Who reads history: a user sees their own runs; the service role also sees the
 * system-level rows (user_id null) of scheduled runs, and no other user's runs.
 */
export interface HistoryViewer {
  userId: string | null;
  service: boolean;
}

export interface HistoryFilter {
  syncType?: SyncType | null;
  status?: SyncRunStatus | null;
  from?: Date | null;
  to?: Date | null;
}

export interface HistoryItemQuery {
  include?: Prisma.SyncHistoryItemInclude;
}

interface PageArgs {
  first: number;
  after: string | null | undefined;
}

export class HistoryService {
  constructor(private readonly db: Database) {}

  list(viewer: HistoryViewer, args: PageArgs & { filter?: HistoryFilter | null }): Promise<Page<SyncHistory>> {
    const cursor = decodeCursor(args.after);
    const where: Prisma.SyncHistoryWhereInput = { AND: [runScope(viewer), filterWhere(args.filter)] };
    return this.run(viewer, async (tx) => {
      const rows = await tx.syncHistory.findMany({
        where: { AND: [where, afterCursor(cursor, 'desc')] },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: args.first + 1,
      });
      const totalCount = await tx.syncHistory.count({ where });
      return toPage(rows, args.first, totalCount);
    });
  }

  get(viewer: HistoryViewer, id: string): Promise<SyncHistory | null> {
    return this.run(viewer, (tx) => tx.syncHistory.findFirst({ where: { AND: [{ id }, runScope(viewer)] } }));
  }

  /** A run's per-item rows in the order the run wrote them. */
  items(viewer: HistoryViewer, historyId: string, args: PageArgs, query: HistoryItemQuery = {}): Promise<Page<SyncHistoryItem>> {
    const cursor = decodeCursor(args.after);
    // A user's rows are theirs; a service reader may read the items of any run it may see.
    const where: Prisma.SyncHistoryItemWhereInput = viewer.service ? { historyId, history: runScope(viewer) } : { historyId, ...owned(viewer.userId ?? '') };
    return this.run(viewer, async (tx) => {
      const rows = await tx.syncHistoryItem.findMany({
        ...query,
        where: { AND: [where, afterCursor(cursor, 'asc')] },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: args.first + 1,
      });
      const totalCount = await tx.syncHistoryItem.count({ where });
      return toPage(rows, args.first, totalCount);
    });
  }

  private run<T>(viewer: HistoryViewer, fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (viewer.service) return this.db.asService(fn);
    if (!viewer.userId) throw new Error('a user viewer needs a user id');
    return this.db.asUser(viewer.userId, fn);
  }
}

function runScope(viewer: HistoryViewer): Prisma.SyncHistoryWhereInput {
  // The service role bypasses RLS, so this filter is its only wall: never switched off.
  if (viewer.service) return { OR: [{ userId: null }, ...(viewer.userId ? [{ userId: viewer.userId }] : [])] };
  return owned(viewer.userId ?? '');
}

function filterWhere(filter: HistoryFilter | null | undefined): Prisma.SyncHistoryWhereInput {
  if (!filter) return {};
  const range = historyRange.safeParse({ from: filter.from, to: filter.to });
  if (!range.success) throw badInput(`filter: ${range.error.issues[0]?.message ?? 'the range is invalid'}`, 'filter.from');
  const createdAt: Prisma.DateTimeFilter = {};
  if (filter.from) createdAt.gte = filter.from;
  if (filter.to) createdAt.lt = filter.to;
  return {
    ...(filter.syncType ? { syncType: filter.syncType } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.from || filter.to ? { createdAt } : {}),
  };
}
