// Query cost, by Shopify's published rules: scalars and enums 0, objects 1, a connection
// 2 + first × (cost of one node), a list sized by a list argument (`nodes(ids:)`) that many
// nodes (else one), nested connections
// multiply, each mutation field 10. The actual cost counts what came back instead of what
// was asked for; the difference is refunded to the bucket.
import {
  GraphQLError,
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { MAX_PAGE_SIZE } from './connection.js';

export const MUTATION_COST = 10;
export const MAX_INPUT_SIZE = 250;
/** Response key the handler adds under abstract fields so the actual cost knows each node's type. */
export const TYPE_KEY = '__simType';

type Data = Record<string, unknown>;

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  errors: GraphQLError[];
  /** Arguments do not depend on the data: read them once per field, not once per returned node. */
  args: Map<FieldNode, Record<string, unknown>>;
  /** Nor do a field's type facts and a selection's fields per type: 200 returned nodes ask the same. */
  facts: Map<FieldNode, Map<GraphQLObjectType, FieldFacts | undefined>>;
  fields: Map<SelectionSetNode, Map<GraphQLObjectType, FieldNode[]>>;
}

interface FieldFacts {
  def: GraphQLField<unknown, unknown>;
  named: GraphQLNamedType;
  composite: boolean;
  connection: boolean;
  list: boolean;
}

function factsOf(walk: Walk, node: FieldNode, parent: GraphQLObjectType): FieldFacts | undefined {
  let byParent = walk.facts.get(node);
  if (!byParent) walk.facts.set(node, (byParent = new Map()));
  if (byParent.has(parent)) return byParent.get(parent);
  const def = parent.getFields()[node.name.value];
  let facts: FieldFacts | undefined;
  if (def) {
    const named = getNamedType(def.type);
    const inner = isNonNullType(def.type) ? def.type.ofType : def.type;
    facts = { def, named, composite: isCompositeType(named), connection: named.name.endsWith('Connection') && isObjectType(named), list: isListType(inner) };
  }
  byParent.set(parent, facts);
  return facts;
}

/** collectFields, remembered per selection set and type for the walk. */
function fieldsOn(walk: Walk, selectionSet: SelectionSetNode, type: GraphQLObjectType): FieldNode[] {
  let byType = walk.fields.get(selectionSet);
  if (!byType) walk.fields.set(selectionSet, (byType = new Map()));
  let fields = byType.get(type);
  if (!fields) byType.set(type, (fields = collectFields(walk, selectionSet, type)));
  return fields;
}

function applies(walk: Walk, condition: string | undefined, type: GraphQLObjectType): boolean {
  if (!condition || condition === type.name) return true;
  const target = walk.schema.getType(condition);
  return target !== undefined && isAbstractType(target) && walk.schema.isSubType(target, type);
}

/** The fields a selection set selects on a concrete type, fragments flattened. */
function collectFields(walk: Walk, selectionSet: SelectionSetNode, type: GraphQLObjectType, into: FieldNode[] = []): FieldNode[] {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (applies(walk, selection.typeCondition?.name.value, type)) collectFields(walk, selection.selectionSet, type, into);
    } else {
      const fragment = walk.fragments[selection.name.value];
      if (fragment && applies(walk, fragment.typeCondition.name.value, type)) collectFields(walk, fragment.selectionSet, type, into);
    }
  }
  return into;
}

function asData(value: unknown): Data | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Data) : undefined;
}

/** Cost of the fields below one object (the object's own 1 is counted by its parent). */
function selectionCost(walk: Walk, selectionSet: SelectionSetNode | undefined, type: GraphQLCompositeType, data: Data | undefined): number {
  if (!selectionSet) return 0;
  let concrete: readonly GraphQLObjectType[];
  if (isObjectType(type)) concrete = [type];
  else {
    const named = data && typeof data[TYPE_KEY] === 'string' ? walk.schema.getType(data[TYPE_KEY]) : undefined;
    concrete = named && isObjectType(named) ? [named] : walk.schema.getPossibleTypes(type);
  }
  let max = 0;
  for (const t of concrete) {
    let sum = 0;
    for (const field of fieldsOn(walk, selectionSet, t)) sum += fieldCost(walk, field, t, data);
    max = Math.max(max, sum);
  }
  return max;
}

function checkInputSizes(walk: Walk, name: string, args: Record<string, unknown>): void {
  for (const [arg, value] of Object.entries(args)) {
    const lists = Array.isArray(value) ? [value] : Object.values(asData(value) ?? {}).filter(Array.isArray);
    for (const list of lists) {
      if (list.length > MAX_INPUT_SIZE) {
        walk.errors.push(new GraphQLError(`The input array size of ${list.length} is greater than the maximum allowed of ${MAX_INPUT_SIZE}.`, {
          extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED', field: name, argument: arg },
        }));
      }
    }
  }
}

