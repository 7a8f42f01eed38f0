import { ConnectorError } from '../../errors.js';
import type { CanonicalProduct, CanonicalStatus, SourceRecord } from '../../types.js';
import { fromWallTime } from '../account-time.js';
import type { SuiteQLRow } from '../client.js';
import { normalizeMoney } from './money.js';

/** Columns the product reads select (see operations/products.ts). */
export interface ItemRowColumns {
  id: string;
  itemid: string;
  displayname?: string;
  baseprice?: string;
  isinactive: string;
  classname?: string;
  modified: string;
}

/** NetSuite has one flag: inactive items come back as archived. */
export function statusFromInactive(flag: string | undefined): CanonicalStatus {
  return flag === 'T' ? 'archived' : 'active';
}

export function inactiveFromStatus(status: CanonicalStatus): boolean {
  return status !== 'active';
}

export function requireColumns(row: SuiteQLRow, columns: readonly string[]): void {
  const missing = columns.filter((c) => row[c] === undefined);
  if (missing.length > 0) throw new ConnectorError('permanent', `netsuite: SuiteQL row ${row.id ?? '?'} lacks ${missing.join(', ')}`);
}

/** A SuiteQL item row (TO_CHAR'd modified time in the account zone) as a canonical product. */
export function productFromRow(row: SuiteQLRow, timeZone: string): SourceRecord<CanonicalProduct> {
  requireColumns(row, ['id', 'itemid', 'modified']);
  return {
    id: row.id,
    updatedAt: fromWallTime(row.modified, timeZone),
    data: {
      kind: 'product',
      sku: row.itemid,
      title: row.displayname ?? row.itemid,
      price: row.baseprice === undefined ? '0.00' : normalizeMoney(row.baseprice),
      status: statusFromInactive(row.isinactive),
      category: row.classname ?? null,
    },
  };
}

export interface ItemBody {
  itemId: string;
  displayName: string;
  basePrice: number;
  isInactive: boolean;
  class: { id: string } | null;
}

/** The REST inventoryItem body for a product; `classId` is the class named by the category, or null. */
export function productToItemBody(product: CanonicalProduct, classId: string | null): ItemBody {
  return {
    itemId: product.sku,
    displayName: product.title,
    basePrice: Number(normalizeMoney(product.price)),
    isInactive: inactiveFromStatus(product.status),
    class: classId === null ? null : { id: classId },
  };
}
