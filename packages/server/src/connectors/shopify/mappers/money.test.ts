import { describe, expect, it } from 'vitest';
import { MappingError, normalizeMoney } from './money.js';

describe('normalizeMoney', () => {
  it('normalises decimal strings to two places without floats', () => {
    expect(normalizeMoney('12.5')).toBe('12.50');
    expect(normalizeMoney('12')).toBe('12.00');
    expect(normalizeMoney('12.')).toBe('12.00');
    expect(normalizeMoney(' 0.105 ')).toBe('0.11');
    expect(normalizeMoney('0.104')).toBe('0.10');
    expect(normalizeMoney('-0.001')).toBe('0.00');
    expect(normalizeMoney('-4.2')).toBe('-4.20');
    expect(normalizeMoney('123456789012345678.99')).toBe('123456789012345678.99');
    expect(normalizeMoney(7.5)).toBe('7.50');
  });

  it('refuses what is not a decimal', () => {
    expect(() => normalizeMoney('1e3')).toThrow(MappingError);
    expect(() => normalizeMoney('12,50')).toThrow(MappingError);
    expect(() => normalizeMoney('')).toThrow(MappingError);
  });
});
