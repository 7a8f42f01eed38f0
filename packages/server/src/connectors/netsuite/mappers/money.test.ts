import { describe, expect, it } from 'vitest';
import { moneyToNumber, normalizeMoney } from './money.js';

describe('normalizeMoney', () => {
  it('normalises to two places without floats', () => {
    expect(normalizeMoney('12.5')).toBe('12.50');
    expect(normalizeMoney('.5')).toBe('0.50');
    expect(normalizeMoney('-.5')).toBe('-0.50');
    expect(normalizeMoney('7')).toBe('7.00');
    expect(normalizeMoney('1.005')).toBe('1.01');
    expect(normalizeMoney('99999999999999999.994')).toBe('99999999999999999.99');
    expect(normalizeMoney(19.99)).toBe('19.99');
    expect(moneyToNumber('19.90')).toBe(19.9);
  });

  it('refuses what is not an amount', () => {
    expect(() => normalizeMoney('abc')).toThrow(/decimal amount/);
    expect(() => normalizeMoney('')).toThrow();
    expect(() => normalizeMoney(Number.NaN)).toThrow();
  });
});
