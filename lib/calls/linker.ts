import { copyString, hasWhitespaceFlag } from "../credentials";
import type { CallEvent, CallEventContent, CarriedValue, RequestFacts, ResponseFacts, TraceMessage } from "../trace-reading";
import { emptyCallFacts, type CallFacts, type CallResponse, type CarriedCredential, type Sighting } from "./facts";
import { Interner } from "./interner";
import { mergeExtraFields, mergeResponse, OwnedCredentials, pickValue, withCredential, withMention, withRejectingLine } from "./merge";

const MAX_SHARED_CREDENTIALS = 100_000;

export type LinkerOptions = {
  /**
   * False keeps only what classifyCall needs (no request details, unknown
   * fields, cleanly sent credentials or bodies of calls that were not
   * rejected): for `classify`, which prints verdicts of millions of lines'
   * worth of calls and nothing else. Such facts must not be stored.
   */
  keepSummary: boolean;
  /** Told of every call reference the linker does not hold yet. */
  onNewCall?: (callRef: string) => void;
};

/**
 * A call's facts, and when (in events applied) it was last heard of; for a
 * call that carried many credentials, their places (OwnedCredentials).
 */
type LinkedCall = { facts: CallFacts; lastEvent: number; credentials?: OwnedCredentials };

/** From this many credentials on, a call's are kept with their places: fewer are quicker to walk than to index. */
const INDEXED_CREDENTIALS = 16;

/**
 * Links events into calls by their call reference, in any order and across
 * files, keeping per call only what classifying and summarising it need.
 */
export class CallLinker implements Iterable<CallFacts> {
  private readonly calls = new Map<string, LinkedCall>();
  private readonly interner = new Interner();
  private readonly cleanCredentials = new Map<string, CarriedCredential>();
  private readonly options: LinkerOptions;
  private events = 0;

  constructor(options: LinkerOptions = { keepSummary: true }) {
    this.options = options;
  }

  private get keepSummary(): boolean {
    return this.options.keepSummary;
  }

  apply(event: CallEvent): void {
    const call = this.callOf(event.callRef);
    call.lastEvent = ++this.events;
    const facts = call.facts;
    facts.traceLineCount++;
    if (event.time !== null && (facts.time === null || event.time < facts.time)) facts.time = event.time;
    const content: CallEventContent = event.content;
    if (content.request !== undefined && this.keepSummary) this.applyRequest(facts, content.request);
    if (content.credentials !== undefined) this.applyCredentials(call, content.credentials, event);
    if (content.response !== undefined) facts.response = mergeResponse(facts.response, this.response(content.response, event));
    if (content.trace !== undefined) this.applyTrace(facts, content.trace, event);
    if (content.extraFields !== undefined && this.keepSummary) facts.extraFields = mergeExtraFields(facts.extraFields, content.extraFields);
  }

  get size(): number {
    return this.calls.size;
  }

  get(callRef: string): CallFacts | undefined {
    return this.calls.get(callRef)?.facts;
  }

  *[Symbol.iterator](): Iterator<CallFacts> {
    for (const call of this.calls.values()) yield call.facts;
  }

  /**
   * Hands out and forgets the calls not heard of in the last `idleEvents`
   * events. A call heard of again later starts afresh (onNewCall tells), so
   * what was handed out is then only part of it.
   */
  *evictIdle(idleEvents: number): Generator<CallFacts> {
    const horizon = this.events - idleEvents;
    // Every call is looked at once; those still busy are put back at the end of
    // the map, so the next sweep meets the ones that had time to go quiet first.
    let unseen = this.calls.size;
    for (const [callRef, call] of this.calls) {
      if (unseen-- === 0) return;
      this.calls.delete(callRef);
      if (call.lastEvent > horizon) this.calls.set(callRef, call);
      else yield call.facts;
    }
  }

  private callOf(callRef: string): LinkedCall {
    const known = this.calls.get(callRef);
    if (known !== undefined) return known;
    this.options.onNewCall?.(callRef);
    const call = { facts: emptyCallFacts(copyString(callRef)), lastEvent: 0 };
    this.calls.set(call.facts.callRef, call);
    return call;
  }

