import { ConnectorError } from '../errors.js';

const GID = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)$/;

/** A Shopify id as its GID; a bare number is read as that type, anything else (or another type) is refused. */
export function toGid(type: string, id: string): string {
  const trimmed = id.trim();
  if (/^\d+$/.test(trimmed)) return `gid://shopify/${type}/${trimmed}`;
  const m = GID.exec(trimmed);
  if (!m || m[1] !== type) throw new ConnectorError('permanent', `not a Shopify ${type} id: ${JSON.stringify(id)}`);
  return trimmed;
}

/** Orders GIDs by their number (so `Product/99` < `Product/100`), the tie-break of compound cursors. */
export function compareGids(a: string, b: string): number {
  const na = GID.exec(a)?.[2];
  const nb = GID.exec(b)?.[2];
  if (na === undefined || nb === undefined) return a < b ? -1 : a > b ? 1 : 0;
  return na.length !== nb.length ? na.length - nb.length : na < nb ? -1 : na > nb ? 1 : 0;
}
