// SuiteQL shows and reads datetimes as wall time in the account's zone, never UTC. These
// helpers turn UTC instants into that wall time and back, including the DST edge cases.

/** The TO_CHAR / TO_DATE format the connector reads and writes datetimes in. */
export const WALL_TIME_FORMAT = 'YYYY-MM-DD HH24:MI:SS';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, f);
  }
  return f;
}

// Intl formatting dominates reading 10,000 rows; rows share few distinct seconds, so remember them.
const wallCache = new Map<string, string>();
const instantsCache = new Map<string, Date[]>();

function remember<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (cache.size >= 50_000) cache.clear();
  const value = compute();
  cache.set(key, value);
  return value;
}

/** `2026-11-01 01:30:00` for an instant, in the zone; seconds truncated. */
export function toWallTime(instant: Date, zone: string): string {
  return remember(wallCache, `${zone}|${Math.floor(instant.getTime() / 1000)}`, () => {
    const p: Record<string, string> = {};
    for (const part of formatter(zone).formatToParts(instant)) p[part.type] = part.value;
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
  });
}

function wallAsUtcMs(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`not a ${WALL_TIME_FORMAT} wall time: "${text}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/**
 * Every instant showing this wall time in the zone, earliest first: one normally, two in the
 * hour repeated when DST ends, none in the hour skipped when it starts.
 */
export function instantsOfWallTime(text: string, zone: string): Date[] {
  return remember(instantsCache, `${zone}|${text}`, () => computeInstants(text, zone)).map((d) => new Date(d));
}

function computeInstants(text: string, zone: string): Date[] {
  const asUtc = wallAsUtcMs(text);
  const wall = toWallTime(new Date(asUtc), 'UTC');
  const offsets = new Set<number>();
  for (const probe of [asUtc - 86_400_000, asUtc, asUtc + 86_400_000]) offsets.add(wallAsUtcMs(toWallTime(new Date(probe), zone)) - Math.floor(probe / 1000) * 1000);
  const found = [...offsets].map((o) => asUtc - o).filter((t) => toWallTime(new Date(t), zone) === wall);
  return [...new Set(found)].sort((a, b) => a - b).map((t) => new Date(t));
}

/** The instant of a TO_CHAR wall time; the earlier one when ambiguous, so watermarks err on re-reading. */
export function fromWallTime(text: string, zone: string): Date {
  const instants = instantsOfWallTime(text, zone);
  if (instants.length > 0) return instants[0];
  // TO_CHAR never shows a skipped time; read one with the offset in force before the gap.
  const asUtc = wallAsUtcMs(text);
  const dayBefore = asUtc - 86_400_000;
  return new Date(asUtc - (wallAsUtcMs(toWallTime(new Date(dayBefore), zone)) - dayBefore));
}

/** A SuiteQL literal for an instant: `TO_DATE('2026-11-01 01:30:00', 'YYYY-MM-DD HH24:MI:SS')`. */
export function dateLiteral(instant: Date, zone: string): string {
  return wallTimeLiteral(toWallTime(instant, zone));
}

export function wallTimeLiteral(wall: string): string {
  wallAsUtcMs(wall);
  return `TO_DATE('${wall}', '${WALL_TIME_FORMAT}')`;
}

/** `TO_CHAR(column, 'YYYY-MM-DD HH24:MI:SS')`. */
export function wallTimeColumn(column: string): string {
  return `TO_CHAR(${column}, '${WALL_TIME_FORMAT}')`;
}