  /** APIs, apps and methods repeat across calls and are interned; URIs and addresses mostly do not. */
  private applyRequest(facts: CallFacts, request: RequestFacts): void {
    const { interner } = this;
    facts.method = pickValue(facts.method, interner.internOrNull(request.method));
    facts.uri = pickValue(facts.uri, copyOrNull(request.uri));
    facts.api = pickValue(facts.api, interner.internOrNull(request.api));
    facts.resource = pickValue(facts.resource, interner.internOrNull(request.resource));
    facts.app = pickValue(facts.app, interner.internOrNull(request.app));
    facts.clientIp = pickValue(facts.clientIp, copyOrNull(request.clientIp));
    facts.userAgent = pickValue(facts.userAgent, interner.internOrNull(request.userAgent));
  }

  private applyCredentials(call: LinkedCall, carried: CarriedValue[], event: CallEvent): void {
    const { facts } = call;
    for (const value of carried) {
      if (!this.keepSummary && !hasWhitespaceFlag(value)) continue;
      const credential = this.credential(value, event);
      if (facts.credentials.length < INDEXED_CREDENTIALS) {
        facts.credentials = withCredential(facts.credentials, credential);
        continue;
      }
      // Kept only while they are the call's list: a merge may have replaced it since.
      if (call.credentials?.list !== facts.credentials) call.credentials = new OwnedCredentials(facts.credentials);
      call.credentials.add(credential);
      facts.credentials = call.credentials.list;
    }
  }

  /**
   * A response is evidence only of a rejection (status 401, or none logged):
   * the text of any other is not kept, which spares most calls their longest string.
   */
  private response(response: ResponseFacts & { text: string }, event: CallEvent): CallResponse {
    const { status, body, durationMs } = response;
    const evidence = status === 401 || status === null;
    const text = evidence ? copyString(response.text) : "";
    const keptBody = evidence || this.keepSummary ? copyOrNull(body) : null;
    return { file: event.file, line: event.line, seq: event.seq, time: event.time, text, status, body: keptBody, durationMs };
  }

  /** A token is sent with many calls: those that carried it cleanly share one (immutable) entry. */
  private credential(carried: CarriedValue, event: CallEvent): CarriedCredential {
    const name = this.interner.intern(carried.name);
    if (hasWhitespaceFlag(carried)) return this.newCredential(carried, name, sightingOf(event, carried.text));
    // Built from the interned name: a key holding a slice of the line would keep the whole chunk of text alive.
    const key = `${carried.location}\u0000${name}\u0000${carried.fingerprint}\u0000${carried.length}`;
    const known = this.cleanCredentials.get(key);
    if (known !== undefined) return known;
    const credential = this.newCredential(carried, name, null);
    if (this.cleanCredentials.size < MAX_SHARED_CREDENTIALS) this.cleanCredentials.set(key, credential);
    return credential;
  }

  private newCredential(carried: CarriedValue, name: string, sighting: Sighting | null): CarriedCredential {
    return {
      location: carried.location,
      name,
      fingerprint: carried.fingerprint,
      preview: carried.preview,
      length: carried.length,
      leadingWhitespace: carried.leadingWhitespace,
      trailingWhitespace: carried.trailingWhitespace,
      lineBreak: carried.lineBreak,
      sighting,
    };
  }

  private applyTrace(facts: CallFacts, trace: TraceMessage, event: CallEvent): void {
    const { interceptor, verdict } = trace;
    if (interceptor !== null) {
      const mention = { name: interceptor, file: event.file, seq: event.seq, time: event.time };
      facts.interceptors = withMention(facts.interceptors, mention);
    }
    if (verdict === null) return;
    facts.rejectingLines = withRejectingLine(facts.rejectingLines, {
      file: event.file,
      line: event.line,
      seq: event.seq,
      time: event.time,
      text: copyString(trace.text),
      says: verdict.says,
      label: this.interner.intern(verdict.label),
      location: verdict.location,
      name: this.interner.intern(verdict.name),
    });
  }
}

const copyOrNull = (text: string | null) => (text === null ? null : copyString(text));

function sightingOf(event: CallEvent, text: string): Sighting {
  return { file: event.file, line: event.line, seq: event.seq, time: event.time, text: copyString(text) };
}
