"use client";

import { useBrowserValue, useHydrated } from "@/components/layout/use-hydrated";

/**
 * A time in the browser's own zone. The server renders UTC (it cannot know
 * the zone); the browser replaces it right after hydration.
 */
export function LocalTime({ iso, withDate = true }: { iso: string | null; withDate?: boolean }) {
  const local = useHydrated();
  if (!iso) return <span className="muted">—</span>;
  const date = new Date(iso);
  const text = local ? formatLocal(date, withDate) : `${iso.replace("T", " ").slice(withDate ? 0 : 11, 23)} UTC`;
  return (
    <time dateTime={iso} title={iso}>
      {text}
    </time>
  );
}

/** A time as the whole dashboard shows one: 24-hour, the date as YYYY-MM-DD. */
export function formatLocal(date: Date, withDate: boolean): string {
  const time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 3, hour12: false });
  if (!withDate) return time;
  const day = date.toLocaleDateString("en-CA");
  return `${day} ${time}`;
}

/** The browser's zone name, e.g. "Europe/Lisbon" ("UTC" until hydrated). */
export function TimeZoneName() {
  const zone = useBrowserValue(() => Intl.DateTimeFormat().resolvedOptions().timeZone, "UTC");
  return <span className="zone-name">{zone}</span>;
}
