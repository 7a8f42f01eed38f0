import type { ObjectRef } from '@pothos/core';
import { z } from 'zod';
import { badInput } from './context.js';
import { builder, type Types } from './builder.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `first` defaults to 20; more than 100 (or negative) is a BAD_USER_INPUT, never silently cut. */
export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > max) throw badInput(`first must be between 0 and ${max}`, 'first');
  return first;
}

/** A keyset position: (createdAt, id). Cursors are opaque base64url JSON. */
export interface KeysetCursor {
  at: Date;
  id: string;
}

const cursorShape = z.tuple([z.string().datetime({ offset: true }), z.string().uuid()]);

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): KeysetCursor | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const parsed = cursorShape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { at: new Date(parsed[0]), id: parsed[1] };
  } catch {
    throw badInput('after is not a valid cursor', 'after');
  }
}

/** Prisma `where` for rows strictly after the cursor in (createdAt, id) order. */
export function afterCursor(cursor: KeysetCursor | null, direction: 'asc' | 'desc'): object {
  if (!cursor) return {};
  const op = direction === 'desc' ? 'lt' : 'gt';
  return { OR: [{ createdAt: { [op]: cursor.at } }, { createdAt: cursor.at, id: { [op]: cursor.id } }] };
}

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  totalCount: number | (() => Promise<number>);
}

/** Reads one extra row to know whether another page follows. */
export function toPage<T extends { createdAt: Date; id: string }>(rows: T[], size: number, totalCount: Page<T>['totalCount']): Page<T> {
  return { nodes: rows.slice(0, size), hasNextPage: rows.length > size, totalCount };
}

export interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export const PageInfoRef = builder.objectRef<PageInfoShape>('PageInfo').implement({
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage'),
    startCursor: t.exposeString('startCursor', { nullable: true }),
    endCursor: t.exposeString('endCursor', { nullable: true }),
  }),
});

export interface ConnectionShape<T> {
  totalCount: number | (() => Promise<number>);
  pageInfo: PageInfoShape;
  edges: Array<{ cursor: string; node: T }>;
}

/** Wraps a page in the relay shape; cursors come from (createdAt, id). */
export function toConnection<T extends { createdAt: Date; id: string }>(page: Page<T>, hadCursor: boolean): ConnectionShape<T> {
  const edges = page.nodes.map((node) => ({ cursor: encodeCursor(node.createdAt, node.id), node }));
  return {
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: hadCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    edges,
  };
}

/** Defines `<Name>Connection { totalCount pageInfo edges }` and `<Name>Edge { cursor node }`. */
export function defineConnection<T extends object>(name: string, nodeRef: ObjectRef<Types, T>) {
  const edge = builder.objectRef<{ cursor: string; node: T }>(`${name}Edge`).implement({
    fields: (t) => ({
      cursor: t.exposeString('cursor'),
      node: t.field({ type: nodeRef, resolve: (e) => e.node as never }),
    }),
  });
  return builder.objectRef<ConnectionShape<T>>(`${name}Connection`).implement({
    fields: (t) => ({
      totalCount: t.int({ resolve: (c) => (typeof c.totalCount === 'function' ? c.totalCount() : c.totalCount) }),
      pageInfo: t.field({ type: PageInfoRef, resolve: (c) => c.pageInfo }),
      edges: t.field({ type: [edge], resolve: (c) => c.edges }),
    }),
  });
}
