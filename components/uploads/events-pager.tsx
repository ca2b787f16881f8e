import Link from "next/link";
import { pagePosition } from "@/components/layout/page-position";

/** A page of gateway events, an upload's or every upload's: where it stands, and the cursors of the pages beside it. */
type EventsPage = { events: readonly unknown[]; offset: number; total: number; nextCursor: string | null; prevCursor: string | null };

/**
 * Previous and next page of gateway events, and where the events shown stand
 * among all of them (`order`: in which order they are listed). Plain links
 * (`href` makes one from a cursor): the page is the URL, so a page of
 * events can be shared as a page of calls can.
 */
export function EventsPager({ page, href, order }: { page: EventsPage; href: (cursor: string) => string; order: string }) {
  return (
    <nav className="pager" aria-label="Pages">
      {page.prevCursor !== null && (
        <Link className="button" href={href(page.prevCursor)}>
          Previous page
        </Link>
      )}
      {page.nextCursor !== null && (
        <Link className="button" href={href(page.nextCursor)}>
          Next page
        </Link>
      )}
      <span className="pager-position" data-testid="position">
        {pagePosition({ shown: page.events.length, offset: page.offset, total: page.total })}, {order}
      </span>
    </nav>
  );
}
