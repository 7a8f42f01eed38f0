import { afterEach, describe, expect, it, vi } from 'vitest';
import { MeDocument } from '../gql/graphql';
import { createApiClient } from './apiClient';

afterEach(() => vi.unstubAllGlobals());

describe('createApiClient', () => {
  it('sends the bearer token and reports a 401 as an expired session', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ errors: [{ message: 'Unauthenticated' }] }), { status: 401, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    const onUnauthorized = vi.fn();
    const api = createApiClient('tok-123', onUnauthorized);
    await expect(api.client.query({ query: MeDocument })).rejects.toBeDefined();
    expect(onUnauthorized).toHaveBeenCalled();
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer tok-123');
    api.dispose();
  });

  it('does not sign out on other failures', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('oops', { status: 500 })));
    const onUnauthorized = vi.fn();
    const api = createApiClient('tok', onUnauthorized);
    await expect(api.client.query({ query: MeDocument })).rejects.toBeDefined();
    expect(onUnauthorized).not.toHaveBeenCalled();
    api.dispose();
  });
});
