"use client";

import { Segmented } from "@/components/layout/segmented";
import { CustomRange } from "./custom-range";
import { useExplorerUrl } from "./use-explorer-url";

const RANGES = [
  ["", "All time"],
  ["15m", "15 min"],
  ["1h", "1 hour"],
  ["24h", "24 hours"],
  ["7d", "7 days"],
  // Traces are often read weeks after a partner's complaint.
  ["30d", "30 days"],
] as const;

/** The view's time window: a relative range, or two times typed in (Custom…), written to the URL. The calls' and the gateway events' alike. */
export function TimeRange() {
  const url = useExplorerUrl();
  return (
    <>
      <Segmented
        label="Time range"
        options={RANGES}
        value={rangeShown(url.params)}
        onChange={(value) =>
          url.navigate((next) => {
            next.delete("from");
            next.delete("to");
            if (value) next.set("range", value);
            else next.delete("range");
          })
        }
      />
      <CustomRange />
    </>
  );
}

/** The range button that is on: none when the view has its own from or to (a zoom), which no button stands for. */
function rangeShown(params: URLSearchParams): string | null {
  if (params.has("from") || params.has("to")) return null;
  return params.get("range") ?? "";
}
