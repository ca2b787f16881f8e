import { z } from "zod";
import type { Database } from "../database";

/** A line of an upload that names no call: a node reloading its APIs, a token store unreachable. */
export type GatewayEventView = { file: string; line: number; time: string | null; level: string | null; text: string };

export type UploadEvents = { upload: { id: string; name: string }; total: number; events: GatewayEventView[] };

/** How many events a page lists, at most (an upload may hold millions of lines without a call). */
export const EVENTS_SHOWN = 1_000;

/**
 * The gateway events of one upload, in trace order, the first EVENTS_SHOWN
 * of them; null when there is no such upload. They are kept and counted at
 * ingest because a burst of 401s often starts with one of them.
 */
export async function readUploadEvents(db: Database, uploadId: string): Promise<UploadEvents | null> {
  // Not a uuid, so not an upload: PostgreSQL would refuse the comparison itself.
  if (!z.uuid().safeParse(uploadId).success) return null;
  const upload = await db.upload.findUnique({ where: { id: uploadId }, select: { id: true, name: true } });
  if (!upload) return null;
  // Trace order, as compareTraceOrder (lib/calls/order.ts) has it: untimed lines first, then by time, file and place in the file.
  const [events, total] = await Promise.all([
    db.$queryRaw<Array<{ file: string; line: number; time: Date | null; level: string | null; text: string }>>`
      SELECT f.name AS file, e.line, e.time, e.level, e.text
        FROM gateway_events e JOIN upload_files f ON f.id = e.file_id
       WHERE f.upload_id = ${upload.id}::uuid
       ORDER BY e.time ASC NULLS FIRST, f.name COLLATE "C", e.seq
       LIMIT ${EVENTS_SHOWN}`,
    db.gatewayEvent.count({ where: { file: { uploadId: upload.id } } }),
  ]);
  return { upload, total, events: events.map((event) => ({ ...event, time: event.time?.toISOString() ?? null })) };
}
