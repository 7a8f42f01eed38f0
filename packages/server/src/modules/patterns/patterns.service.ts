import type { Database } from '../../db/database.js';
import type { SavedSearchPattern, SyncDirection } from '../../generated/prisma/client.js';
import { afterCursor, decodeCursor, toPage, type Page } from '../../graphql/pagination.js';
import { normaliseFilterConfig, type FilterConfigInput } from '../shared/filter-config.js';
import { owned } from '../shared/owner.js';
import { fail, NOT_FOUND, ok, TAKEN, type Result, type ServiceError } from '../shared/result.js';
import { isUniqueViolation } from '../users/users.service.js';
import { patternDescription, patternName } from './patterns.validation.js';

export interface PatternInput {
  name?: string | null;
  description?: string | null;
  direction?: SyncDirection | null;
  filterConfig?: FilterConfigInput | null;
}

export class PatternsService {
  constructor(private readonly db: Database) {}

  list(userId: string, args: { first: number; after: string | null | undefined; direction?: SyncDirection | null }): Promise<Page<SavedSearchPattern>> {
    const cursor = decodeCursor(args.after);
    const where = { ...owned(userId), ...(args.direction ? { direction: args.direction } : {}) };
    return this.db.asUser(userId, async (tx) => {
      const rows = await tx.savedSearchPattern.findMany({
        where: { ...where, ...afterCursor(cursor, 'desc') },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: args.first + 1,
      });
      const totalCount = await tx.savedSearchPattern.count({ where });
      return toPage(rows, args.first, totalCount);
    });
  }

  get(userId: string, id: string): Promise<SavedSearchPattern | null> {
    return this.db.asUser(userId, (tx) => tx.savedSearchPattern.findFirst({ where: { id, ...owned(userId) } }));
  }

  async create(userId: string, input: Required<Pick<PatternInput, 'name' | 'direction'>> & PatternInput): Promise<Result<SavedSearchPattern>> {
    const checked = validate(input, true);
    if (!checked.ok) return checked;
    try {
      const pattern = await this.db.asUser(userId, (tx) => tx.savedSearchPattern.create({ data: { userId, ...checked.value } as never }));
      return ok(pattern);
    } catch (err) {
      if (isUniqueViolation(err)) return fail(TAKEN, 'a pattern with this name already exists', ['input', 'name']);
      throw err;
    }
  }

  async update(userId: string, id: string, input: PatternInput): Promise<Result<SavedSearchPattern>> {
    const checked = validate(input, false);
    if (!checked.ok) return checked;
    try {
      const pattern = await this.db.asUser(userId, async (tx) => {
        const { count } = await tx.savedSearchPattern.updateMany({ where: { id, ...owned(userId) }, data: checked.value });
        return count ? tx.savedSearchPattern.findFirst({ where: { id, ...owned(userId) } }) : null;
      });
      return pattern ? ok(pattern) : fail(NOT_FOUND, 'no saved search pattern with this id', ['id']);
    } catch (err) {
      if (isUniqueViolation(err)) return fail(TAKEN, 'a pattern with this name already exists', ['input', 'name']);
      throw err;
    }
  }

  async delete(userId: string, id: string): Promise<Result<string>> {
    const { count } = await this.db.asUser(userId, (tx) => tx.savedSearchPattern.deleteMany({ where: { id, ...owned(userId) } }));
    return count ? ok(id) : fail(NOT_FOUND, 'no saved search pattern with this id', ['id']);
  }
}

interface PatternData {
  name?: string;
  description?: string | null;
  direction?: SyncDirection;
  filterConfig?: object;
}

function validate(input: PatternInput, creating: boolean): Result<PatternData> {
  const errors: ServiceError[] = [];
  const data: PatternData = {};
  if (input.name !== undefined && input.name !== null) {
    const name = patternName.safeParse(input.name);
    if (name.success) data.name = name.data;
    else errors.push({ code: 'INVALID', field: ['input', 'name'], message: `name ${name.error.issues[0]?.message ?? 'is invalid'}` });
  } else if (creating || input.name === null) {
    errors.push({ code: 'INVALID', field: ['input', 'name'], message: 'name is required' });
  }
  if (input.description !== undefined) {
    const description = patternDescription.safeParse(input.description ?? '');
    if (description.success) data.description = description.data;
    else errors.push({ code: 'INVALID', field: ['input', 'description'], message: `description ${description.error.issues[0]?.message ?? 'is invalid'}` });
  }
  if (input.direction) data.direction = input.direction;
  else if (creating || input.direction === null) errors.push({ code: 'INVALID', field: ['input', 'direction'], message: 'direction is required' });
  if (input.filterConfig !== undefined || creating) {
    const filter = normaliseFilterConfig(input.filterConfig, ['input', 'filterConfig']);
    if (filter.ok) data.filterConfig = filter.value;
    else errors.push(...filter.errors);
  }
  return errors.length ? { ok: false, errors } : ok(data);
}
