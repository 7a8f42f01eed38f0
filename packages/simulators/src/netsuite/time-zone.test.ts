import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant, parseWallTime } from './date-format.js';
import { fromWallTime, toWallTime } from './time-zone.js';

const NY = 'America/New_York';

describe('account time zone', () => {
  it('shows an instant as wall time in the zone, across midnight', () => {
    expect(toWallTime(new Date('2026-11-25T03:30:00Z'), NY)).toEqual({ year: 2026, month: 11, day: 24, hour: 22, minute: 30, second: 0 });
    expect(formatInstant(new Date('2026-11-25T07:30:00Z'), 'America/Los_Angeles', 'MM/DD/YYYY')).toBe('11/24/2026');
  });

  it('reads the repeated hour at the end of DST as the earlier instant', () => {
    expect(fromWallTime({ year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0 }, NY).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('moves a time in the spring-forward gap forward', () => {
    expect(fromWallTime({ year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0 }, NY).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('round-trips ordinary wall times', () => {
    for (const iso of ['2026-03-08T06:59:59Z', '2026-03-08T07:00:00Z', '2026-11-01T07:00:00Z', '2026-06-30T23:59:59Z']) {
      const d = new Date(iso);
      expect(fromWallTime(toWallTime(d, NY), NY).getTime()).toBe(d.getTime());
    }
  });
});

describe('date format models', () => {
  it('formats and parses Oracle-style models', () => {
    const d = new Date('2026-01-02T15:04:05Z');
    expect(formatInstant(d, 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')).toBe('2026-01-02T15:04:05');
    expect(formatInstant(d, 'UTC', 'DD.MM.YY HH12:MI AM')).toBe('02.01.26 03:04 PM');
    expect(parseInstant('2026-01-02 15:04:05', 'YYYY-MM-DD HH24:MI:SS', 'UTC').toISOString()).toBe('2026-01-02T15:04:05.000Z');
    expect(parseWallTime('1/2/2026', 'MM/DD/YYYY')).toMatchObject({ year: 2026, month: 1, day: 2, hour: 0 });
  });

  it('rejects text that does not fit the format', () => {
    expect(() => parseWallTime('2026-13-01', 'YYYY-MM-DD')).toThrow();
    expect(() => parseWallTime('yesterday', 'YYYY-MM-DD')).toThrow();
  });
});
