import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors.js';
import { defaultBaseUrl, resolveSettings } from './settings.js';

describe('NetSuite settings', () => {
  it('derives the host from the account id (sandbox underscore becomes a dash)', () => {
    expect(defaultBaseUrl('123456_SB1')).toBe('https://123456-sb1.suitetalk.api.netsuite.com');
    expect(resolveSettings({ accountId: '123456_sb1' })).toMatchObject({ accountId: '123456_SB1', baseUrl: 'https://123456-sb1.suitetalk.api.netsuite.com', timeZone: 'America/Los_Angeles' });
  });

  it('lets settings.baseUrl override the host', () => {
    expect(resolveSettings({ accountId: '1', baseUrl: 'http://127.0.0.1:9999/', timeZone: 'Europe/Berlin', locationId: '2' })).toMatchObject({ baseUrl: 'http://127.0.0.1:9999', timeZone: 'Europe/Berlin', locationId: '2' });
  });

  it('refuses a missing account id or an unknown zone', () => {
    expect(() => resolveSettings({})).toThrow(ConnectorError);
    expect(() => resolveSettings({ accountId: '1', timeZone: 'Mars/Olympus' })).toThrow(/time zone/);
  });
});
