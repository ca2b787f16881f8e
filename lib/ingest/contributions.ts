import type pg from "pg";
import { mergeCallFacts, type CallFacts } from "../calls";
import { CopyBuffer } from "./copy-buffer";

const BATCH = 5_000;

/** Whose contributions to load: one upload's own, or every other upload's. */
export type ContributionScope = { of: string } | { besides: string | null };

/** What the uploads in scope knew about these calls, merged per call. */
export async function loadContributions(
  client: pg.PoolClient,
  callRefs: readonly string[],
  scope: ContributionScope,
): Promise<Map<string, CallFacts>> {
  const known = new Map<string, CallFacts>();
  const [condition, uploadId] = "of" in scope ? ["upload_id = $2::uuid", scope.of] : ["upload_id IS DISTINCT FROM $2::uuid", scope.besides];
  for (let start = 0; start < callRefs.length; start += BATCH) {
    const { rows } = await client.query<{ facts: CallFacts }>(
      `SELECT facts FROM call_contributions WHERE call_ref = ANY($1::text[]) AND ${condition}`,
      [callRefs.slice(start, start + BATCH), uploadId],
    );
    for (const { facts } of rows) {
      const other = known.get(facts.callRef);
      known.set(facts.callRef, other ? mergeCallFacts(other, facts) : facts);
    }
  }
  return known;
}

/** This upload's facts for these calls, replacing what its earlier batches stored for those in `stored`. */
export async function replaceContributions(client: pg.PoolClient, uploadId: string, calls: readonly CallFacts[], stored: readonly string[]): Promise<void> {
  if (stored.length > 0) await client.query(`DELETE FROM call_contributions WHERE upload_id = $1 AND call_ref = ANY($2::text[])`, [uploadId, stored]);
  const rows = new CopyBuffer("call_contributions", ["call_ref", "upload_id", "facts"]);
  for (const facts of calls) {
    rows.push([facts.callRef, uploadId, facts]);
    if (rows.full) await rows.flush(client);
  }
  await rows.flush(client);
}
