import { describe, expect, it } from 'vitest';
import { redactMessage, secretLiterals, secretValues } from './redact.js';

describe('credential redaction', () => {
  it('finds secrets in variables, however deeply nested, without recursion limits', () => {
    let deep: unknown = { accessToken: 'shpat_deep' };
    for (let i = 0; i < 50_000; i++) deep = { x: deep };
    expect(secretValues(deep)).toEqual(['shpat_deep']);
    expect(secretValues({ input: { netsuite: { consumerSecret: 's1', tokenSecret: 's2', accountId: 'visible' } } }).sort()).toEqual(['s1', 's2']);
  });

  it('finds secrets typed into the query text', () => {
    expect(secretLiterals('mutation { createConnection(input: { name: "x", shopify: { shopDomain: "a", accessToken: SHPAT_X } }) { connection { id } } }')).toEqual(['SHPAT_X']);
    expect(secretLiterals('{ broken')).toEqual([]);
  });

  it('cuts every secret out of a message', () => {
    expect(redactMessage('Variable "$input" got invalid value { accessToken: "abc123" }', ['abc123'])).toBe('Variable "$input" got invalid value { accessToken: "[redacted]" }');
  });
});
