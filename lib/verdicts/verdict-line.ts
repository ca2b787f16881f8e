import { classifyCall, type CallFacts } from "../calls";
import type { CarriedValueMemory } from "../trace-reading";

/**
 * One line of `classify` output (spec section 6): exactly these keys, in this
 * order, null where they do not apply. With `carried`, the evidence is masked
 * again with what the run knows now: a file read after the evidence line's
 * may have carried a value that line echoes (`gateway.log` given before
 * `gateway.log.1`).
 */
export function verdictRow(facts: CallFacts, carried?: CarriedValueMemory) {
  const verdict = classifyCall(facts);
  const evidence = verdict.evidence && carried ? { ...verdict.evidence, text: carried.scrub(facts.callRef, verdict.evidence.text) } : verdict.evidence;
  return {
    callId: facts.callRef,
    status: facts.response?.status ?? null,
    rejected: verdict.rejected,
    cause: verdict.cause,
    credential: verdict.credential,
    interceptor: verdict.interceptor,
    evidence,
  };
}

/** A verdict as printed, with what orders it among the others. */
export type VerdictLine = { time: number | null; callRef: string; text: string };

export function verdictLineOf(facts: CallFacts, carried?: CarriedValueMemory): VerdictLine {
  return { time: facts.time, callRef: facts.callRef, text: JSON.stringify(verdictRow(facts, carried)) };
}
