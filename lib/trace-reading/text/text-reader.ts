import { carriesWhitespace, displayMasked, hasWhitespaceFlag } from "../../credentials";
import type { CallEvent, CallEventContent, CarriedValue, GatewayEvent } from "../events";
import { FormatReader } from "../format-reader";
import { NO_CALL } from "../scrubber";
import { maskUriQuery, type QueryCredential } from "../uri";
import { traceMessage } from "../trace-message";
import { LineHeaderReader } from "./line-header";
import { QuietLines } from "./quiet-lines";
import { isRequestLine, mayBeRequestOrResponse, readCarriedLine, readRequestLine, readResponseLine, readResponseStatus, readUserAgentLine, type CarriedLine } from "./messages";

/**
 * Text trace lines into events. An event is emitted once the next timestamped
 * line shows it is complete, because lines without a timestamp (stack traces)
 * still belong to it.
 */
export class TextTraceReader extends FormatReader {
  private readonly headers = new LineHeaderReader();
  private readonly quietLines = new QuietLines();
  private pendingCall: CallEvent | null = null;
  private pendingGateway: GatewayEvent | null = null;

  line(text: string, lineNumber: number): void {
    const header = this.headers.read(text);
    if (header === null) {
      if (text.trim() !== "") this.continuePending(text);
      return;
    }
    this.flush();
    const { time, level, callRef, message } = header;
    if (callRef === undefined) this.pendingGateway = { seq: this.seq++, line: lineNumber, time, level, text: this.gatewayText(text, message) };
    else this.pendingCall = this.callEvent(this.seq++, lineNumber, time, level, text, callRef, message);
  }

  flush(): void {
    if (this.pendingCall !== null) {
      this.sink.callEvent(this.pendingCall);
      this.eventCount++;
    } else if (this.pendingGateway !== null) {
      this.scrubber.forget(NO_CALL);
      this.sink.gatewayEvent(this.pendingGateway);
      this.eventCount++;
      this.gatewayEventCount++;
    }
    this.pendingCall = null;
    this.pendingGateway = null;
  }

  // Positional arguments rather than a spread `base` object: this runs once per line,
  // and every event object built here has the same shape.
  private callEvent(seq: number, line: number, time: number, level: string | null, fullText: string, callRef: string, fullMessage: string): CallEvent {
    const read = this.sink.evidenceOnly === true ? this.readForEvidence(fullText, callRef, fullMessage) : this.readWhole(fullText, callRef, fullMessage);
    return { seq, line, time, level, text: read.text, file: this.file, callRef, content: read.content };
  }

  private readWhole(fullText: string, callRef: string, fullMessage: string): ReadLine {
    const carried = mayBeRequestOrResponse(fullMessage) ? readCarriedLine(fullMessage) : null;
    const inUri: QueryCredential[] = [];
    const [lineText, message] = carried === null ? this.withQueryMasked(fullText, fullMessage, callRef, inUri) : [fullText, fullMessage];
    if (carried !== null) {
      const masked = this.scrubber.carried(callRef, carried.raw);
      const display = displayMasked(carried.raw, masked, carried.quoted);
      const text = withValueShown(lineText, message, carried, display);
      const credential: CarriedValue = {
        location: carried.location,
        name: carried.name,
        fingerprint: masked.fingerprint,
        preview: masked.preview,
        length: masked.length,
        leadingWhitespace: masked.leadingWhitespace,
        trailingWhitespace: masked.trailingWhitespace,
        lineBreak: masked.lineBreak,
        text,
      };
      return { text, content: { credentials: [credential] } };
    }
    const text = this.scrubber.scrub(callRef, lineText);
    const scrubbedMessage = text === lineText ? message : this.scrubber.scrub(callRef, message);
    const content = contentOf(scrubbedMessage, text);
    if (inUri.length > 0) content.credentials = inUri.map(({ name, masked }) => ({ location: "query", name, ...masked, text }));
    return { text, content };
  }

