import type pg from "pg";
import { mergeCallFacts, type CallFacts } from "../calls";
import { loadContributions, replaceContributions } from "./contributions";
import { writeCalls } from "./write-calls";

/**
 * Joins a batch of an upload's calls with everything stored about them (other
 * uploads, and this upload's earlier batches), re-classifies them on the
 * union and writes them. Batches keep an upload's memory bounded: a call whose
 * lines span two batches is simply merged twice (mergeCallFacts is
 * order-independent).
 */
export async function settleCalls(client: pg.PoolClient, uploadId: string, batch: Iterable<CallFacts>): Promise<void> {
  const fresh = [...batch];
  if (fresh.length === 0) return;
  const callRefs = fresh.map((facts) => facts.callRef);
  const earlier = await loadContributions(client, callRefs, { of: uploadId });
  const others = await loadContributions(client, callRefs, { besides: uploadId });
  const mine = fresh.map((facts) => {
    const known = earlier.get(facts.callRef);
    return known ? mergeCallFacts(known, facts) : facts;
  });
  // A call is stored exactly when some upload contributed to it.
  const stored = callRefs.filter((callRef) => earlier.has(callRef) || others.has(callRef));
  await writeCalls(client, joined(mine, others), stored);
  await replaceContributions(client, uploadId, mine, [...earlier.keys()]);
}

function* joined(calls: Iterable<CallFacts>, others: Map<string, CallFacts>): Iterable<CallFacts> {
  for (const facts of calls) {
    const other = others.get(facts.callRef);
    yield other ? mergeCallFacts(other, facts) : facts;
  }
}
