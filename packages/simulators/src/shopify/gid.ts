/** Shopify global ids: `gid://shopify/Product/123` (an InventoryLevel also carries a query string). */
export function toGid(type: string, num: number): string {
  return `gid://shopify/${type}/${num}`;
}

export interface ParsedGid {
  type: string;
  num: number;
}

export function parseGid(id: string): ParsedGid | undefined {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(\?.*)?$/.exec(id);
  if (!match) return undefined;
  return { type: match[1] as string, num: Number(match[2]) };
}

/** Shopify timestamps have whole-second precision. */
export function wholeSecond(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 1000) * 1000);
}

export function isoSeconds(at: Date): string {
  return wholeSecond(at).toISOString().replace('.000Z', 'Z');
}
