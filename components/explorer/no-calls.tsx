"use client";

import Link from "next/link";
import { TimeSpan } from "@/components/calls/local-time";
import { explorerPath, withFixedTimes, type FixedTimes } from "@/lib/explorer/explorer-href";
import { useExplorerUrl } from "./use-explorer-url";

/**
 * What an empty table says: how to widen the view, and the likeliest reason
 * it is empty. A relative range counts back from now while traces are often
 * read days later, so when every call these filters match is older, it
 * offers the same range up to the latest one. A search may name what only
 * the gateway's own lines hold (a node, a token store): then it links to
 * those events. A pasted token finds nothing, as credentials are stored
 * masked.
 */
export function NoCalls({ latestWindow, gatewayEventsHref }: { latestWindow: FixedTimes | null; gatewayEventsHref: string | null }) {
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
      {gatewayEventsHref && (
        <p>
          The gateway&apos;s own lines mention “{url.params.get("q")}”: <Link href={gatewayEventsHref}>see the gateway events that do</Link>.
        </p>
      )}
      {url.params.has("q") && <p>Credentials are stored masked, so search finds them only by their preview (2Yot…pAA): to look up a whole one, use Find credential…</p>}
    </div>
  );
}
