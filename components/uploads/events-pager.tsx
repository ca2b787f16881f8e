import Link from "next/link";
import type { UploadEvents } from "@/lib/explorer";
import { pagePosition } from "@/components/layout/page-position";

/**
 * Previous and next page of an upload's gateway events, and where the events
 * shown stand among all of them. Plain links: the page is the URL, so a page
 * of events can be shared as a page of calls can.
 */
export function EventsPager({ page }: { page: UploadEvents }) {
  // The first page's link is the upload's plain one.
  const href = (cursor: string) => `/uploads/${page.upload.id}${cursor === "0" ? "" : `?cursor=${cursor}`}`;
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
        {pagePosition({ shown: page.events.length, offset: page.offset, total: page.total })}, in trace order
      </span>
    </nav>
  );
}
