import { copyString, hasWhitespaceFlag } from "../credentials";
import type { CallEvent, CallEventContent, CarriedValue, RequestFacts, TraceMessage } from "../trace-reading";
import { emptyCallFacts, REQUEST_FIELDS, type CallFacts, type Sighting } from "./facts";
import { Interner } from "./interner";
import { addCredential, addInterceptor, addRejectingLine, mergeExtraFields, mergeResponse, pickValue } from "./merge";

/**
 * Links events into calls by their call reference, in any order and across
 * files, keeping per call only what classifying and summarising it need.
 */
export class CallLinker implements Iterable<CallFacts> {
  private readonly calls = new Map<string, CallFacts>();
  private readonly interner = new Interner();

  apply(event: CallEvent): void {
    const facts = this.callOf(event.callRef);
    facts.traceLineCount++;
    if (event.time !== null && (facts.time === null || event.time < facts.time)) facts.time = event.time;
    const content: CallEventContent = event.content;
    if (content.request !== undefined) this.applyRequest(facts, content.request);
    for (const carried of content.credentials ?? []) addCredential(facts.credentials, this.credential(carried, event));
    if (content.response !== undefined) {
      const { status, body, durationMs, text } = content.response;
      const response = { status, body: body === null ? null : copyString(body), durationMs, sighting: sightingOf(event, text) };
      facts.response = mergeResponse(facts.response, response);
    }
    if (content.trace !== undefined) this.applyTrace(facts, content.trace, event);
    if (content.extraFields !== undefined) facts.extraFields = mergeExtraFields(facts.extraFields, content.extraFields);
  }

  get size(): number {
    return this.calls.size;
  }

  get(callRef: string): CallFacts | undefined {
    return this.calls.get(callRef);
  }

  [Symbol.iterator](): Iterator<CallFacts> {
    return this.calls.values();
  }

  private callOf(callRef: string): CallFacts {
    const known = this.calls.get(callRef);
    if (known !== undefined) return known;
    const facts = emptyCallFacts(copyString(callRef));
    this.calls.set(facts.callRef, facts);
    return facts;
  }

  private applyRequest(facts: CallFacts, request: RequestFacts): void {
    for (const field of REQUEST_FIELDS) facts[field] = pickValue(facts[field], this.interner.internOrNull(request[field]));
  }

  private credential(carried: CarriedValue, event: CallEvent) {
    const { display: _display, text, name, ...masked } = carried;
    const sighting = hasWhitespaceFlag(carried) ? sightingOf(event, text) : null;
    return { ...masked, name: this.interner.intern(name), sighting };
  }

  private applyTrace(facts: CallFacts, trace: TraceMessage, event: CallEvent): void {
    const { interceptor, verdict } = trace;
    if (interceptor !== null) addInterceptor(facts.interceptors, { name: interceptor, file: event.file, seq: event.seq, time: event.time });
    if (verdict === null) return;
    addRejectingLine(facts.rejectingLines, {
      says: verdict.says,
      label: this.interner.intern(verdict.label),
      location: verdict.location,
      name: this.interner.intern(verdict.name),
      sighting: sightingOf(event, trace.text),
    });
  }
}

function sightingOf(event: CallEvent, text: string): Sighting {
  return { file: event.file, line: event.line, seq: event.seq, time: event.time, text: copyString(text) };
}
