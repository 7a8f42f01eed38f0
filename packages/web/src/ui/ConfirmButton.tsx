import { useEffect, useRef, useState } from 'react';

interface ConfirmButtonProps {
  label: string;
  /** The question shown before acting, e.g. "Delete this pattern?". */
  question: string;
  confirmLabel?: string;
  onConfirm: () => void | Promise<void>;
  disabled?: boolean;
  className?: string;
  /** Accessible name when `label` alone is ambiguous in a list ("Delete Active Electronics"). */
  ariaLabel?: string;
}

/** An inline two-step destructive action: no modal, keyboard focus moves to the choice. */
export function ConfirmButton({ label, question, confirmLabel = 'Yes, delete', onConfirm, disabled, className, ariaLabel }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" className={className ?? 'btn btn-danger-ghost btn-small'} disabled={disabled} aria-label={ariaLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button
        ref={confirmRef}
        type="button"
        className="btn btn-danger btn-small"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="btn btn-small" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
