"use client";

import { usePathname } from "next/navigation";
import type { MouseEvent } from "react";
import { CALLS_TABLE_ID } from "@/components/explorer/anchors";

export const MAIN_CONTENT_ID = "main-content";

/**
 * The page's first stop for the Tab key, shown only while focused: on the
 * explorer it skips the header, the filters and the ~100 facet controls to
 * the calls table; elsewhere (and on the explorer before anything is
 * stored, with no table) to the main content.
 */
export function SkipLink() {
  const explorer = usePathname() === "/";
  const target = explorer ? CALLS_TABLE_ID : MAIN_CONTENT_ID;
  // Moves the focus itself rather than following the #fragment, which would end up in the explorer's copied links.
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const element = document.getElementById(target) ?? document.getElementById(MAIN_CONTENT_ID);
    if (!element) return;
    event.preventDefault();
    element.focus();
  };
  return (
    <a className="skip-link" href={`#${target}`} onClick={skip}>
      {explorer ? "Skip to calls" : "Skip to main content"}
    </a>
  );
}
