import type pg from "pg";
import { mergeCallFacts, type CallFacts } from "../calls";

const BATCH = 5_000;

/**
 * What every stored upload knows about these calls: the facts of their trace
 * segments, merged per call, always in the same order (see mergeCallFacts on
 * responses).
 */
export async function loadCallFacts(client: pg.PoolClient, callRefs: readonly string[]): Promise<Map<string, CallFacts>> {
  const known = new Map<string, CallFacts>();
  for (let start = 0; start < callRefs.length; start += BATCH) {
    const { rows } = await client.query<{ facts: CallFacts }>(
      `SELECT facts FROM trace_segments WHERE call_ref = ANY($1::text[]) AND facts IS NOT NULL ORDER BY call_ref, file_id, first_seq`,
      [callRefs.slice(start, start + BATCH)],
    );
    for (const { facts } of rows) {
      const other = known.get(facts.callRef);
      known.set(facts.callRef, other ? mergeCallFacts(other, facts) : facts);
    }
  }
  return known;
}
