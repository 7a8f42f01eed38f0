import { fromWallTime, toWallTime, type WallTime } from './time-zone.js';

// Oracle-style format models (TO_CHAR / TO_DATE and the account's date preference):
// YYYY YY MM DD HH24 HH12 HH MI SS AM PM, "quoted text", anything else literal.
type Token = { kind: 'field'; name: string } | { kind: 'text'; value: string };

const FIELDS = ['YYYY', 'HH24', 'HH12', 'YY', 'MM', 'DD', 'HH', 'MI', 'SS', 'AM', 'PM'];

const tokenCache = new Map<string, Token[]>();

export function tokenizeFormat(format: string): Token[] {
  const hit = tokenCache.get(format);
  if (hit) return hit;
  const tokens = tokenizeUncached(format);
  if (tokenCache.size < 1_000) tokenCache.set(format, tokens);
  return tokens;
}

function tokenizeUncached(format: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < format.length) {
    if (format[i] === '"') {
      const end = format.indexOf('"', i + 1);
      if (end < 0) throw new Error(`unterminated quoted text in date format ${format}`);
      tokens.push({ kind: 'text', value: format.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const upper = format.slice(i, i + 4).toUpperCase();
    const field = FIELDS.find((f) => upper.startsWith(f));
    if (field) {
      tokens.push({ kind: 'field', name: field === 'PM' ? 'AM' : field });
      i += field.length;
      continue;
    }
    if (/[A-Za-z]/.test(format[i])) throw new Error(`unsupported date format element at "${format.slice(i)}"`);
    tokens.push({ kind: 'text', value: format[i] });
    i += 1;
  }
  return tokens;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatWallTime(w: WallTime, format: string): string {
  const hour12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
  return tokenizeFormat(format)
    .map((t) => {
      if (t.kind === 'text') return t.value;
      switch (t.name) {
        case 'YYYY': return pad(w.year, 4);
        case 'YY': return pad(w.year % 100);
        case 'MM': return pad(w.month);
        case 'DD': return pad(w.day);
        case 'HH24': return pad(w.hour);
        case 'HH12':
        case 'HH': return pad(hour12);
        case 'MI': return pad(w.minute);
        case 'SS': return pad(w.second);
        default: return w.hour < 12 ? 'AM' : 'PM';
      }
    })
    .join('');
}

// Rendered datetimes by zone and format, then by whole second: a page of 1,000 rows renders
// each column's datetime once per distinct second, not once per row.
const rendered = new Map<string, Map<number, string>>();

export function formatInstant(instant: Date, zone: string, format: string): string {
  const second = Math.floor(instant.getTime() / 1000);
  const key = `${zone}|${format}`;
  let bySecond = rendered.get(key);
  if (!bySecond) {
    if (rendered.size >= 100) rendered.clear();
    rendered.set(key, (bySecond = new Map()));
  }
  let text = bySecond.get(second);
  if (text === undefined) {
    if (bySecond.size >= 50_000) bySecond.clear();
    text = formatWallTime(toWallTime(instant, zone), format);
    bySecond.set(second, text);
  }
  return text;
}

/** Parses text written in a format model; fields the format lacks default to the start of the day. */
export function parseWallTime(text: string, format: string): WallTime {
  const tokens = tokenizeFormat(format);
  const names: string[] = [];
  const pattern = tokens
    .map((t) => {
      if (t.kind === 'text') return t.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(t.name);
      if (t.name === 'YYYY') return '(\\d{4})';
      if (t.name === 'AM') return '(AM|PM|am|pm)';
      return '(\\d{1,2})';
    })
    .join('');
  const match = new RegExp(`^${pattern}$`).exec(text.trim());
  if (!match) throw new Error(`"${text}" does not match the date format ${format}`);
  const w: WallTime = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  let pm: boolean | undefined;
  names.forEach((name, idx) => {
    const raw = match[idx + 1];
    const n = Number(raw);
    if (name === 'YYYY') w.year = n;
    else if (name === 'YY') w.year = 2000 + n;
    else if (name === 'MM') w.month = n;
    else if (name === 'DD') w.day = n;
    else if (name === 'HH24' || name === 'HH12' || name === 'HH') w.hour = n;
    else if (name === 'MI') w.minute = n;
    else if (name === 'SS') w.second = n;
    else pm = raw.toUpperCase() === 'PM';
  });
  if (pm !== undefined) w.hour = (w.hour % 12) + (pm ? 12 : 0);
  const valid = w.month >= 1 && w.month <= 12 && w.day >= 1 && w.day <= 31 && w.hour < 24 && w.minute < 60 && w.second < 60;
  if (!valid) throw new Error(`"${text}" is not a valid date for the format ${format}`);
  return w;
}

export function parseInstant(text: string, format: string, zone: string): Date {
  return fromWallTime(parseWallTime(text, format), zone);
}
