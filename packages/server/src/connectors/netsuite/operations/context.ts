import { ConnectorError } from '../../errors.js';
import type { NetSuiteClient } from '../client.js';
import type { NetSuiteSettings } from '../settings.js';

/** What every operation works with: the client and the connection's settings. */
export interface NetSuiteContext {
  client: NetSuiteClient;
  settings: NetSuiteSettings;
  /** Class id by name, read once per connector. */
  classIds(): Promise<ReadonlyMap<string, string>>;
  /** How far before the watermark a changed-since read starts; at least an hour (DST). */
  overlapMs: number;
  /** The watermark stays this far behind NetSuite's serverTime, for saves still committing. */
  settleMs: number;
}

export function classDirectory(client: NetSuiteClient): () => Promise<ReadonlyMap<string, string>> {
  let loaded: Promise<ReadonlyMap<string, string>> | null = null;
  return () => {
    loaded ??= (async () => {
      const map = new Map<string, string>();
      for (let offset = 0; ; offset += 1000) {
        const page = await client.suiteql("SELECT classification.id AS id, classification.name AS name FROM classification WHERE classification.isinactive = 'F' ORDER BY classification.id", 1000, offset);
        for (const row of page.items) if (row.name !== undefined && !map.has(row.name)) map.set(row.name, row.id);
        if (!page.hasMore) return map;
      }
    })().catch((err: unknown) => {
      loaded = null;
      throw err;
    });
    return loaded;
  };
}

export function requireInternalId(id: string, what: string): string {
  if (!/^\d{1,18}$/.test(id)) throw new ConnectorError('permanent', `netsuite: ${what} id "${id}" is not an internal id`);
  return id;
}
