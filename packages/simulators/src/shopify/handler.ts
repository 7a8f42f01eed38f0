import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  execute, getNamedType, getOperationAST, getVariableValues, isAbstractType, Kind, parse, TypeInfo, validate, visit, visitWithTypeInfo,
  GraphQLError, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLSchema,
} from 'graphql';
import type { SimClock } from '../common/clock.js';
import type { CallCounters } from '../common/counters.js';
import { dropConnection, type FaultInjector } from '../common/faults.js';
import { HttpError, readBody, sendJson, type Handler } from '../common/http.js';
import type { LeakyBucket, ThrottleStatus } from './bucket.js';
import { SortedLists, type SimContext, type ShopInfo } from './context.js';
import { actualCost, requestedCost, TYPE_KEY, type CostInput } from './cost.js';
import type { ShopifyStore } from './store.js';

export interface HandlerStats {
  requests: number;
  throttled: number;
  unauthorized: number;
  faults: number;
}

export interface HandlerDeps {
  schema: GraphQLSchema;
  store: ShopifyStore;
  bucket: LeakyBucket;
  faults: FaultInjector;
  counters: CallCounters;
  clock: SimClock;
  lists: SortedLists;
  idempotency: SimContext['idempotency'];
  stats: HandlerStats;
  settings: () => {
    accessToken: string;
    apiVersions: string[];
    throttledStatus: 200 | 429;
    maxQueryCost: number;
    searchLagMs: number;
    maxPagedObjects: number;
    shop: ShopInfo;
  };
}

const PATH = /^\/admin\/api\/([^/]+)\/graphql\.json$/;

/** An unsupported or retired version is served as the oldest supported one, and the header says so. */
export function answeredVersion(requested: string, supported: string[]): string {
  if (requested === 'unstable' || supported.includes(requested)) return requested;
  return [...supported].sort()[0] ?? requested;
}

interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

/** Adds `__simType: __typename` under abstract fields (nodes, node) so the actual cost knows each node's type. */
function withTypeMarkers(schema: GraphQLSchema, document: DocumentNode): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(document, visitWithTypeInfo(typeInfo, {
    Field: {
      leave(node: FieldNode): FieldNode | undefined {
        const type = typeInfo.getType();
        if (!type || !node.selectionSet || !isAbstractType(getNamedType(type))) return undefined;
        const marker: FieldNode = { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: TYPE_KEY }, name: { kind: Kind.NAME, value: '__typename' } };
        return { ...node, selectionSet: { ...node.selectionSet, selections: [...node.selectionSet.selections, marker] } };
      },
    },
  }));
}

/** Hides the markers from the answer: undefined is left out of JSON, and keeps the objects' shape (delete would not). */
function stripMarkers(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item === 'object' && item !== null) stripMarkers(item);
    return;
  }
  const record = value as Record<string, unknown>;
  if (record[TYPE_KEY] !== undefined) record[TYPE_KEY] = undefined;
  for (const key in record) {
    const child = record[key];
    if (typeof child === 'object' && child !== null) stripMarkers(child);
  }
}

function errorBody(error: GraphQLError | { message: string; extensions?: Record<string, unknown> }) {
  return error instanceof GraphQLError ? error.toJSON() : error;
}

interface Prepared {
  document: DocumentNode;
  invalid: readonly GraphQLError[];
  /** The document with type markers, made on first execution. */
  marked?: DocumentNode;
}

