import type pg from "pg";
import { mergeCallFacts, type CallFacts } from "../calls";
import { CopyBuffer } from "./copy-buffer";

const BATCH = 5_000;

/** What other uploads knew about these calls, merged per call. */
export async function loadContributions(
  client: pg.PoolClient,
  callRefs: readonly string[],
  exceptUpload: string | null,
): Promise<Map<string, CallFacts>> {
  const known = new Map<string, CallFacts>();
  for (let start = 0; start < callRefs.length; start += BATCH) {
    const { rows } = await client.query<{ facts: CallFacts }>(
      `SELECT facts FROM call_contributions
        WHERE call_ref = ANY($1::text[]) AND upload_id IS DISTINCT FROM $2::uuid`,
      [callRefs.slice(start, start + BATCH), exceptUpload],
    );
    for (const { facts } of rows) {
      const other = known.get(facts.callRef);
      known.set(facts.callRef, other ? mergeCallFacts(other, facts) : facts);
    }
  }
  return known;
}

export async function storeContributions(client: pg.PoolClient, uploadId: string, calls: Iterable<CallFacts>): Promise<void> {
  const rows = new CopyBuffer("call_contributions", ["call_ref", "upload_id", "facts"]);
  for (const facts of calls) {
    rows.push([facts.callRef, uploadId, facts]);
    if (rows.full) await rows.flush(client);
  }
  await rows.flush(client);
}

/** Which of these call references already have a call row. */
export async function existingCalls(client: pg.PoolClient, callRefs: readonly string[]): Promise<Set<string>> {
  const existing = new Set<string>();
  for (let start = 0; start < callRefs.length; start += BATCH) {
    const { rows } = await client.query<{ call_ref: string }>(
      `SELECT call_ref FROM calls WHERE call_ref = ANY($1::text[])`,
      [callRefs.slice(start, start + BATCH)],
    );
    for (const row of rows) existing.add(row.call_ref);
  }
  return existing;
}
