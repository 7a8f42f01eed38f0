import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearToken, readToken, saveToken } from '../../../app/session';
import { SignInPage } from './SignInPage';

function mockFetch(routes: Record<string, (init?: RequestInit) => Response>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
    const route = routes[url];
    return route ? route(init) : new Response('not found', { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('SignInPage', () => {
  it('offers the demo users and keeps the minted token for the session', async () => {
    const fetchMock = mockFetch({
      '/auth/config': () => json({ demoMode: true, demoUsers: [{ email: 'ada@example.com', name: 'Ada' }, { email: 'grace@example.com' }] }),
      '/auth/demo-token': () => json({ token: 'jwt-for-grace' }),
    });
    render(<SignInPage />);
    const picker = await screen.findByLabelText('Sign in as');
    await userEvent.selectOptions(picker, 'grace@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(readToken()).toBe('jwt-for-grace'));
    const [, init] = fetchMock.mock.calls.find(([url]) => url === '/auth/demo-token') ?? [];
    expect(JSON.parse(String(init?.body))).toEqual({ email: 'grace@example.com' });
    expect(window.sessionStorage.getItem('synclane.token')).toBe('jwt-for-grace');
  });

  it('without demo mode asks for a token and links to the sign-in page', async () => {
    mockFetch({ '/auth/config': () => json({ demoMode: false, signInUrl: 'https://login.example.com/' }) });
    render(<SignInPage />);
    expect(await screen.findByRole('link', { name: 'Continue to your sign-in page' })).toHaveAttribute('href', 'https://login.example.com/');
    expect(screen.queryByLabelText('Sign in as')).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Access token'), '  pasted.jwt.token ');
    await userEvent.click(screen.getByRole('button', { name: 'Use this token' }));
    expect(readToken()).toBe('pasted.jwt.token');
  });

  it('shows why the user was signed out, once', async () => {
    mockFetch({ '/auth/config': () => json({ demoMode: false }) });
    saveToken('old');
    clearToken('Your session has expired.');
    render(<SignInPage />);
    expect(await screen.findByText('Your session has expired.')).toBeInTheDocument();
    expect(window.sessionStorage.getItem('synclane.signOutReason')).toBeNull();
  });

  it('shows an error with a retry when the configuration cannot be loaded', async () => {
    mockFetch({ '/auth/config': () => json({}, 500) });
    render(<SignInPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the sign-in options');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
