import type { Tone } from '../../../ui/Notice';

/** `NEVER_SYNCED` → `never synced`. Works for enum values the schema adds later, too. */
export function humanize(value: string | null | undefined): string {
  if (!value) return '';
  return value.toLowerCase().replace(/_/g, ' ');
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const RUN_STATUS_TONES: Record<string, Tone | 'neutral'> = {
  RUNNING: 'info',
  COMPLETED: 'success',
  PARTIAL_SUCCESS: 'warning',
  FAILED: 'danger',
};

export function runStatusTone(status: string): Tone | 'neutral' {
  return RUN_STATUS_TONES[status] ?? 'neutral';
}

const ITEM_STATUS_TONES: Record<string, Tone | 'neutral'> = { SUCCESS: 'success', FAILED: 'danger', PENDING: 'neutral' };

export function itemStatusTone(status: string | null | undefined): Tone | 'neutral' {
  return status ? (ITEM_STATUS_TONES[status] ?? 'neutral') : 'neutral';
}

const ACTION_TONES: Record<string, Tone | 'neutral'> = { CREATED: 'success', UPDATED: 'info', SKIPPED: 'neutral', FAILED: 'danger' };

export function actionTone(action: string): Tone | 'neutral' {
  return ACTION_TONES[action] ?? 'neutral';
}

export const PLATFORM_LABELS: Record<string, string> = { NETSUITE: 'NetSuite', SHOPIFY: 'Shopify' };

export function platformLabel(platform: string): string {
  return PLATFORM_LABELS[platform] ?? capitalize(humanize(platform));
}

export const DIRECTION_LABELS: Record<string, string> = {
  NETSUITE_TO_SHOPIFY: 'NetSuite → Shopify',
  SHOPIFY_TO_NETSUITE: 'Shopify → NetSuite',
  BIDIRECTIONAL: 'Both ways',
};

export function directionLabel(direction: string): string {
  return DIRECTION_LABELS[direction] ?? capitalize(humanize(direction));
}
