import { getOperationAST, parse, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { actualCost, requestedCost, type CostInput } from './cost.js';
import { buildShopifySchema } from './schema.js';

const schema = buildShopifySchema();

function input(query: string, variables: Record<string, unknown> = {}): CostInput {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  const isMutation = operation.operation === 'mutation';
  return {
    schema, selectionSet: operation.selectionSet, isMutation, fragments: {}, variables,
    rootType: (isMutation ? schema.getMutationType() : schema.getQueryType()) as GraphQLObjectType,
  };
}

describe('Shopify query cost', () => {
  it('charges objects 1 and scalars 0', () => {
    expect(requestedCost(input('{ shop { name id } }')).cost).toBe(1);
  });

  it('charges a connection 2 + first × one node, nested connections multiplied', () => {
    expect(requestedCost(input('{ products(first: 10) { nodes { id title } } }')).cost).toBe(12);
    expect(requestedCost(input('{ products(first: 250) { nodes { variants(first: 5) { nodes { sku price inventoryItem { id } } } } } }')).cost).toBe(3252);
  });

  it('charges nodes(ids:) per id, the dearest fragment counted', () => {
    const q = 'query($ids: [ID!]!) { nodes(ids: $ids) { ... on Product { id variants(first: 2) { nodes { id sku price } } } ... on Location { id } } }';
    expect(requestedCost(input(q, { ids: Array.from({ length: 200 }, (_, i) => `gid://shopify/Product/${i}`) })).cost).toBe(1000);
  });

  it('charges mutations 10 each', () => {
    expect(requestedCost(input('mutation { a: productUpdate(product: { id: "x" }) { userErrors { message } } productCreate(product: { title: "t" }) { product { id } } }')).cost).toBe(20);
  });

  it('reports first over 250 and input arrays over 250', () => {
    expect(requestedCost(input('{ products(first: 300) { nodes { id } } }')).errors[0]?.message).toContain('at most 250');
    const ids = Array.from({ length: 251 }, () => 'gid://shopify/Product/1');
    expect(requestedCost(input('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids })).errors[0]?.extensions.code).toBe('MAX_INPUT_SIZE_EXCEEDED');
  });

  it('counts the nodes returned for the actual cost', () => {
    const i = input('{ products(first: 50) { edges { node { id variants(first: 3) { nodes { id } } } } } }');
    expect(requestedCost(i).cost).toBe(2 + 50 * 6);
    const data = { products: { edges: [{ node: { id: 'a', variants: { nodes: [{ id: 'v' }] } } }] } };
    expect(actualCost(i, data)).toBe(2 + 1 + 2 + 1);
  });
});
