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
