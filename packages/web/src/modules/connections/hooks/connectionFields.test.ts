import { describe, expect, it } from 'vitest';
import { splitUserErrors } from '../../../ui/userErrors';
import { buildCreateConnectionInput, missingRequired } from './connectionFields';

describe('buildCreateConnectionInput', () => {
  it('sends one Shopify block, trimmed, without blank optional settings', () => {
    expect(buildCreateConnectionInput('SHOPIFY', ' Store ', { shopDomain: ' a.myshopify.com ', accessToken: 'shpat_1', apiVersion: '', locationId: 'gid://shopify/Location/1' })).toEqual({
      name: 'Store',
      shopify: { shopDomain: 'a.myshopify.com', accessToken: 'shpat_1', locationId: 'gid://shopify/Location/1' },
    });
  });

  it('includes NetSuite’s optional location, shipping item and time zone', () => {
    const input = buildCreateConnectionInput('NETSUITE', 'NS', {
      accountId: '123_SB1', consumerKey: 'ck', consumerSecret: 'cs', tokenId: 'ti', tokenSecret: 'ts', locationId: '2', shippingItemId: '77', timeZone: 'America/New_York',
    });
    expect(input.shopify).toBeUndefined();
    expect(input.netsuite).toMatchObject({ accountId: '123_SB1', locationId: '2', shippingItemId: '77', timeZone: 'America/New_York' });
  });

  it('names the required fields still empty', () => {
    expect(missingRequired('SHOPIFY', '', { shopDomain: 'x' })).toEqual(['name', 'accessToken']);
  });
});

describe('splitUserErrors', () => {
  it('places errors beside the field their path ends with, the rest above the form', () => {
    const split = splitUserErrors(
      [
        { field: ['input', 'shopify', 'shopDomain'], message: 'Must be https', code: 'INVALID' },
        { field: null, message: 'Try later', code: 'INTERNAL' },
        { field: ['input', 'unknown'], message: 'Odd', code: 'INVALID' },
      ],
      ['shopDomain', 'name'],
    );
    expect(split).toEqual({ byField: { shopDomain: 'Must be https' }, general: ['Try later', 'Odd'] });
  });
});
