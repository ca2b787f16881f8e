/**
 * Between an instant (ISO 8601, as the explorer's `from` and `to` carry it)
 * and the value of a `datetime-local` input, which has no zone: the input
 * shows and takes times in the zone the dashboard shows them in, UTC or the
 * browser's own (`timeZone` undefined), as the table does.
 */
export function inputValueOf(iso: string | null, timeZone: "UTC" | undefined): string {
  if (iso === null) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  if (timeZone === "UTC") return date.toISOString().slice(0, 23);
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`
  );
}

/** The instant an input's value names, as ISO 8601 in UTC; null for an empty or unreadable value. */
export function instantOf(value: string, timeZone: "UTC" | undefined): string | null {
  if (value === "") return null;
  // A date-time without a zone is read in the browser's zone (ECMAScript's rule), so UTC is said outright.
  const date = new Date(timeZone === "UTC" ? `${value}Z` : value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
