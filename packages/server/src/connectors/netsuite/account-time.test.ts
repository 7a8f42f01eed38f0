import { describe, expect, it } from 'vitest';
import { dateLiteral, fromWallTime, instantsOfWallTime, toWallTime } from './account-time.js';

const NY = 'America/New_York';

describe('account time', () => {
  it('shows an instant as account-zone wall time, across local midnight', () => {
    expect(toWallTime(new Date('2026-11-25T03:30:00Z'), NY)).toBe('2026-11-24 22:30:00');
    expect(toWallTime(new Date('2026-11-25T07:30:00Z'), 'America/Los_Angeles')).toBe('2026-11-24 23:30:00');
    expect(dateLiteral(new Date('2026-01-01T00:00:00Z'), 'Asia/Tokyo')).toBe("TO_DATE('2026-01-01 09:00:00', 'YYYY-MM-DD HH24:MI:SS')");
  });

  it('reads wall time back as a UTC instant', () => {
    expect(fromWallTime('2026-11-24 22:30:00', NY).toISOString()).toBe('2026-11-25T03:30:00.000Z');
    expect(fromWallTime('2026-07-01 12:00:00', 'UTC').toISOString()).toBe('2026-07-01T12:00:00.000Z');
  });

  it('finds both instants of the hour repeated when DST ends, and none in the skipped hour', () => {
    expect(instantsOfWallTime('2026-11-01 01:30:00', NY).map((d) => d.toISOString())).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z']);
    expect(fromWallTime('2026-11-01 01:30:00', NY).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(instantsOfWallTime('2026-03-08 02:30:00', NY)).toEqual([]);
    expect(instantsOfWallTime('2026-03-08 03:30:00', NY).map((d) => d.toISOString())).toEqual(['2026-03-08T07:30:00.000Z']);
  });

  it('refuses text that is not wall time', () => {
    expect(() => fromWallTime('11/24/2026', NY)).toThrow(/wall time/);
  });
});

describe('account time in the skipped hour', () => {
  it('reads a skipped wall time with the offset before the gap', () => {
    expect(fromWallTime('2026-03-08 02:30:00', NY).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });
});
