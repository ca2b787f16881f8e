"use client";

import type { CallPage } from "@/lib/explorer";
import { pagePosition } from "@/components/layout/page-position";
import { useExplorerUrl } from "./use-explorer-url";

/**
 * First, previous and next page, and where the rows shown stand in the view
 * ("51–100 of 11,701"). A page's cursors belong to the rows shown: while
 * another view loads they would skip into the middle of that one, so they
 * wait. `limit` is the view's page size.
 */
export function CallsPager({ page, limit }: { page: CallPage; limit: number }) {
  const url = useExplorerUrl();
  const onFirstPage = !url.params.get("cursor");
  const first = () => url.navigate((next) => next.delete("cursor"));
  const go = (cursor: string) => url.navigate((next) => next.set("cursor", cursor), { keepCursor: true });
  // A page within one page of the start goes back to the first page itself, so its link is the view's plain one.
  const previous = () => (page.offset <= limit ? first() : page.prevCursor && go(page.prevCursor));
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" className="button" disabled={onFirstPage} onClick={first}>
        First page
      </button>
      <button type="button" className="button" disabled={!page.prevCursor || url.pending} onClick={previous}>
        Previous page
      </button>
      <button type="button" className="button" disabled={!page.nextCursor || url.pending} onClick={() => page.nextCursor && go(page.nextCursor)}>
        Next page
      </button>
      <span className="pager-position" data-testid="position">
        {pagePosition({ shown: page.items.length, offset: page.offset, total: page.total })}
      </span>
      <span className="muted keyboard-hint">
        <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>/</kbd> search
      </span>
    </nav>
  );
}
