import { Prisma, type Database } from "../database";
import { distinctEvents, SEVERITY_RANK } from "./event-rows";

/** A gateway warning or error logged near a call, and how long before it (negative: after it). */
export type EventNearCall = { file: string; line: number; time: string; level: string | null; text: string; uploadId: string; secondsBefore: number };

/** How far before a call a gateway's trouble is looked for, and after it (the gateway may log its failure once the call is answered). */
const LOOK_BEFORE_MS = 5 * 60_000;
const LOOK_AFTER_MS = 60_000;
/** Enough to show a trouble's start and its latest word. */
const MOST_EVENTS = 5;

/**
 * The gateway's warnings and errors around a rejected call, nearest first:
 * a token store it could not reach explains a burst of refused tokens
 * better than the tokens do, and the call's own cause cannot say so. Across
 * every upload (the gateway's trouble is logged by whichever node saw it);
 * a line logged in overlapping files is one (its time and text), and so is a
 * line its file repeats within a millisecond: the list names what went wrong
 * in its few lines, and five copies of one would hide the rest.
 */
export async function readEventsNearCall(db: Database, time: Date): Promise<EventNearCall[]> {
  const rows = await db.$queryRaw<Array<Omit<EventNearCall, "time" | "secondsBefore"> & { time: Date }>>`
    SELECT file, line, time, level, text, upload_id::text AS "uploadId"
      FROM (${distinctEvents(Prisma.sql`e.time BETWEEN ${new Date(time.getTime() - LOOK_BEFORE_MS)} AND ${new Date(time.getTime() + LOOK_AFTER_MS)} AND ${SEVERITY_RANK} > 0`)}) e
     WHERE occurrence = 1
     ORDER BY abs(extract(epoch FROM time - ${time}::timestamptz)), time
     LIMIT ${MOST_EVENTS}`;
  return rows.map((row) => ({ ...row, time: row.time.toISOString(), secondsBefore: (time.getTime() - row.time.getTime()) / 1000 }));
}
