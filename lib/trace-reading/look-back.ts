import { readTraceVerdict } from "../rules";
import { REQUEST_FIELDS, type CallEvent, type GatewayEvent, type TraceSink } from "./events";
import { HeldEvents, type HeldEvent } from "./held-events";
import { scrubDeep, type CredentialScrubber } from "./scrubber";

/** How many events wait before they go on, for a value a call carries a little later to mask. */
const HELD_EVENTS = 128;

/**
 * Between a reader and its sink: events wait among the last 128 before they
 * go on, and when a call carries a value not known before (a header line, a
 * record's headers), that call's waiting events are masked again. A token a
 * trace echoes a few lines before the line that carries it is then masked
 * there too, whatever the format. Further back, it is not.
 */
export class LookBackMasking implements TraceSink {
  readonly evidenceOnly: boolean | undefined;
  private readonly held: HeldEvents;

  constructor(
    private readonly sink: TraceSink,
    private readonly scrubber: CredentialScrubber,
  ) {
    this.evidenceOnly = sink.evidenceOnly;
    this.held = new HeldEvents(HELD_EVENTS, (event) => this.release(event));
  }

  callEvent(event: CallEvent): void {
    const learned = this.scrubber.takeCallsThatLearned();
    // Most events follow no new value: they are spared the iterator.
    if (learned.size > 0) for (const [callRef, values] of learned) this.held.forEachOfCall(callRef, (held) => maskAgain(held, (text) => this.scrubber.maskValues(text, values)));
    this.held.hold(event);
  }

  gatewayEvent(event: GatewayEvent): void {
    this.held.hold(event);
  }

  /** Sends on every event still waiting; once the input has ended. */
  flush(): void {
    this.held.releaseAll();
  }

  private release(event: HeldEvent): void {
    if ("callRef" in event) this.sink.callEvent(event);
    else this.sink.gatewayEvent(event);
  }

}

/**
 * Masks a waiting event again with values its call carried since it was
 * read: only those, since it was scrubbed of everything known then (a call
 * carrying a new value on every line would otherwise have each of its
 * waiting lines searched again for all its values, once a line).
 */
function maskAgain(event: CallEvent, mask: (text: string) => string): void {
  const maskOrNull = (text: string | null) => (text === null ? null : mask(text));
  event.text = mask(event.text);
  const { request, trace, response, credentials, extraFields } = event.content;
  if (request !== undefined) for (const field of REQUEST_FIELDS) request[field] = maskOrNull(request[field]);
  if (trace !== undefined) {
    // The verdict's label and name were read from the message before it was masked again.
    const message = mask(trace.message);
    Object.assign(trace, { text: mask(trace.text), message, verdict: trace.verdict === null ? null : readTraceVerdict(message) });
  }
  if (response !== undefined) Object.assign(response, { text: mask(response.text), body: maskOrNull(response.body) });
  for (const credential of credentials ?? []) credential.text = mask(credential.text);
  if (extraFields !== undefined) event.content.extraFields = scrubDeep(extraFields, mask) as Record<string, unknown>;
}
