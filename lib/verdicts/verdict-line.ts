import { classifyCall, type CallFacts } from "../calls";

/** Masks a call's evidence again with what the run knows of its values now. */
export type EvidenceMasking = (text: string) => string;

/**
 * One line of `classify` output (spec section 6): exactly these keys, in this
 * order, null where they do not apply. With `maskEvidence`, the evidence is
 * masked again: a file read after the evidence line's, or a line further on
 * than the readers look back, may have carried a value that line echoes.
 */
export function verdictRow(facts: CallFacts, maskEvidence?: EvidenceMasking) {
  const verdict = classifyCall(facts);
  const evidence = verdict.evidence && maskEvidence ? { ...verdict.evidence, text: maskEvidence(verdict.evidence.text) } : verdict.evidence;
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

export function verdictLineOf(facts: CallFacts, maskEvidence?: EvidenceMasking): VerdictLine {
  return { time: facts.time, callRef: facts.callRef, text: JSON.stringify(verdictRow(facts, maskEvidence)) };
}
