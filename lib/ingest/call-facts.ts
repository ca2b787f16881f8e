import type pg from "pg";
import { mergeCallFacts, type CallFacts } from "../calls";

const BATCH = 5_000;

/** What the stored uploads know about a call, and which uploads those are. */
export type KnownCall = { facts: CallFacts; uploadIds: Set<string> };

/**
 * What every stored upload knows about these calls: the facts of their trace
 * segments, merged per call, always in the same order (see mergeCallFacts on
 * responses).
 */
export async function loadCallFacts(client: pg.PoolClient, callRefs: readonly string[]): Promise<Map<string, KnownCall>> {
  const known = new Map<string, KnownCall>();
  for (let start = 0; start < callRefs.length; start += BATCH) {
    const { rows } = await client.query<{ facts: CallFacts; upload_id: string }>(
      `SELECT s.facts, f.upload_id FROM trace_segments s JOIN upload_files f ON f.id = s.file_id
        WHERE s.call_ref = ANY($1::text[]) AND s.facts IS NOT NULL ORDER BY s.call_ref, s.file_id, s.first_seq`,
      [callRefs.slice(start, start + BATCH)],
    );
    for (const { facts, upload_id: uploadId } of rows) {
      const other = known.get(facts.callRef);
      if (other === undefined) known.set(facts.callRef, { facts, uploadIds: new Set([uploadId]) });
      else known.set(facts.callRef, { facts: mergeCallFacts(other.facts, facts), uploadIds: other.uploadIds.add(uploadId) });
    }
  }
  return known;
}
