"use client";

import type { EventLevel, IgnoredParameter } from "@/lib/explorer";
import { IgnoredNotice } from "@/components/explorer/filter-bar";
import { SearchBox } from "@/components/explorer/search-box";
import { TimeRange } from "@/components/explorer/time-range";
import { useExplorerUrl } from "@/components/explorer/use-explorer-url";

/** The levels as the chart's flags name them (lib/explorer/event-filters.ts maps each to its rank). */
const LEVELS = [
  ["error", "ERROR or FATAL"],
  ["warn", "WARN"],
  ["other", "Other"],
] as const satisfies ReadonlyArray<readonly [EventLevel, string]>;

/**
 * The gateway events' filters, each written to the URL (the URL is the view):
 * their text, their levels (none pressed: every level), the explorer's time
 * window, and what the server ignored of the link.
 */
export function EventsFilterBar({ ignored }: { ignored: IgnoredParameter[] }) {
  const url = useExplorerUrl();
  const levels = url.values("level");
  return (
    <section className="filter-bar" aria-label="Filters">
      <div className="filter-row">
        <SearchBox searched="events" />
        <div className="segmented" role="group" aria-label="Level">
          {LEVELS.map(([level, label]) => (
            <button key={level} type="button" aria-pressed={levels.includes(level)} onClick={() => url.toggleValue("level", level)}>
              {label}
            </button>
          ))}
        </div>
        <TimeRange />
      </div>
      <IgnoredNotice ignored={ignored} shown="events" />
    </section>
  );
}
