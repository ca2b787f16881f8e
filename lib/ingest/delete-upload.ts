import type pg from "pg";
import { z } from "zod";
import { loadCallFacts } from "./call-facts";
import { inMergeLock, withTransaction } from "./transaction";
import { forgetDetails, writeCalls } from "./write-calls";

export class UploadNotFoundError extends Error {
  constructor(readonly uploadId: string) {
    super(`no upload ${uploadId}`);
  }
}

export type DeletedUpload = { uploadId: string; callsRemoved: number; callsReclassified: number };

/**
 * What removing the upload would do, counted as deleteUpload counts it: its
 * calls no other upload has lines of go, the others are re-classified.
 * Asked before a removal, so that nobody removes 200,000 calls thinking
 * they remove a small file's.
 */
export async function previewUploadRemoval(pool: pg.Pool, uploadId: string): Promise<DeletedUpload> {
  if (!z.uuid().safeParse(uploadId).success) throw new UploadNotFoundError(uploadId);
  const { rows } = await pool.query<{ found: boolean; removed: number; shared: number }>(
    `SELECT EXISTS (SELECT 1 FROM uploads WHERE id = $1) AS found,
            count(*) FILTER (WHERE NOT shared)::int AS removed, count(*) FILTER (WHERE shared)::int AS shared
       FROM (SELECT EXISTS (SELECT 1 FROM trace_segments o JOIN upload_files g ON g.id = o.file_id
                             WHERE o.call_ref = mine.call_ref AND g.upload_id <> $1) AS shared
               FROM (SELECT DISTINCT s.call_ref FROM trace_segments s JOIN upload_files f ON f.id = s.file_id WHERE f.upload_id = $1) mine) calls`,
    [uploadId],
  );
  const [counts] = rows;
  if (!counts?.found) throw new UploadNotFoundError(uploadId);
  return { uploadId, callsRemoved: counts.removed, callsReclassified: counts.shared };
}

/**
 * Removes what only this upload contributed (its files, their lines, calls
 * nobody else knew) and re-classifies the calls it shared with other uploads
 * on what those still say.
 */
export async function deleteUpload(pool: pg.Pool, uploadId: string): Promise<DeletedUpload> {
  // Not a uuid, so not an upload: PostgreSQL would refuse the comparison itself.
  if (!z.uuid().safeParse(uploadId).success) throw new UploadNotFoundError(uploadId);
  return withTransaction(pool, async (client) => {
    await inMergeLock(client);
    const { rows } = await client.query<{ call_ref: string }>(
      `DELETE FROM trace_segments WHERE file_id IN (SELECT id FROM upload_files WHERE upload_id = $1) RETURNING call_ref`,
      [uploadId],
    );
    const deleted = await client.query(`DELETE FROM uploads WHERE id = $1`, [uploadId]);
    if (deleted.rowCount === 0) throw new UploadNotFoundError(uploadId);
    const callRefs = [...new Set(rows.map((row) => row.call_ref))];
    // What the other uploads' segments still say.
    const remaining = await loadCallFacts(client, callRefs);
    const orphaned = callRefs.filter((callRef) => !remaining.has(callRef));
    await client.query(`DELETE FROM calls WHERE call_ref = ANY($1::text[])`, [orphaned]);
    await forgetDetails(client, orphaned);
    await writeCalls(client, [...remaining.values()].map((known) => known.facts), [...remaining.keys()]);
    return { uploadId, callsRemoved: orphaned.length, callsReclassified: remaining.size };
  });
}
