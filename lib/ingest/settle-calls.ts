import type pg from "pg";
import { mergeCallFacts, type CallFacts } from "../calls";
import type { CallBatch } from "./call-batch";
import { loadCallFacts } from "./call-facts";
import { writeCalls } from "./write-calls";

/**
 * Stores a batch of calls read from one file: their trace segments, and each
 * call re-classified on everything known about it (other uploads, other
 * files and earlier batches of this one). Batches keep an upload's memory
 * bounded: a call whose lines span two batches gets two segments, and its
 * facts are merged (mergeCallFacts is order-independent).
 */
export async function settleCalls(client: pg.PoolClient, batch: CallBatch): Promise<void> {
  const fresh = [...batch];
  if (fresh.length === 0) return;
  const known = await loadCallFacts(client, fresh.map((facts) => facts.callRef));
  await batch.writeSegments(client);
  // A call is stored exactly when some segment of it was.
  const stored = fresh.filter((facts) => known.has(facts.callRef)).map((facts) => facts.callRef);
  await writeCalls(client, joined(fresh, known), stored);
}

function* joined(calls: Iterable<CallFacts>, known: Map<string, CallFacts>): Iterable<CallFacts> {
  for (const facts of calls) {
    const other = known.get(facts.callRef);
    yield other ? mergeCallFacts(other, facts) : facts;
  }
}