/** POST /admin/api/{version}/graphql.json: token check, faults, cost and bucket, then real GraphQL execution. */
export function createGraphqlHandler(deps: HandlerDeps): Handler {
  // Parsed and validated documents by query text: a sync sends the same few texts thousands of
  // times, and parse + validate + markers cost more than answering a small query.
  const documents = new Map<string, Prepared>();
  const prepare = (text: string): Prepared => {
    let hit = documents.get(text);
    if (!hit) {
      const document = parse(text);
      hit = { document, invalid: validate(deps.schema, document) };
      if (documents.size >= 200) documents.delete(documents.keys().next().value as string);
      documents.set(text, hit);
    }
    return hit;
  };
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const match = PATH.exec(url.pathname);
    if (!match || req.method !== 'POST') return sendJson(res, 404, { errors: 'Not Found' });
    const settings = deps.settings();
    deps.stats.requests += 1;
    const version = answeredVersion(match[1] as string, settings.apiVersions);
    const headers = { 'x-shopify-api-version': version, date: deps.clock.now().toUTCString() };
    if (req.headers['x-shopify-access-token'] !== settings.accessToken) {
      deps.stats.unauthorized += 1;
      return sendJson(res, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' }, headers);
    }
    const text = await readBody(req);
    let body: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new HttpError(400, 'request body is not JSON');
    }
    const costOf = (requested: number, actual: number | null): CostExtension => ({ requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: deps.bucket.status() });
    const fail = (errors: ReadonlyArray<Parameters<typeof errorBody>[0]>, requested = 0) =>
      sendJson(res, 200, { errors: errors.map(errorBody), extensions: { cost: costOf(requested, null) } }, headers);

    if (typeof body.query !== 'string') return fail([{ message: 'Parameter Missing or Invalid', extensions: { code: 'BAD_REQUEST' } }]);
    let prepared: Prepared;
    try {
      prepared = prepare(body.query);
    } catch (err) {
      return fail([err instanceof GraphQLError ? err : { message: String(err) }]);
    }
    const { document, invalid } = prepared;
    if (invalid.length > 0) return fail(invalid);
    const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
    const operation = getOperationAST(document, operationName);
    if (!operation) return fail([{ message: 'Could not determine which operation to run' }]);
    const rawVariables = typeof body.variables === 'object' && body.variables !== null ? (body.variables as Record<string, unknown>) : {};
    const coerced = getVariableValues(deps.schema, operation.variableDefinitions ?? [], rawVariables);
    if (coerced.errors) return fail(coerced.errors);

    for (const selection of operation.selectionSet.selections) {
      if (selection.kind === Kind.FIELD && !selection.name.value.startsWith('__')) deps.counters.inc(selection.name.value);
    }
    const rootType = operation.operation === 'mutation' ? deps.schema.getMutationType() : deps.schema.getQueryType();
    if (!rootType) return fail([{ message: `${operation.operation} is not supported` }]);
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    const costInput: CostInput = {
      schema: deps.schema, selectionSet: operation.selectionSet, rootType, fragments,
      isMutation: operation.operation === 'mutation', variables: coerced.coerced,
    };
    const requested = requestedCost(costInput);
    if (requested.errors.length > 0) return fail(requested.errors, requested.cost);
    if (requested.cost > settings.maxQueryCost) {
      return fail([{
        message: `Query cost is ${requested.cost}, which exceeds the single query max cost limit (${settings.maxQueryCost}).`,
        extensions: { code: 'MAX_COST_EXCEEDED', cost: requested.cost, maxCost: settings.maxQueryCost },
      }], requested.cost);
    }

    const decision = await deps.faults.decide();
    if (decision.kind !== 'none') deps.stats.faults += 1;
    if (decision.kind === 'drop') return dropConnection(req, res);
    if (decision.kind === 'error') {
      return sendJson(res, decision.status, { errors: [{ message: 'Internal error. Looks like something went wrong on our end.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }, headers);
    }
    if (decision.kind === 'throttle' || !deps.bucket.take(requested.cost)) {
      deps.stats.throttled += 1;
      return sendJson(res, settings.throttledStatus, {
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
        extensions: { cost: costOf(requested.cost, null) },
      }, headers);
    }

    const context: SimContext = {
      store: deps.store, shop: settings.shop, apiVersion: version, searchLagMs: settings.searchLagMs, maxPagedObjects: settings.maxPagedObjects,
      search: [], lists: deps.lists, idempotency: deps.idempotency,
    };
    const result = await execute({
      schema: deps.schema, document: (prepared.marked ??= withTypeMarkers(deps.schema, document)), contextValue: context,
      variableValues: rawVariables, operationName,
    });
    const data = result.data ?? null;
    const actual = Math.min(requested.cost, actualCost(costInput, data));
    deps.bucket.refund(requested.cost - actual);
    if (data && prepared.marked !== document) stripMarkers(data);
    const extensions: Record<string, unknown> = { cost: costOf(requested.cost, actual) };
    if (context.search.length > 0) extensions.search = context.search;
    const answer: Record<string, unknown> = {};
    if (result.errors) answer.errors = result.errors.map((e) => e.toJSON());
    answer.data = data;
    answer.extensions = extensions;
    sendJson(res, 200, answer, headers);
  };
}
