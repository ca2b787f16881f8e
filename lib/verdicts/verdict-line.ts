import { classifyCall, type CallFacts } from "../calls";

/** One line of `classify` output (spec section 6): exactly these keys, in this order, null where they do not apply. */
export function verdictRow(facts: CallFacts) {
  const verdict = classifyCall(facts);
  return {
    callId: facts.callRef,
    status: facts.response?.status ?? null,
    rejected: verdict.rejected,
    cause: verdict.cause,
    credential: verdict.credential,
    interceptor: verdict.interceptor,
    evidence: verdict.evidence,
  };
}

/** A verdict as printed, with what orders it among the others. */
export type VerdictLine = { time: number | null; callRef: string; text: string };

export function verdictLineOf(facts: CallFacts): VerdictLine {
  return { time: facts.time, callRef: facts.callRef, text: JSON.stringify(verdictRow(facts)) };
}
