import { CAUSE_TABLE, type RejectingLineSays, type ResponseSays } from "./causes";
import { findIn, type GatewayVerdict } from "./gateway-wording";

// The messages of CAUSE_TABLE, by where the gateway writes them, in the table's order.
const RESPONSE_MESSAGES = CAUSE_TABLE.flatMap(({ foundBy }) =>
  typeof foundBy === "object" && "responseSays" in foundBy ? [{ says: foundBy.responseSays, pattern: foundBy.pattern }] : [],
);
const REJECTING_LINES = CAUSE_TABLE.flatMap(({ foundBy }) =>
  typeof foundBy === "object" && "rejectingLineSays" in foundBy ? [{ says: foundBy.rejectingLineSays, pattern: foundBy.pattern }] : [],
);

/** What a rejecting trace line can say, for schemas of stored facts. */
export const REJECTING_LINE_SAYS = REJECTING_LINES.map(({ says }) => says) as [RejectingLineSays, ...RejectingLineSays[]];

export type ResponseVerdict = GatewayVerdict<ResponseSays>;
/** A trace line in which the gateway rejects the call: what it says and the credential it names. */
export type TraceVerdict = GatewayVerdict<RejectingLineSays>;

/** What the gateway's own verdict in `line` still means when the credential was also sent with whitespace; null for no verdict. */
export function verdictDespiteWhitespace(line: string): string | null {
  const says = readTraceVerdict(line)?.says;
  const row = CAUSE_TABLE.find(({ foundBy }) => typeof foundBy === "object" && "rejectingLineSays" in foundBy && foundBy.rejectingLineSays === says);
  return row !== undefined && "withWhitespace" in row ? row.withWhitespace : null;
}

/** Most trace lines are not verdicts; this cheap test spares them the full patterns. */
export const MAY_BE_TRACE_VERDICT = /not\s+(?:been\s+found|have\s+access)/i;

/** A rejecting trace line: `ELEMENT in LOCATION NAME HAS NOT BEEN FOUND ...` or `... DOES NOT HAVE ACCESS ...`. */
export function readTraceVerdict(message: string): TraceVerdict | null {
  return MAY_BE_TRACE_VERDICT.test(message) ? findIn(message, REJECTING_LINES) : null;
}

/** Both response messages say this; other bodies are spared the full patterns. */
const MAY_BE_RESPONSE_VERDICT = /in\s+the\s+request/i;

/** A response body, plain or wrapped in JSON or other text. */
export function readResponseVerdict(body: string): ResponseVerdict | null {
  return MAY_BE_RESPONSE_VERDICT.test(body) ? findIn(body, RESPONSE_MESSAGES) : null;
}
