import { z } from "zod";
import type { Database } from "../database";
import { InvalidFilterError, parseUrlParameters, type UrlParameters } from "./url-parameters";

/** A line of an upload that names no call: a node reloading its APIs, a token store unreachable. */
export type GatewayEventView = { file: string; line: number; time: string | null; level: string | null; text: string };

/**
 * One page of an upload's events: `offset` is the position of its first
 * event among the upload's `total`; pass `nextCursor` (null on the last
 * page) or `prevCursor` (null on the first) back as `cursor` for the next or
 * the previous page.
 */
export type UploadEvents = {
  upload: { id: string; name: string };
  total: number;
  offset: number;
  events: GatewayEventView[];
  nextCursor: string | null;
  prevCursor: string | null;
};

/** Which page: from the position `offset`, at most `limit` events. */
export type EventsPage = { offset: number; limit: number };

/** How many events a page lists unless told fewer (an upload may hold millions of lines without a call). */
const EVENTS_PER_PAGE = 1_000;

const FIRST_PAGE: EventsPage = { offset: 0, limit: EVENTS_PER_PAGE };

/**
 * A cursor is the position of a page's first event in the order listed. Events
 * have no index in that order (they are read far less often than they are
 * written), so a page costs a sort of the events whichever way it is named;
 * a position keeps the cursor short and the previous page exact. An
 * upload's events and every upload's (lib/explorer/event-filters.ts) are
 * paged alike.
 */
export const eventsPageFields = {
  cursor: z.string().regex(/^\d{1,9}$/).transform(Number).optional(),
  limit: z.coerce.number().int().min(1).max(EVENTS_PER_PAGE).default(EVENTS_PER_PAGE),
};

const eventsPageSchema = z
  .object(eventsPageFields)
  .strict()
  .transform(({ cursor, limit }): EventsPage => ({ offset: cursor ?? 0, limit }));

/** What each paging parameter takes, in the words that tell someone why their value was refused. */
export const EVENTS_PAGE_EXPECTED = {
  cursor: 'a page cursor (nextCursor or prevCursor in the answer, or from "Next page" or "Previous page")',
  limit: `a whole number from 1 to ${EVENTS_PER_PAGE}`,
} satisfies Record<keyof typeof eventsPageFields, string>;

/** The cursors of the pages beside this one among `total` events: null where there is none. */
export function neighbourCursors({ offset, limit }: EventsPage, total: number): { nextCursor: string | null; prevCursor: string | null } {
  return { nextCursor: offset + limit < total ? String(offset + limit) : null, prevCursor: offset > 0 ? String(Math.max(0, offset - limit)) : null };
}

/** The page `GET /api/uploads/{id}/events` asks for, or InvalidFilterError naming the first bad parameter (an unknown one included). */
export function parseEventsPage(params: UrlParameters): EventsPage {
  return parseUrlParameters(eventsPageSchema, params, { expected: (parameter) => EVENTS_PAGE_EXPECTED[parameter as keyof typeof EVENTS_PAGE_EXPECTED] });
}

/** For the page: the page its URL's cursor names, or the first when it names none this server makes (a link mangled in passing). */
export function eventsPageOfUrl(search: Record<string, string | string[] | undefined>): EventsPage {
  try {
    return parseEventsPage({ cursor: search.cursor });
  } catch (error) {
    if (error instanceof InvalidFilterError) return FIRST_PAGE;
    throw error;
  }
}

/**
 * One page of the gateway events of an upload, in trace order; null when
 * there is no such upload. They are kept and counted at ingest because a
 * burst of 401s often starts with one of them.
 */
export async function readUploadEvents(db: Database, uploadId: string, page: EventsPage = FIRST_PAGE): Promise<UploadEvents | null> {
  const { offset, limit } = page;
  // Not a uuid, so not an upload: PostgreSQL would refuse the comparison itself.
  if (!z.uuid().safeParse(uploadId).success) return null;
  const upload = await db.upload.findUnique({ where: { id: uploadId }, select: { id: true, name: true } });
  if (!upload) return null;
  // Trace order, as compareTraceOrder (lib/calls/order.ts) has it: untimed lines first, then by time, file and place in the file
  // (files of one name told apart by id, so that every page cuts the same order).
  const [events, total] = await Promise.all([
    db.$queryRaw<Array<{ file: string; line: number; time: Date | null; level: string | null; text: string }>>`
      SELECT f.name AS file, e.line, e.time, e.level, e.text
        FROM gateway_events e JOIN upload_files f ON f.id = e.file_id
       WHERE f.upload_id = ${upload.id}::uuid
       ORDER BY e.time ASC NULLS FIRST, f.name COLLATE "C", f.id, e.seq
       LIMIT ${limit} OFFSET ${offset}`,
    db.gatewayEvent.count({ where: { file: { uploadId: upload.id } } }),
  ]);
  return {
    upload,
    total,
    offset,
    events: events.map((event) => ({ ...event, time: event.time?.toISOString() ?? null })),
    ...neighbourCursors(page, total),
  };
}
