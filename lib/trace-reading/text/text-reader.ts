import { displayMasked } from "../../credentials";
import type { CallEvent, CallEventContent, GatewayEvent, TraceSink } from "../events";
import type { CredentialScrubber } from "../scrubber";
import { SecondCache } from "../timestamps";
import { traceMessage } from "../trace-message";
import { TEXT_LINE } from "./line-pattern";
import { mayBeRequestOrResponse, readCarriedLine, readRequestLine, readResponseLine } from "./messages";

/**
 * Text trace lines into events. An event is emitted once the next timestamped
 * line shows it is complete, because lines without a timestamp (stack traces)
 * still belong to it.
 */
export class TextTraceReader {
  private readonly seconds = new SecondCache();
  private pending: { call: CallEvent | null; gateway: GatewayEvent | null } = { call: null, gateway: null };
  private seq = 0;
  eventCount = 0;
  gatewayEventCount = 0;

  constructor(
    private readonly file: string,
    private readonly sink: TraceSink,
    private readonly scrubber: CredentialScrubber,
  ) {}

  line(text: string, lineNumber: number): void {
    const m = TEXT_LINE.exec(text);
    if (m === null) {
      if (text.trim() !== "") this.continuePending(text);
      return;
    }
    this.flush();
    const [, day = "", clock = "", fraction, zone, level, keyedRef, uuidRef, message = ""] = m;
    const base = {
      seq: this.seq++,
      line: lineNumber,
      time: this.seconds.epoch(day, clock, fraction, zone),
      level: level === undefined ? null : level.toUpperCase(),
      text,
    };
    const callRef = keyedRef ?? uuidRef;
    if (callRef === undefined) this.pending.gateway = base;
    else this.pending.call = this.callEvent(base, callRef, message);
  }

  /** Emits the last event; call once the input has ended. */
  flush(): void {
    const { call, gateway } = this.pending;
    if (call !== null) this.sink.callEvent(call);
    if (gateway !== null) this.sink.gatewayEvent(gateway);
    if (call !== null || gateway !== null) this.eventCount++;
    if (gateway !== null) this.gatewayEventCount++;
    this.pending = { call: null, gateway: null };
  }

  private callEvent(base: GatewayEvent, callRef: string, message: string): CallEvent {
    const carried = mayBeRequestOrResponse(message) ? readCarriedLine(message) : null;
    if (carried !== null) {
      const masked = this.scrubber.carried(callRef, carried.raw);
      const offset = base.text.length - message.length;
      const display = displayMasked(carried.raw, masked, carried.quoted);
      const text = base.text.slice(0, offset + carried.start) + display + base.text.slice(offset + carried.end);
      const credential = { location: carried.location, name: carried.name, ...masked, display, text };
      return { ...base, text, file: this.file, callRef, content: { credentials: [credential] } };
    }
    const text = this.scrubber.scrub(callRef, base.text);
    const scrubbedMessage = text === base.text ? message : this.scrubber.scrub(callRef, message);
    return { ...base, text, file: this.file, callRef, content: contentOf(scrubbedMessage, text) };
  }

  private continuePending(text: string): void {
    const { call, gateway } = this.pending;
    if (call !== null) call.text += "\n" + this.scrubber.scrub(call.callRef, text);
    else if (gateway !== null) gateway.text += "\n" + text;
  }
}

function contentOf(message: string, text: string): CallEventContent {
  if (mayBeRequestOrResponse(message)) {
    const request = readRequestLine(message);
    if (request !== null) return { request };
    const response = readResponseLine(message);
    if (response !== null) return { response: { ...response, text } };
  }
  return { trace: traceMessage(message, text) };
}
