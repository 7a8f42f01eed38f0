import { isIP } from 'node:net';

// Outbound safety (DESIGN §10): every URL a connection will fetch is checked here before
// any request is made, so a user cannot point the server at an arbitrary host (SSRF).

export const URL_MAX = 2048;
export const HOSTNAME_MAX = 253;

export type OutboundCode = 'INVALID' | 'OUTBOUND_NOT_ALLOWED';

export type OutboundCheck<T> = { ok: true; value: T } | { ok: false; code: OutboundCode; message: string };

/** One OUTBOUND_ALLOWED_HOSTS entry: `*.example.com` (any subdomain), `host`, `host:port`, `[::1]:port`. */
export interface AllowedHost {
  kind: 'exact' | 'suffix';
  host: string;
  /** null: any port. */
  port: number | null;
}

const invalid = <T>(message: string): OutboundCheck<T> => ({ ok: false, code: 'INVALID', message });
const notAllowed = <T>(message: string): OutboundCheck<T> => ({ ok: false, code: 'OUTBOUND_NOT_ALLOWED', message });

function parsePort(text: string | undefined): number | null | undefined {
  if (text === undefined) return null;
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : undefined;
}

/** Parses the configured list; malformed entries are dropped (they can never match). */
export function parseAllowedHosts(entries: readonly string[]): AllowedHost[] {
  const out: AllowedHost[] = [];
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    const wildcard = entry.startsWith('*.');
    const rest = wildcard ? entry.slice(2) : entry;
    let host: string;
    let portText: string | undefined;
    const bracketed = /^\[([0-9a-f:.]+)\](?::(\d+))?$/.exec(rest);
    if (bracketed) {
      host = `[${bracketed[1]}]`;
      portText = bracketed[2];
      if (wildcard || isIP(bracketed[1]!) !== 6) continue;
    } else if ((rest.match(/:/g) ?? []).length > 1) {
      if (wildcard || isIP(rest) !== 6) continue;
      host = `[${rest}]`;
    } else {
      const [h, p] = rest.split(':');
      host = h!;
      portText = p;
      if (!(isIP(host) === 4 && !wildcard) && !isHostname(host)) continue;
    }
    const port = parsePort(portText);
    if (port === undefined) continue;
    out.push({ kind: wildcard ? 'suffix' : 'exact', host, port });
  }
  return out;
}

/** Which kind of entry lets this host (URL hostname form: IPv6 in brackets) and port through. */
export function matchAllowedHost(allowed: readonly AllowedHost[], host: string, port: number): 'exact' | 'suffix' | null {
  const h = host.toLowerCase();
  const ip = isIP(h.replace(/^\[|\]$/g, '')) !== 0;
  let match: 'exact' | 'suffix' | null = null;
  for (const entry of allowed) {
    if (entry.port !== null && entry.port !== port) continue;
    if (entry.kind === 'exact' && entry.host === h) return 'exact';
    // `*.example.com` matches a subdomain, never the bare domain, and never an IP literal.
    if (entry.kind === 'suffix' && !ip && h.endsWith(`.${entry.host}`)) match = 'suffix';
  }
  return match;
}

/** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens. */
export function isHostname(host: string): boolean {
  if (host.length === 0 || host.length > HOSTNAME_MAX) return false;
  const labels = host.split('.');
  if (!labels.every((l) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(l))) return false;
  // WHATWG URL parsing reads a host whose last label is a number (1.2.3, 0x7f.1) as IPv4.
  return !/^(\d+|0x[0-9a-f]*)$/i.test(labels[labels.length - 1]!);
}

const PRINTABLE = /^[\x21-\x7e]*$/;

/**
 * A shop domain is a bare host name (no scheme, port, path or IP literal); a single label
 * is a shop name on myshopify.com. When no base URL overrides it, it is what gets
 * fetched, so it must itself be an allowed host.
 */