function fieldCost(walk: Walk, node: FieldNode, parent: GraphQLObjectType, parentData: Data | undefined): number {
  const name = node.name.value;
  const facts = factsOf(walk, node, parent);
  if (!facts) return 0;
  const { def } = facts;
  let args = walk.args.get(node);
  if (!args) walk.args.set(node, (args = getArgumentValues(def, node, walk.variables)));
  if (!parentData) checkInputSizes(walk, name, args);
  if (!facts.composite) return 0;
  const named = facts.named as GraphQLCompositeType;
  const key = node.alias?.value ?? name;
  const value = parentData ? parentData[key] : undefined;
  if (parentData && (value === null || value === undefined)) return 0;

  if (facts.connection && isObjectType(named)) {
    const requested = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : 0;
    if (!parentData && requested > MAX_PAGE_SIZE) {
      walk.errors.push(new GraphQLError(`The first argument of ${name} must be at most ${MAX_PAGE_SIZE}.`, { extensions: { code: 'BAD_REQUEST', field: name } }));
    }
    return 2 + connectionNodesCost(walk, node, named, asData(value), requested);
  }
  if (facts.list) {
    const items = Array.isArray(value) ? value : undefined;
    const sized = Object.values(args).find(Array.isArray);
    const count = items ? items.filter((i) => i !== null).length : sized ? sized.length : 1;
    if (!items) return count * (1 + selectionCost(walk, node.selectionSet, named, undefined));
    return items.reduce<number>((sum, item) => sum + (item === null ? 0 : 1 + selectionCost(walk, node.selectionSet, named, asData(item))), 0);
  }
  return 1 + selectionCost(walk, node.selectionSet, named, asData(value));
}

/** first × one node, taking the dearest of `nodes { }` and `edges { node { } }` when both are asked. */
function connectionNodesCost(walk: Walk, node: FieldNode, connection: GraphQLObjectType, data: Data | undefined, requested: number): number {
  const nodeType = getNamedType(connection.getFields().nodes?.type);
  if (!nodeType || !isCompositeType(nodeType)) return 0;
  const sets: Array<{ set: SelectionSetNode | undefined; items: (key: Data) => unknown[] }> = [];
  for (const field of fieldsOn(walk, node.selectionSet as SelectionSetNode, connection)) {
    const key = field.alias?.value ?? field.name.value;
    if (field.name.value === 'nodes') sets.push({ set: field.selectionSet, items: (d) => (Array.isArray(d[key]) ? (d[key] as unknown[]) : []) });
    if (field.name.value === 'edges' && field.selectionSet) {
      const edgeType = getNamedType(connection.getFields().edges?.type) as GraphQLObjectType;
      for (const inner of fieldsOn(walk, field.selectionSet, edgeType)) {
        if (inner.name.value !== 'node') continue;
        const nodeKey = inner.alias?.value ?? 'node';
        sets.push({ set: inner.selectionSet, items: (d) => (Array.isArray(d[key]) ? (d[key] as unknown[]).map((e) => asData(e)?.[nodeKey]) : []) });
      }
    }
  }
  if (!data) {
    const perNode = 1 + Math.max(0, ...sets.map((s) => selectionCost(walk, s.set, nodeType, undefined)));
    return requested * perNode;
  }
  let max = 0;
  for (const s of sets) {
    const sum = s.items(data).reduce<number>((acc, item) => acc + 1 + selectionCost(walk, s.set, nodeType, asData(item)), 0);
    max = Math.max(max, sum);
  }
  return max;
}

export interface CostInput {
  schema: GraphQLSchema;
  selectionSet: SelectionSetNode;
  rootType: GraphQLObjectType;
  isMutation: boolean;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** The cost Shopify charges before running a query, plus the size limits it breaks. */
export function requestedCost(input: CostInput): { cost: number; errors: GraphQLError[] } {
  const walk: Walk = { ...input, errors: [], args: new Map(), facts: new Map(), fields: new Map() };
  const fields = collectFields(walk, input.selectionSet, input.rootType);
  let cost = 0;
  for (const field of fields) {
    if (input.isMutation) {
      const def = input.rootType.getFields()[field.name.value];
      if (def) checkInputSizes(walk, field.name.value, getArgumentValues(def, field, input.variables));
      cost += MUTATION_COST;
    } else cost += fieldCost(walk, field, input.rootType, undefined);
  }
  return { cost, errors: walk.errors };
}

/** What the answer actually cost: connections and lists count the nodes returned. */
export function actualCost(input: CostInput, data: Data | null | undefined): number {
  if (input.isMutation) return collectFields({ ...input, errors: [], args: new Map(), facts: new Map(), fields: new Map() }, input.selectionSet, input.rootType).length * MUTATION_COST;
  if (!data) return 0;
  const walk: Walk = { ...input, errors: [], args: new Map(), facts: new Map(), fields: new Map() };
  let cost = 0;
  for (const field of collectFields(walk, input.selectionSet, input.rootType)) cost += fieldCost(walk, field, input.rootType, data);
  return cost;
}
