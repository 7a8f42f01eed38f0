import { NetSuiteError, type SimResponse } from './responses.js';
import type { SimState } from './state.js';
import { executeQuery } from './suiteql/execute.js';
import { SuiteQLSyntaxError } from './suiteql/lexer.js';
import { parseSuiteQL } from './suiteql/parser.js';
import { SuiteQLQueryError, toText } from './suiteql/values.js';

const MAX_LIMIT = 1000;
const MAX_ROWS = 100_000;

function intParam(url: URL, name: string, fallback: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new NetSuiteError(400, 'INVALID_PARAMETER', `Invalid value for the parameter '${name}': ${raw}.`, undefined, name);
  return n;
}

const invalidQuery = (message: string) =>
  new NetSuiteError(400, 'INVALID_PARAMETER', `Invalid search query. Detailed unprocessed description follows. ${message}`);

/** POST query/v1/suiteql: `{ q }` with limit ≤ 1000 and offset paging, every value a JSON string. */
export function handleSuiteQL(state: SimState, url: URL, preferHeader: string | undefined, body: unknown): SimResponse {
  const { quirks } = state.options;
  if (!/\btransient\b/i.test(preferHeader ?? '') && quirks.missingTransient === 'reject') {
    throw new NetSuiteError(400, 'INVALID_HEADER', "The request header 'Prefer: transient' is required for SuiteQL queries.");
  }
  const limit = intParam(url, 'limit', MAX_LIMIT);
  const offset = intParam(url, 'offset', 0);
  if (limit < 1 || limit > MAX_LIMIT) throw new NetSuiteError(400, 'INVALID_PARAMETER', `The limit must be between 1 and ${MAX_LIMIT}.`, undefined, 'limit');
  if (quirks.offsetMultipleOfLimit && offset % limit !== 0) throw new NetSuiteError(400, 'INVALID_PARAMETER', 'The offset must be a multiple of the limit.', undefined, 'offset');
  const q = typeof body === 'object' && body !== null ? (body as { q?: unknown }).q : undefined;
  if (typeof q !== 'string' || q.trim() === '') throw new NetSuiteError(400, 'INVALID_CONTENT', "The request body must carry the query in the 'q' field.", 'q');

  let result;
  try {
    result = executeQuery(parseSuiteQL(q), state.tables, state.options, state.random, offset + limit);
  } catch (err) {
    if (err instanceof SuiteQLSyntaxError || err instanceof SuiteQLQueryError) throw invalidQuery(err.message);
    throw err;
  }
  const total = Math.min(result.total, MAX_ROWS);
  if (offset >= MAX_ROWS) throw new NetSuiteError(400, 'INVALID_PARAMETER', `A query returns at most ${MAX_ROWS} rows; narrow it instead of paging further.`, undefined, 'offset');
  const page = result.rows.slice(offset, Math.min(offset + limit, total));
  const items = page.map((values) => {
    const row: Record<string, unknown> = { links: [] };
    result.columns.forEach((name, i) => {
      const text = toText(values[i], state.options);
      if (text !== null) row[name] = text;
    });
    return row;
  });
  const hasMore = offset + page.length < total;
  const href = (o: number) => {
    const u = new URL(url.href);
    u.searchParams.set('limit', String(limit));
    u.searchParams.set('offset', String(o));
    return u.href;
  };
  const links = [
    { rel: 'first', href: href(0) },
    ...(hasMore ? [{ rel: 'next', href: href(offset + limit) }] : []),
    { rel: 'last', href: href(Math.max(0, Math.floor((total - 1) / limit) * limit)) },
    { rel: 'self', href: href(offset) },
  ];
  return { status: 200, contentType: 'application/vnd.oracle.resource+json; type=collection', body: { links, count: items.length, hasMore, items, offset, totalResults: total } };
}
