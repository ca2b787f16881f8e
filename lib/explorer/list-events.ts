import { Prisma, type Database } from "../database";
import { distinctEvents, SEVERITY_RANK } from "./event-rows";
import { EVENT_LEVELS, type EventFilters, type EventsPicked } from "./event-filters";
import { viewStart } from "./filters";
import { neighbourCursors, type GatewayEventView } from "./gateway-events";
import { containing } from "./stored-text";

/** A gateway event of any upload, with the upload that holds it (whose page lists its others). */
export type UploadGatewayEvent = GatewayEventView & { upload: { id: string; name: string } };

/**
 * One page of every upload's gateway events under the filters, newest first:
 * `offset` is the position of its first event among the `total` the filters
 * pick; pass `nextCursor` (older events; null on the last page) or
 * `prevCursor` (newer; null on the first) back as `cursor`.
 */
export type GatewayEventsPage = { events: UploadGatewayEvent[]; nextCursor: string | null; prevCursor: string | null; offset: number; total: number };

/**
 * The gateway events of every upload that the filters pick, newest first
 * (trace order reversed: what the gateway said last is what someone on call
 * looks for, and a view of all time would otherwise open on the oldest
 * upload's lines), as the chart counts them (distinctEvents): a line that
 * overlapping files hold once, a line its file repeats as often as the file
 * holds it.
 *
 * gateway_events has no time index (every upload would pay for one): each
 * page and its total scan the events and sort those the filters pick, as
 * the chart's marks do (lib/explorer/period-events.ts).
 */
export async function listGatewayEvents(db: Database, filters: EventFilters, now = new Date()): Promise<GatewayEventsPage> {
  const picked = distinctEvents(eventsWhere(filters, now));
  const { offset, limit } = filters.page;
  const [rows, [counted]] = await Promise.all([
    db.$queryRaw<Array<Omit<GatewayEventView, "time"> & { time: Date | null; uploadId: string; uploadName: string }>>`
      SELECT e.file, e.line, e.time, e.level, e.text, u.id::text AS "uploadId", u.name AS "uploadName"
        FROM (${picked}) e JOIN uploads u ON u.id = e.upload_id
       ORDER BY e.time DESC NULLS LAST, e.file COLLATE "C" DESC, e.file_id DESC, e.seq DESC
       LIMIT ${limit} OFFSET ${offset}`,
    db.$queryRaw<[{ total: number }]>`SELECT count(*)::int AS total FROM (${picked}) e`,
  ]);
  const total = counted?.total ?? 0;
  const events = rows.map(({ uploadId, uploadName, time, ...event }) => ({ ...event, time: time?.toISOString() ?? null, upload: { id: uploadId, name: uploadName } }));
  return { events, ...neighbourCursors(filters.page, total), offset, total };
}

/**
 * Whether any gateway event matches: for a view of calls that found none,
 * whose search may name what only the gateway logged (a node, "gw-3"). Stops
 * at the first match; finding none reads the window's events once.
 */
export async function anyGatewayEvents(db: Database, filters: EventsPicked, now = new Date()): Promise<boolean> {
  const [row] = await db.$queryRaw<[{ found: boolean }]>`
    SELECT EXISTS (SELECT 1 FROM gateway_events e JOIN upload_files f ON f.id = e.file_id WHERE ${eventsWhere(filters, now)}) AS found`;
  return row?.found ?? false;
}

/** The filters as a condition over `gateway_events e JOIN upload_files f`: every value a bound parameter. */
function eventsWhere(filters: EventsPicked, now: Date): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.level?.length) conditions.push(Prisma.sql`${SEVERITY_RANK} = ANY(${filters.level.map((level) => EVENT_LEVELS[level])}::int[])`);
  if (filters.q !== undefined) conditions.push(Prisma.sql`e.text ILIKE ${containing(filters.q)}`);
  if (filters.upload?.length) conditions.push(Prisma.sql`f.upload_id = ANY(${filters.upload}::uuid[])`);
  const from = viewStart(filters, now);
  if (from) conditions.push(Prisma.sql`e.time >= ${from}`);
  if (filters.to) conditions.push(Prisma.sql`e.time < ${filters.to}`);
  return Prisma.join(conditions, " AND ");
}
