"use client";

import Link from "next/link";
import { TimeSpan } from "@/components/calls/local-time";
import { explorerPath, withFixedTimes, type FixedTimes } from "@/lib/explorer/explorer-href";
import { useExplorerUrl } from "./use-explorer-url";

/**
 * What an empty table says: how to widen the view, and the likeliest reason
 * it is empty. A relative range counts back from now while traces are often
 * read days later, so when every call these filters match is older, it
 * offers the same range up to the latest one. A pasted token finds nothing, as credentials
 * are stored masked.
 */
export function NoCalls({ latestWindow }: { latestWindow: FixedTimes | null }) {
  const url = useExplorerUrl();
  return (
    <div className="table-empty">
      <p>No calls match these filters. Remove a filter or widen the time range.</p>
      {latestWindow && (
        <p>
          Every call these filters match is older than this range.{" "}
          <Link href={explorerPath(withFixedTimes(url.params, latestWindow))}>
            Show the same range up to the latest call (<TimeSpan first={latestWindow.from} last={latestWindow.to} />)
          </Link>
        </p>
      )}
      {url.params.has("q") && <p>Credentials are stored masked, so search finds them only by their preview (2Yot…pAA): to look up a whole one, use Find credential…</p>}
    </div>
  );
}
