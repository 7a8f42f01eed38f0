import { describe, expect, it } from 'vitest';
import { captureTokenFromUrl, clearToken, readToken, saveToken, takeSignOutReason } from './session';

describe('session', () => {
  it('keeps the token in sessionStorage and forgets it on sign-out with a reason', () => {
    saveToken(' abc ');
    expect(readToken()).toBe('abc');
    clearToken('expired');
    expect(readToken()).toBeNull();
    expect(takeSignOutReason()).toBe('expired');
    expect(takeSignOutReason()).toBeNull();
  });

  it('takes a token handed back by the sign-in page in the URL fragment, and hides it', () => {
    window.history.replaceState(null, '', '/sync-list#access_token=from-idp&token_type=bearer');
    captureTokenFromUrl();
    expect(readToken()).toBe('from-idp');
    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/sync-list');
  });
});
