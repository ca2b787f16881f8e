import type { Database } from "../database";
import type { Cause } from "../rules";
import { viewStart, type CallFilters } from "./filters";
import { readPeriodEvents, type PeriodEvents } from "./period-events";
import { whereClause } from "./where-clause";

/** One period: its rejections by cause, the calls in it that were not rejected, and the gateway events in it, if any. */
export type HistogramBucket = { start: string; counts: Partial<Record<Cause, number>>; notRejected: number; events?: PeriodEvents };
export type Histogram = { bucketSeconds: number; buckets: HistogramBucket[] };

// Bucket widths a person reads easily; the first that gives at most ~80 bars wins.
const WIDTHS = [1, 10, 60, 5 * 60, 15 * 60, 3600, 3 * 3600, 6 * 3600, 86_400, 7 * 86_400];
const TARGET_BUCKETS = 80;
// Empty buckets are drawn too, so that a gap reads as a gap; past this many (years of data by the week) they are not.
const MAX_FILLED_BUCKETS = 1_000;
const NO_CALLS: Histogram = { bucketSeconds: 60, buckets: [] };

/**
 * Calls over time under the current filters: rejections stacked by cause,
 * and the calls that were not rejected beside them, so that a rise in 401s
 * can be told from a rise in traffic. `rejected=true` leaves only the first.
 * The axis spans the view's time window where it has one (the last 24 hours
 * read as 24 hours, however few of them hold calls), else the calls. The
 * gateway events on that axis are counted by period too, under the view's
 * time and upload filters alone: they name no call, so no other filter
 * applies to them. A burst of 401s often starts with one.
 */
export async function readHistogram(db: Database, filters: CallFilters, now = new Date()): Promise<Histogram> {
  const where = whereClause(filters, now);
  const [span] = await db.$queryRaw<Array<{ first: Date | null; last: Date | null }>>`
    SELECT min(c.time) AS first, max(c.time) AS last FROM calls c WHERE ${where}`;
  const window = timeWindow(filters, now);
  // A call after `now` (a clock ahead, a zoneless time east of UTC) is in a relative range too: the axis reaches it.
  // A window without calls still has an axis, for its gateway events: a click on a period that held only an event zooms to it.
  const first = earliest(span?.first, window.from);
  const last = latest(span?.last, window.to);
  if (!first || !last) return NO_CALLS;
  const seconds = (last.getTime() - first.getTime()) / 1000;
  const bucketSeconds = WIDTHS.find((width) => seconds / width <= TARGET_BUCKETS) ?? WIDTHS.at(-1) ?? 86_400;
  const width = bucketSeconds * 1000;
  const [axisStart, lastStart] = [bucketStart(first, width), bucketStart(last, width)];
  // The axis may start before the view does (at a whole period) and end after it: the events keep to the view's window.
  const eventsWindow = { from: window.from ?? new Date(axisStart), to: filters.to ?? new Date(lastStart + width) };
  const [rows, events] = await Promise.all([
    // A rejection always has a cause, and a call that was not rejected never does.
    db.$queryRaw<Array<{ start: Date; cause: Cause | null; count: number }>>`
      SELECT date_bin(make_interval(secs => ${bucketSeconds}), c.time, ${new Date(BUCKET_ORIGIN)}::timestamptz) AS start,
             c.cause::text AS cause, count(*)::int AS count
        FROM calls c WHERE ${where} AND c.time IS NOT NULL
       GROUP BY 1, 2 ORDER BY 1`,
    readPeriodEvents(db, { bucketSeconds, origin: new Date(BUCKET_ORIGIN), ...eventsWindow, uploads: filters.upload }),
  ]);
  const buckets = new Map<number, HistogramBucket>();
  for (const row of rows) {
    const start = row.start.getTime();
    const bucket = buckets.get(start) ?? emptyBucket(start);
    if (row.cause === null) bucket.notRejected = row.count;
    else bucket.counts[row.cause] = row.count;
    buckets.set(start, bucket);
  }
  for (const [start, periodEvents] of events) buckets.set(start, { ...(buckets.get(start) ?? emptyBucket(start)), events: periodEvents });
  if (buckets.size === 0) return NO_CALLS;
  return { bucketSeconds, buckets: withEmptyBuckets(buckets, width, axisStart, lastStart) };
}

const earliest = (...times: Array<Date | null | undefined>) => extreme(times, Math.min);
const latest = (...times: Array<Date | null | undefined>) => extreme(times, Math.max);

/** The earliest or latest of the times given; undefined when none is. */
function extreme(times: Array<Date | null | undefined>, pick: (...ms: number[]) => number): Date | undefined {
  const known = times.flatMap((time) => (time ? [time.getTime()] : []));
  return known.length > 0 ? new Date(pick(...known)) : undefined;
}

/** The times the view asks for, either end open when it names none. */
function timeWindow(filters: CallFilters, now: Date): { from?: Date; to?: Date } {
  // `to` leaves out its instant: the last bar is the one just before it. A relative range ends now.
  const to = filters.to ? new Date(filters.to.getTime() - 1) : filters.range ? now : undefined;
  return { from: viewStart(filters, now), to };
}

// Bars start at whole periods from here, in SQL (date_bin) and in filling the empty ones alike.
const BUCKET_ORIGIN = Date.UTC(2000, 0, 1);
const bucketStart = (time: Date, width: number) => BUCKET_ORIGIN + Math.floor((time.getTime() - BUCKET_ORIGIN) / width) * width;

const emptyBucket = (start: number): HistogramBucket => ({ start: new Date(start).toISOString(), counts: {}, notRejected: 0 });

/** The buckets in time order, with an empty one wherever nothing fell from `first` to `last` (bucket starts). */
function withEmptyBuckets(buckets: Map<number, HistogramBucket>, width: number, first: number, last: number): HistogramBucket[] {
  // The periods of events only came after those of calls.
  if ((last - first) / width >= MAX_FILLED_BUCKETS) return [...buckets.entries()].sort(([a], [b]) => a - b).map(([, bucket]) => bucket);
  const filled: HistogramBucket[] = [];
  for (let start = first; start <= last; start += width) {
    filled.push(buckets.get(start) ?? emptyBucket(start));
  }
  return filled;
}