  /**
   * The same answers as readWhole for every line that can be evidence; other
   * lines keep only what classifying needs (a status, an interceptor's name),
   * and no text. Values carried are still remembered, so that evidence read
   * later is masked.
   */
  private readForEvidence(fullText: string, callRef: string, message: string): ReadLine {
    // Most lines here are not scrubbed, and scrubbing is what keeps a slow call's values.
    this.scrubber.heard(callRef);
    if (mayBeRequestOrResponse(message)) {
      const carried = readCarriedLine(message);
      if (carried !== null) {
        this.scrubber.remember(callRef, carried.raw);
        return carriesWhitespace(carried.raw) ? this.readWhole(fullText, callRef, message) : NOT_EVIDENCE;
      }
      if (isRequestLine(message)) {
        if (!message.includes("?")) return NOT_EVIDENCE;
        const inUri: QueryCredential[] = [];
        this.withQueryMasked(fullText, message, callRef, inUri);
        // A credential sent in the URI with a stray space (`%20`) is evidence, as one sent in a header is.
        return inUri.some(({ masked }) => hasWhitespaceFlag(masked)) ? this.readWhole(fullText, callRef, message) : NOT_EVIDENCE;
      }
      const status = readResponseStatus(message);
      if (status !== undefined) {
        if (status === 401) return this.readWhole(fullText, callRef, message);
        return { text: "", content: { response: { status, body: null, durationMs: null, text: "" } } };
      }
    }
    const interceptor = this.quietLines.interceptorOf(message);
    if (interceptor === undefined) return this.readWhole(fullText, callRef, message);
    // Only the interceptor's name goes on: the message was read unmasked.
    return interceptor === null ? NOT_EVIDENCE : { text: "", content: { trace: { message: "", text: "", verdict: null, interceptor } } };
  }

  /**
   * A `Request:` line's URI with its query values masked, in the line and in
   * the message. Each value is remembered for the call's other lines both
   * decoded and as written (`%2B`): a trace repeats the URI as it came.
   * Values named like credentials are added to `inUri`.
   */
  private withQueryMasked(lineText: string, message: string, callRef: string, inUri?: QueryCredential[]): [string, string] {
    const request = mayBeRequestOrResponse(message) ? readRequestLine(message) : null;
    // `Request: /path?access_token=…` gives no method: its URI stands where the method would.
    const uri = request?.uri ?? request?.method;
    if (!uri?.includes("?")) return [lineText, message];
    const masked = maskUriQuery(uri, this.scrubber.queryValueMasker(callRef), inUri);
    // A function, not the masked URI itself: `$&` in a path would put the raw URI back.
    return [lineText.replace(uri, () => masked), message.replace(uri, () => masked)];
  }

  /**
   * A carried value is masked even on a line that names no call, and in that
   * line's stack trace: it is remembered until the event is complete.
   */
  private gatewayText(fullText: string, fullMessage: string): string {
    const carried = mayBeRequestOrResponse(fullMessage) ? readCarriedLine(fullMessage) : null;
    const [lineText, message] = carried === null ? this.withQueryMasked(fullText, fullMessage, NO_CALL) : [fullText, fullMessage];
    if (carried === null) return this.scrubber.scrub(NO_CALL, lineText);
    return withValueShown(lineText, message, carried, displayMasked(carried.raw, this.scrubber.carried(NO_CALL, carried.raw), carried.quoted));
  }

  private continuePending(text: string): void {
    const call = this.pendingCall;
    if (call !== null) call.text += "\n" + this.scrubber.scrub(call.callRef, text);
    else if (this.pendingGateway !== null) this.pendingGateway.text += "\n" + this.scrubber.scrub(NO_CALL, text);
  }
}

type ReadLine = { text: string; content: CallEventContent };
const NOT_EVIDENCE: ReadLine = Object.freeze({ text: "", content: Object.freeze({}) });

/** The line with the carried value replaced by how it may be shown. */
function withValueShown(lineText: string, message: string, carried: CarriedLine, display: string): string {
  const offset = lineText.length - message.length;
  return lineText.slice(0, offset + carried.start) + display + lineText.slice(offset + carried.end);
}

function contentOf(message: string, text: string): CallEventContent {
  if (mayBeRequestOrResponse(message)) {
    const request = readRequestLine(message) ?? readUserAgentLine(message);
    if (request !== null) return { request };
    const response = readResponseLine(message);
    if (response !== null) return { response: { ...response, text } };
  }
  return { trace: traceMessage(message, text) };
}
