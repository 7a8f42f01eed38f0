import type { ReactNode } from 'react';

export type Tone = 'info' | 'success' | 'warning' | 'danger';

/** A dismissible message; errors are announced assertively, the rest politely. */
export function Notice({ tone = 'info', children, onDismiss }: { tone?: Tone; children: ReactNode; onDismiss?: () => void }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'danger' ? 'alert' : 'status'}>
      <div className="notice-body">{children}</div>
      {onDismiss ? (
        <button type="button" className="btn btn-ghost btn-small" onClick={onDismiss} aria-label="Dismiss message">
          ×
        </button>
      ) : null}
    </div>
  );
}
