/**
 * ISO 8601 timestamps as the gateways write them: `T` or a space, fraction after
 * `.` or `,`, zone optional (none means UTC, whatever the machine's zone).
 */
const ISO_TIMESTAMP =
  /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?)?[ \t]*(Z|[+-]\d\d(?::?\d\d)?)?$/i;

/** A timestamp copied from a trace line, the brackets the line may put round it (spec 2.1) set aside. */
export const copiedFromLine = (text: string): string => text.trim().replace(/^\[(.*)\]$/, "$1");

function parseIsoTimestamp(text: string): number | null {
  const parts = isoTimestampParts(text);
  return parts === null ? null : parts.clock - zoneOffsetMs(parts.zone);
}

/**
 * A timestamp as written: its clock reading (epoch milliseconds as if it were
 * UTC) and its zone, if it names one. The dashboard reads a zoneless time
 * pasted from a trace in the zone it shows times in.
 */
export function isoTimestampParts(text: string): { clock: number; zone: string | undefined } | null {
  const m = ISO_TIMESTAMP.exec(text.trim());
  if (m === null) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction, zone] = m;
  const clock = utcClock(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return Number.isNaN(clock) ? null : { clock: clock + millisOf(fraction), zone };
}

function utcClock(year: number, month: number, day: number, hours: number, minutes: number, seconds: number): number {
  const clock = Date.UTC(year, month, day, hours, minutes, seconds);
  // Date.UTC reads the years 0 to 99 as 1900 to 1999.
  return year >= 100 ? clock : new Date(clock).setUTCFullYear(year);
}

/** `482` → 482, `4` → 400, `482913` → 482: milliseconds, finer digits dropped. */
function millisOf(fraction: string | undefined): number {
  return fraction === undefined ? 0 : millisAt(fraction, 0, fraction.length);
}

/** millisOf for the `digits` digits of a fraction at `from` in `text`, read in place. */
export function millisAt(text: string, from: number, digits: number): number {
  let millis = 0;
  for (let i = 0; i < 3; i++) millis = millis * 10 + (i < digits ? text.charCodeAt(from + i) - 48 : 0);
  return millis;
}

export function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone === "Z" || zone === "z") return 0;
  const sign = zone.charCodeAt(0) === 45 ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes) * 60_000;
}

/**
 * Epoch milliseconds of a text trace line's timestamp parts. Consecutive lines
 * almost always share their second, so the calendar arithmetic is done once
 * per second rather than once per line.
 */
export class SecondCache {
  private day = "";
  private clock = "";
  private utcSecond = 0;
  /** The last second read in place, as the numbers its digits spell: YYYYMMDD and HHMMSS. */
  private lastDay = -1;
  private lastClock = -1;
  private lastSecond = 0;

  epoch(day: string, clock: string, fraction: string | undefined, zone: string | undefined): number {
    if (day !== this.day || clock !== this.clock) {
      this.utcSecond = utcEpochOfSecond(day, clock);
      this.day = day;
      this.clock = clock;
    }
    return this.utcSecond + millisOf(fraction) - zoneOffsetMs(zone);
  }

  /**
   * The UTC second of a line with `YYYY-MM-DD?HH:MM:SS` at `from`, its digits
   * already checked, read in place: nothing is cut from the line unless its
   * second differs from the last one.
   */
  utcSecondAt(text: string, from: number): number {
    const day = numberAt(text, from, 4) * 10_000 + numberAt(text, from + 5, 2) * 100 + numberAt(text, from + 8, 2);
    const clock = numberAt(text, from + 11, 2) * 10_000 + numberAt(text, from + 14, 2) * 100 + numberAt(text, from + 17, 2);
    if (day !== this.lastDay || clock !== this.lastClock) {
      this.lastSecond = utcEpochOfSecond(text.slice(from, from + 10), text.slice(from + 11, from + SECOND_PREFIX_LENGTH));
      this.lastDay = day;
      this.lastClock = clock;
    }
    return this.lastSecond;
  }
}

export const SECOND_PREFIX_LENGTH = "YYYY-MM-DDTHH:MM:SS".length;

/** The number the `digits` decimal digits at `from` spell. */
function numberAt(text: string, from: number, digits: number): number {
  let value = 0;
  for (let i = from; i < from + digits; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/** `day` is YYYY-MM-DD, `clock` HH:MM or HH:MM:SS, read as UTC. */
function utcEpochOfSecond(day: string, clock: string): number {
  return Date.UTC(
    Number(day.slice(0, 4)),
    Number(day.slice(5, 7)) - 1,
    Number(day.slice(8, 10)),
    Number(clock.slice(0, 2)),
    Number(clock.slice(3, 5)),
    clock.length > 5 ? Number(clock.slice(6, 8)) : 0,
  );
}

// Epoch milliseconds up to the end of year 9999: beyond (nanoseconds, say) is no time a Date can hold.
const LATEST_EPOCH_MS = 253_402_300_799_999;

/** JSON records give either an ISO string or epoch milliseconds. */
export function parseRecordTimestamp(value: unknown): number | null {
  if (typeof value === "number") return plausibleEpoch(value);
  if (typeof value === "string") {
    if (/^\d{10,}$/.test(value)) return plausibleEpoch(Number(value));
    return parseIsoTimestamp(value);
  }
  return null;
}

function plausibleEpoch(value: number): number | null {
  return Number.isFinite(value) && value >= 0 && value <= LATEST_EPOCH_MS ? value : null;
}
