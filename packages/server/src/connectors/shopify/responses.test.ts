import { describe, expect, it } from 'vitest';
import { interpretAnswer, type ShopifyBody } from './responses.js';

const cost = (requested: number, available: number, rate = 100) => ({
  requestedQueryCost: requested, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: available, restoreRate: rate },
});
const none = new Headers();

function errorOf(status: number, body: ShopifyBody | undefined, headers = none) {
  const answer = interpretAnswer(status, headers, body, body ? JSON.stringify(body) : 'oops');
  if (answer.ok) throw new Error('expected a failure');
  return answer;
}

describe('interpretAnswer', () => {
  it('finds THROTTLED in the body whatever the status, waiting for exactly the missing points', () => {
    const body = { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }], extensions: { cost: cost(500, 300) } };
    for (const status of [200, 429]) {
      const a = errorOf(status, body);
      expect(a.outcome).toBe('throttled');
      expect(a.error).toMatchObject({ kind: 'transient', retryAfterMs: 2000 });
    }
  });

  it('sorts HTTP statuses: 401 auth, 429/5xx transient with Retry-After, other 4xx permanent', () => {
    expect(errorOf(401, { errors: '[API] Invalid API key or access token' }).error).toMatchObject({ kind: 'auth', message: expect.stringContaining('Invalid API key') });
    expect(errorOf(503, undefined, new Headers({ 'retry-after': '2' })).error).toMatchObject({ kind: 'transient', retryAfterMs: 2000 });
    expect(errorOf(429, { errors: 'Exceeded 2 calls per second' }).error.kind).toBe('transient');
    expect(errorOf(404, undefined).error.kind).toBe('permanent');
    expect(errorOf(422, { errors: [{ message: 'bad' }] }).error).toMatchObject({ kind: 'permanent', message: 'Shopify answered HTTP 422: bad' });
  });

  it('makes MAX_COST_EXCEEDED and other GraphQL errors permanent, INTERNAL_SERVER_ERROR transient', () => {
    expect(errorOf(200, { errors: [{ message: 'too much', extensions: { code: 'MAX_COST_EXCEEDED', cost: 1200, maxCost: 1000 } }] }).error.message)
      .toBe('Shopify refused the query as too expensive (cost 1200, max 1000): MAX_COST_EXCEEDED');
    expect(errorOf(200, { errors: [{ message: 'Field x does not exist' }] }).error.kind).toBe('permanent');
    expect(errorOf(200, { errors: [{ message: 'oops', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }).error.kind).toBe('transient');
  });

  it('makes a search warning an error', () => {
    const body = { data: { products: { nodes: [] } }, extensions: { search: [{ query: 'updatedAt:>1', warnings: [{ field: 'updatedAt', message: 'Invalid search field for this query.' }] }] } };
    expect(errorOf(200, body).error.message).toBe('Shopify ignored part of the search query "updatedAt:>1" (updatedAt: Invalid search field for this query.)');
  });

  it('answers the data and the cost', () => {
    const answer = interpretAnswer(200, none, { data: { shop: { id: '1' } }, extensions: { cost: cost(1, 1999) } }, '');
    expect(answer).toEqual({ ok: true, data: { shop: { id: '1' } }, cost: cost(1, 1999) });
  });
});
