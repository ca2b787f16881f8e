import { copiedFromLine, isoTimestampParts, zoneOffsetMs } from "@/lib/trace-reading/timestamps";

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

/**
 * The input value for a time pasted in as a trace line writes it (ISO 8601,
 * `T` or a space, `.` or `,` before the fraction, a zone or none, brackets
 * round it or not), which a `datetime-local` field will not take by itself;
 * null for anything else. It is read as the trace is (spec 2.1: no zone
 * means UTC), so a time copied from a line stands for that line's moment, and
 * is shown in the dashboard's zone.
 */
export function pastedInputValue(text: string, timeZone: "UTC" | undefined): string | null {
  const parts = isoTimestampParts(copiedFromLine(text));
  if (parts === null) return null;
  return inputValueOf(new Date(parts.clock - zoneOffsetMs(parts.zone)).toISOString(), timeZone);
}

/** "Today": from midnight to now, in the dashboard's zone, as input values. */
export function todayInputValues(now: Date, timeZone: "UTC" | undefined): { from: string; to: string } {
  const to = inputValueOf(now.toISOString(), timeZone);
  return { from: `${to.slice(0, "YYYY-MM-DD".length)}T00:00:00.000`, to };
}
