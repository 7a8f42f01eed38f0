import { useSyncExternalStore } from 'react';

// The token lives for the browser session only (sessionStorage), as the issue asks.
const TOKEN_KEY = 'synclane.token';
const REASON_KEY = 'synclane.signOutReason';

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function readToken(): string | null {
  return storage()?.getItem(TOKEN_KEY) ?? null;
}

export function saveToken(token: string): void {
  storage()?.setItem(TOKEN_KEY, token.trim());
  storage()?.removeItem(REASON_KEY);
  notify();
}

/** Signs out; `reason` is shown once on the sign-in page (e.g. an expired token). */
export function clearToken(reason?: string): void {
  const store = storage();
  if (!store?.getItem(TOKEN_KEY)) return;
  store.removeItem(TOKEN_KEY);
  if (reason) store.setItem(REASON_KEY, reason);
  notify();
}

export function takeSignOutReason(): string | null {
  const store = storage();
  const reason = store?.getItem(REASON_KEY) ?? null;
  store?.removeItem(REASON_KEY);
  return reason;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useToken(): string | null {
  return useSyncExternalStore(subscribe, readToken, () => null);
}

/**
 * An external sign-in page (signInUrl) may send the user back with the token in the
 * fragment (`#access_token=...`, the Supabase/OAuth implicit form) or as `?token=`.
 */
export function captureTokenFromUrl(): void {
  const url = new URL(window.location.href);
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  const token = fragment.get('access_token') ?? url.searchParams.get('token');
  if (!token) return;
  url.hash = '';
  url.searchParams.delete('token');
  window.history.replaceState(null, '', url.pathname + url.search);
  saveToken(token);
}
