"use client";

import { useBrowserValue } from "@/components/layout/use-hydrated";
import { timeZoneOf, useZoneChoice } from "./display-zone";

/**
 * A time in the zone chosen in the header: the browser's own, or UTC. The
 * server renders UTC (it cannot know the choice); the browser replaces it
 * right after hydration.
 */
export function LocalTime({ iso, withDate = true }: { iso: string | null; withDate?: boolean }) {
  const timeZone = timeZoneOf(useZoneChoice());
  if (!iso) return <span className="muted">—</span>;
  return (
    <time dateTime={iso} title={iso}>
      {formatLocal(new Date(iso), withDate, timeZone)}
    </time>
  );
}

/** A time as the whole dashboard shows one: 24-hour, the date as YYYY-MM-DD, in `timeZone` (the browser's if undefined). */
export function formatLocal(date: Date, withDate: boolean, timeZone?: string): string {
  const time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 3, hour12: false, timeZone });
  if (!withDate) return time;
  const day = date.toLocaleDateString("en-CA", { timeZone });
  return `${day} ${time}`;
}

/** From the first time to the last, to the second, the day said once when both fall on it: `2026-11-20 14:00:03 → 14:05:50`. */
export function TimeSpan({ first, last }: { first: string; last: string }) {
  const timeZone = timeZoneOf(useZoneChoice());
  const [from, to] = [first, last].map((iso) => formatLocal(new Date(iso), true, timeZone).slice(0, 19));
  const sameDay = from?.slice(0, 10) === to?.slice(0, 10);
  return (
    <span>
      <time dateTime={first}>{from}</time> → <time dateTime={last}>{sameDay ? to?.slice(11) : to}</time>
    </span>
  );
}

/** The zone times are shown in, e.g. "Europe/Lisbon" or "UTC". */
export function TimeZoneName() {
  const choice = useZoneChoice();
  const browserZone = useBrowserValue(() => Intl.DateTimeFormat().resolvedOptions().timeZone, "UTC");
  return <span className="zone-name">{choice === "local" ? browserZone : "UTC"}</span>;
}
