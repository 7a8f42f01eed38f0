import { useCallback, useState } from 'react';

export interface CursorPager {
  /** The `after` cursor of the current page (undefined on the first page). */
  after: string | undefined;
  page: number;
  next(endCursor: string | null | undefined): void;
  previous(): void;
  reset(): void;
}

/** Relay connections page forwards only: remember the cursors we came through. */
export function useCursorPager(): CursorPager {
  const [stack, setStack] = useState<string[]>([]);
  const next = useCallback((endCursor: string | null | undefined) => {
    if (endCursor) setStack((s) => [...s, endCursor]);
  }, []);
  const previous = useCallback(() => setStack((s) => s.slice(0, -1)), []);
  const reset = useCallback(() => setStack([]), []);
  return { after: stack[stack.length - 1], page: stack.length + 1, next, previous, reset };
}