export function checkShopDomain(raw: string, allowed: readonly AllowedHost[], fetched: boolean): OutboundCheck<string> {
  let host = raw.trim().toLowerCase();
  if (host.length === 0) return invalid('must not be empty');
  if (host.length > HOSTNAME_MAX) return invalid(`must be at most ${HOSTNAME_MAX} characters`);
  if (!PRINTABLE.test(host)) return invalid('must not contain spaces or non-ASCII characters');
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare) !== 0 || /^[\d.]+$/.test(host)) return invalid('must be a host name, not an IP address');
  if (/[/:@?#\\]/.test(host)) return invalid('must be a host name only, such as your-shop.myshopify.com (no scheme, port or path)');
  if (!isHostname(host)) {
    return /^(\d+|0x[0-9a-f]*)$/i.test(host.split('.').pop() ?? '') ? invalid('must be a host name, not an IP address') : invalid('must be a valid host name');
  }
  // A bare shop name means the shop's myshopify.com domain, as the connector reads it.
  if (!host.includes('.')) host = `${host}.myshopify.com`;
  if (fetched && matchAllowedHost(allowed, host, 443) === null) return notAllowed('is not an allowed host');
  return { ok: true, value: host };
}

const URL_SHAPE = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/i;
const AUTHORITY = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d*))?$/i;
const PATH_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * A base URL override: https (http only to a host listed exactly, never through a
 * wildcard, so credentials never cross the internet in clear), a plain host name or an
 * allowed IP, no userinfo, no query or fragment, and a path of plain segments only.
 * Answers the normalised form (lower-case origin, default port and trailing slash dropped).
 */
export function checkBaseUrl(raw: string, allowed: readonly AllowedHost[]): OutboundCheck<string> {
  const text = raw.trim();
  if (text.length === 0) return invalid('must not be empty');
  if (text.length > URL_MAX) return invalid(`must be at most ${URL_MAX} characters`);
  // The URL parser silently drops tabs and newlines and reads "\" as "/": refuse both.
  if (!PRINTABLE.test(text) || text.includes('\\')) return invalid('must not contain spaces, backslashes or non-ASCII characters');
  const shape = URL_SHAPE.exec(text);
  if (!shape) return invalid('must be an absolute URL such as https://example.com');
  const [, schemeRaw, authority, path, query, fragment] = shape;
  const scheme = schemeRaw!.toLowerCase();
  if (scheme !== 'https' && scheme !== 'http') return invalid('must use https');
  if (authority!.includes('@')) return invalid('must not contain a user name or password');
  if (query !== undefined || fragment !== undefined) return invalid('must not have a query or fragment');
  const parts = AUTHORITY.exec(authority!);
  if (!parts) return invalid('must have a valid host');
  const host = parts[1]!.toLowerCase();
  const explicitPort = parts[2] === undefined ? null : parsePort(parts[2]);
  if (explicitPort === undefined) return invalid('must have a valid port');
  const bracketed = host.startsWith('[');
  if (bracketed ? isIP(host.slice(1, -1)) !== 6 : !(isIP(host) === 4 || isHostname(host))) return invalid('must have a valid host');
  const segments = path!.split('/').slice(1);
  if (segments.length && segments[segments.length - 1] === '') segments.pop();
  if (!segments.every((s) => PATH_SEGMENT.test(s) && s !== '.' && s !== '..')) return invalid('must have a plain path (letters, digits, - . _ ~ only)');

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return invalid('must be a valid URL');
  }
  // Belt and braces: what the URL parser will fetch must be exactly what we checked.
  if (url.hostname !== host || url.username || url.password) return invalid('must have a plain host');
  const port = url.port ? Number(url.port) : scheme === 'https' ? 443 : 80;
  const match = matchAllowedHost(allowed, host, port);
  if (match === null) return notAllowed('is not an allowed host');
  if (scheme === 'http' && match !== 'exact') return notAllowed('must use https (http is allowed only to hosts listed exactly in the allowed hosts)');
  return { ok: true, value: `${url.origin}${segments.length ? `/${segments.join('/')}` : ''}` };
}
