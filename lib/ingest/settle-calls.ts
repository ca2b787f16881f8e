import type pg from "pg";
import { mergeCallFacts, type CallFacts } from "../calls";
import type { Cause } from "../rules";
import type { CallBatch } from "./call-batch";
import { loadCallFacts, type KnownCall } from "./call-facts";
import type { TouchedCalls } from "./touched-calls";
import { writeCalls } from "./write-calls";

/**
 * Stores a batch of calls an upload read from one file: their trace
 * segments, and each call re-classified on everything known about it (other
 * uploads, other files and earlier batches of this one), counted in
 * `touched`. Batches keep an upload's memory bounded: a call whose lines span
 * two batches gets two segments, and its facts are merged. Answers the
 * batch's calls that were stored before it.
 */
export async function settleCalls(client: pg.PoolClient, uploadId: string, batch: CallBatch, touched: TouchedCalls): Promise<string[]> {
  const read = [...batch];
  if (read.length === 0) return [];
  const known = await loadCallFacts(client, read.map((facts) => facts.callRef));
  await batch.writeSegments(client);
  // A call is stored exactly when some segment of it was.
  const stored = read.filter((facts) => known.has(facts.callRef)).map((facts) => facts.callRef);
  const touchedBefore = stored.filter((callRef) => known.get(callRef)?.uploadIds.has(uploadId));
  const causesBefore = await storedCauses(client, touchedBefore);
  const causes = await writeCalls(client, joined(read, known), stored);
  for (const { callRef } of read) {
    const after = causes.get(callRef) ?? null;
    if (causesBefore.has(callRef)) touched.touchAgain(causesBefore.get(callRef) ?? null, after);
    else touched.firstTouch(known.has(callRef), after);
  }
  return stored;
}

/** The causes stored for these calls: what this upload counted for them, exactly. */
async function storedCauses(client: pg.PoolClient, callRefs: string[]): Promise<Map<string, Cause | null>> {
  if (callRefs.length === 0) return new Map();
  const { rows } = await client.query<{ call_ref: string; cause: Cause | null }>(
    `SELECT call_ref, cause::text AS cause FROM calls WHERE call_ref = ANY($1::text[])`,
    [callRefs],
  );
  return new Map(rows.map((row) => [row.call_ref, row.cause]));
}

function* joined(calls: Iterable<CallFacts>, known: Map<string, KnownCall>): Iterable<CallFacts> {
  for (const facts of calls) {
    const other = known.get(facts.callRef);
    yield other ? mergeCallFacts(other.facts, facts) : facts;
  }
}
