import { describe, expect, it } from 'vitest';
import { describeErrorBody, errorFromResponse } from './response-errors.js';

const envelope = (status: number, code: string, detail: string, path?: string) => ({
  type: 'https://www.rfc-editor.org/rfc/rfc9110.html',
  title: 'Error',
  status,
  'o:errorDetails': [{ detail, 'o:errorCode': code, ...(path ? { 'o:errorPath': path } : {}) }],
});

describe('NetSuite error answers', () => {
  it('surfaces the o:errorDetails detail, code and path', () => {
    expect(describeErrorBody(envelope(400, 'USER_ERROR', 'Please enter value(s) for: Item Name/Number', 'itemId'))).toBe('USER_ERROR: Please enter value(s) for: Item Name/Number (itemId)');
    const err = errorFromResponse(400, new Headers(), envelope(400, 'NONEXISTENT_FIELD', "Invalid field name 'colour'."), 'PATCH inventoryItem/1');
    expect(err).toMatchObject({ kind: 'permanent', status: 400, message: "netsuite PATCH inventoryItem/1 failed with HTTP 400: NONEXISTENT_FIELD: Invalid field name 'colour'." });
  });

  it('classifies auth, not found, throttling and server errors', () => {
    const auth = errorFromResponse(401, new Headers({ 'www-authenticate': 'OAuth realm="1", error="token_rejected", error_description="Invalid login attempt."' }), envelope(401, 'INVALID_LOGIN', 'Invalid login attempt.'), 'GET serverTime');
    expect(auth).toMatchObject({ kind: 'auth', message: expect.stringContaining('INVALID_LOGIN: Invalid login attempt.') });
    expect(errorFromResponse(401, new Headers({ 'www-authenticate': 'OAuth error_description="Token expired."' }), '', 'x').message).toContain('Token expired.');
    expect(errorFromResponse(404, new Headers(), envelope(404, 'NONEXISTENT_ID', 'gone'), 'x').kind).toBe('not_found');
    expect(errorFromResponse(429, new Headers({ 'retry-after': '2' }), envelope(429, 'X', 'busy'), 'x')).toMatchObject({ kind: 'transient', retryAfterMs: 2000 });
    expect(errorFromResponse(502, new Headers(), 'Bad Gateway', 'x')).toMatchObject({ kind: 'transient', message: 'netsuite x failed with HTTP 502: Bad Gateway' });
  });
});
