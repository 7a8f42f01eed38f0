import { describe, expect, it } from 'vitest';
import { describeOutcome, readMetadata } from './outcome';

const result = (action: string, reason: string, changedFields: string[] = [], error: string | null = null) =>
  ({ action, reason, changedFields, error }) as NonNullable<Parameters<typeof describeOutcome>[0]['lastResult']>;

describe('describeOutcome', () => {
  it('says why an item was skipped', () => {
    expect(describeOutcome({ lastResult: result('SKIPPED', 'UNCHANGED'), lastSyncStatus: 'SUCCESS', errorMessage: null })).toEqual({ tone: 'neutral', text: 'skipped: unchanged', canRetry: false });
  });

  it('lists the changed fields of an update', () => {
    expect(describeOutcome({ lastResult: result('UPDATED', 'CHANGED_FIELDS', ['price', 'title']), lastSyncStatus: 'SUCCESS', errorMessage: null }).text).toBe('updated: price, title');
  });

  it('gives the reason when a write had no field list', () => {
    expect(describeOutcome({ lastResult: result('CREATED', 'NEVER_SYNCED'), lastSyncStatus: 'SUCCESS', errorMessage: null }).text).toBe('created: never synced');
    expect(describeOutcome({ lastResult: result('UPDATED', 'FULL_MODE'), lastSyncStatus: 'SUCCESS', errorMessage: null }).text).toBe('updated: full mode');
  });

  it('shows the error of a failure and offers a retry', () => {
    expect(describeOutcome({ lastResult: result('FAILED', 'PERMANENT_ERROR', [], 'Handle taken'), lastSyncStatus: 'FAILED', errorMessage: 'Handle taken' })).toEqual({
      tone: 'danger',
      text: 'failed: Handle taken',
      canRetry: true,
    });
  });

  it('falls back to the item’s status before any recorded outcome', () => {
    expect(describeOutcome({ lastResult: null, lastSyncStatus: 'PENDING', errorMessage: null }).text).toBe('not synced yet');
    expect(describeOutcome({ lastResult: null, lastSyncStatus: 'FAILED', errorMessage: 'timeout' })).toMatchObject({ text: 'failed: timeout', canRetry: true });
  });
});

describe('readMetadata', () => {
  it('reads name, SKU and price and ignores anything else', () => {
    expect(readMetadata({ name: 'Lamp', sku: 'L-1', price: 12.5, other: true })).toEqual({ name: 'Lamp', sku: 'L-1', price: 12.5 });
    expect(readMetadata(null)).toEqual({ name: null, sku: null, price: null });
    expect(readMetadata({ name: 3, price: {} })).toEqual({ name: null, sku: null, price: null });
  });
});
