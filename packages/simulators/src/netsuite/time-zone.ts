/** Wall-clock time in a named IANA zone, second precision. Month is 1-based. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function assertTimeZone(zone: string): void {
  formatterFor(zone);
}

// Intl formatting dominates SuiteQL answers of 1,000 rows; rows share few distinct seconds.
const wallCache = new Map<string, WallTime>();

export function toWallTime(instant: Date, zone: string): WallTime {
  const key = `${zone}|${Math.floor(instant.getTime() / 1000)}`;
  const hit = wallCache.get(key);
  if (hit) return { ...hit };
  if (wallCache.size >= 50_000) wallCache.clear();
  const wall = computeWallTime(instant, zone);
  wallCache.set(key, wall);
  return { ...wall };
}

function computeWallTime(instant: Date, zone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(zone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

function wallAsUtc(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

function offsetAt(utcMs: number, zone: string): number {
  return wallAsUtc(toWallTime(new Date(utcMs), zone)) - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The instant a wall time denotes in a zone. Like Oracle, an ambiguous time (the repeated
 * hour when DST ends) resolves to the earlier instant; a time in the spring-forward gap is
 * moved forward by the gap.
 */
export function fromWallTime(wall: WallTime, zone: string): Date {
  const guess = wallAsUtc(wall);
  const day = 86_400_000;
  const before = guess - offsetAt(guess - day, zone);
  const after = guess - offsetAt(guess + day, zone);
  const valid = [before, after].filter((t) => wallAsUtc(toWallTime(new Date(t), zone)) === guess);
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(before);
}
