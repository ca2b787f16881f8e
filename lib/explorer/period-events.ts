import { Prisma, type Database } from "../database";
import { distinctEvents, SEVERITY_RANK } from "./event-rows";
import { readUploadNames } from "./upload-names";

/** How bad a gateway event is, by its level: ERROR or FATAL, WARN or WARNING, or anything else (INFO, DEBUG, none). */
export type EventSeverity = "error" | "warning" | "other";

/** Worst last, so that a severity's rank in SQL (SEVERITY_RANK) is its place here. */
const SEVERITIES = ["other", "warning", "error"] as const satisfies readonly EventSeverity[];


/** How many of the most severe events a period names: enough to tell what happened, few enough for a tooltip. */
const NAMED_EVENTS = 3;
/** A gateway line may carry a stack trace; a tooltip and a table cell show the start of it. */
const NAMED_TEXT_LENGTH = 300;

/** The gateway events of one period of the chart. */
export type PeriodEvents = {
  count: number;
  /** The worst of them. */
  severity: EventSeverity;
  /** How many are of that severity. */
  worstCount: number;
  /** The first of the worst (at most three, in trace order): their level as written and the start of their text. */
  worst: Array<{ level: string | null; text: string }>;
  /** The uploads that hold them, whose pages list them: first the one holding the first of the worst, the line a table shows. */
  uploads: Array<{ id: string; name: string }>;
};

/** Where to look: periods of `bucketSeconds` from `origin`, between `from` (kept) and `to` (left out), in these uploads when any are named. */
export type EventsWindow = { bucketSeconds: number; origin: Date; from: Date; to: Date; uploads: readonly string[] | undefined };

/**
 * The gateway events in a time window, by period, keyed by the period's
 * start (ms): a line once however many overlapping files hold it, and as
 * often as its file repeats it (distinctEvents). Events name no call, so of
 * a view's filters only its time and its uploads apply to them.
 *
 * gateway_events has no time index: the window's rows are found by a scan of
 * the table, which gateways fill far more slowly than calls (a line in every
 * few hundred of trace), and an index would be paid for by every upload.
 * Measured beside 240,000 calls: 4,800 events made the chart's reads take
 * 100 ms instead of 84; 480,000 (two a call) made them 0.74 s, as finding the
 * first of the worst sorts every event of the window.
 */
export async function readPeriodEvents(db: Database, window: EventsWindow): Promise<Map<number, PeriodEvents>> {
  const { bucketSeconds, origin, from, to, uploads } = window;
  const inUploads = uploads?.length ? Prisma.sql`AND f.upload_id = ANY(${uploads}::uuid[])` : Prisma.empty;
  const start = Prisma.sql`date_bin(make_interval(secs => ${bucketSeconds}), e.time, ${origin}::timestamptz)`;
  // Trace order within a period, as the upload's events page lists them (lib/explorer/gateway-events.ts).
  const rows = await db.$queryRaw<Array<{ start: Date; count: number; rank: number; worstCount: number; levels: Array<string | null>; texts: string[]; firstUpload: string; uploads: string[] }>>`
    SELECT start, count(*)::int AS count, max(worst) AS rank, count(*) FILTER (WHERE rank = worst)::int AS "worstCount",
           (array_agg(level ORDER BY time, file COLLATE "C", file_id, seq) FILTER (WHERE rank = worst))[1:${NAMED_EVENTS}] AS levels,
           (array_agg(left(text, ${NAMED_TEXT_LENGTH}) ORDER BY time, file COLLATE "C", file_id, seq) FILTER (WHERE rank = worst))[1:${NAMED_EVENTS}] AS texts,
           (array_agg(upload_id::text ORDER BY time, file COLLATE "C", file_id, seq) FILTER (WHERE rank = worst))[1] AS "firstUpload",
           array_agg(DISTINCT upload_id::text) AS uploads
      FROM (SELECT ${start} AS start, ${SEVERITY_RANK} AS rank, max(${SEVERITY_RANK}) OVER (PARTITION BY ${start}) AS worst,
                   e.level, e.text, e.time, e.file, e.file_id, e.seq, e.upload_id
              FROM (${distinctEvents(Prisma.sql`e.time >= ${from} AND e.time < ${to} ${inUploads}`)}) e) AS events
     GROUP BY start ORDER BY start`;
  const names = await readUploadNames(db, [...new Set(rows.flatMap((row) => row.uploads))]);
  return new Map(
    rows.map((row) => [
      row.start.getTime(),
      {
        count: row.count,
        severity: SEVERITIES[row.rank] ?? "other",
        worstCount: row.worstCount,
        worst: row.texts.map((text, index) => ({ level: row.levels[index] ?? null, text })),
        uploads: [row.firstUpload, ...row.uploads.filter((id) => id !== row.firstUpload)].map((id) => ({ id, name: names.get(id) ?? id })),
      },
    ]),
  );
}

