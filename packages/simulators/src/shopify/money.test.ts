import { describe, expect, it } from 'vitest';
import { normalizeDecimal } from './money.js';

describe('normalizeDecimal', () => {
  it('pads and rounds to two places without floats', () => {
    expect(normalizeDecimal('12.5')).toBe('12.50');
    expect(normalizeDecimal('7')).toBe('7.00');
    expect(normalizeDecimal('0.005')).toBe('0.01');
    expect(normalizeDecimal('1.994')).toBe('1.99');
    expect(normalizeDecimal('-3.1')).toBe('-3.10');
    expect(normalizeDecimal('90071992547409931.99')).toBe('90071992547409931.99');
    expect(normalizeDecimal('abc')).toBeUndefined();
  });
});
