import type pg from "pg";
import { factsFromStored, mergeCallFacts, type CallFacts } from "../calls";

const BATCH = 5_000;

/** What the stored uploads know about a call, and which uploads those are. */
export type KnownCall = { facts: CallFacts; uploadIds: Set<string> };

/**
 * What every stored upload knows about these calls: the facts of their trace
 * segments, merged per call (in a fixed order, though mergeCallFacts does not
 * depend on it).
 */
export async function loadCallFacts(client: pg.PoolClient, callRefs: readonly string[]): Promise<Map<string, KnownCall>> {
  const known = new Map<string, KnownCall>();
  for (let start = 0; start < callRefs.length; start += BATCH) {
    const { rows } = await client.query<{ call_ref: string; facts: unknown; upload_id: string }>(
      // The upload per row found, not a join: joined, the segments were read
      // by a plan that cost 5.6 s of a 200 MB upload instead of 0.8 s.
      `SELECT s.call_ref, s.facts, (SELECT f.upload_id FROM upload_files f WHERE f.id = s.file_id) AS upload_id
         FROM trace_segments s
        WHERE s.call_ref = ANY($1::text[]) AND s.facts IS NOT NULL ORDER BY s.call_ref, s.file_id, s.first_seq`,
      [callRefs.slice(start, start + BATCH)],
    );
    for (const { call_ref: callRef, facts: stored, upload_id: uploadId } of rows) {
      const facts = factsFromStored(callRef, stored);
      const other = known.get(callRef);
      if (other === undefined) known.set(callRef, { facts, uploadIds: new Set([uploadId]) });
      else known.set(callRef, { facts: mergeCallFacts(other.facts, facts), uploadIds: other.uploadIds.add(uploadId) });
    }
  }
  return known;
}
