import { describe, expect, it } from 'vitest';
import { MappingError } from './money.js';
import { parseInstant, searchInstant } from './time.js';

describe('Shopify timestamps', () => {
  it('parses ISO-8601 with a zone to a UTC instant', () => {
    expect(parseInstant('2030-01-02T03:04:05Z').toISOString()).toBe('2030-01-02T03:04:05.000Z');
    expect(parseInstant('2030-01-02T00:30:00-05:00').toISOString()).toBe('2030-01-02T05:30:00.000Z');
  });

  it('refuses a timestamp without a zone or a date only', () => {
    expect(() => parseInstant('2030-01-02T03:04:05')).toThrow(MappingError);
    expect(() => parseInstant('2030-01-02')).toThrow(MappingError);
  });

  it('writes search instants in whole seconds, UTC', () => {
    expect(searchInstant(new Date('2030-01-02T03:04:05.999Z'))).toBe('2030-01-02T03:04:05Z');
  });
});
