import type { CursorPager } from './useCursorPager';

interface PagerProps {
  pager: CursorPager;
  hasNextPage: boolean;
  endCursor: string | null | undefined;
  totalCount?: number;
  shown: number;
  pageSize: number;
  noun: string;
}

export function Pager({ pager, hasNextPage, endCursor, totalCount, shown, pageSize, noun }: PagerProps) {
  const first = (pager.page - 1) * pageSize + (shown > 0 ? 1 : 0);
  const last = (pager.page - 1) * pageSize + shown;
  return (
    <nav className="pager" aria-label={`${noun} pages`}>
      <span className="pager-info">
        {shown > 0 ? `${first}–${last}` : '0'}
        {totalCount !== undefined ? ` of ${totalCount}` : ''} {noun}
      </span>
      <button type="button" className="btn btn-small" onClick={pager.previous} disabled={pager.page <= 1}>
        Previous
      </button>
      <button type="button" className="btn btn-small" onClick={() => pager.next(endCursor)} disabled={!hasNextPage || !endCursor}>
        Next
      </button>
    </nav>
  );
}
