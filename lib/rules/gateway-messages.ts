import type { CredentialLocation } from "./credential-terms";

/** What a gateway message says about the credential it names. */
type GatewayVerdict<Says> = { says: Says; label: string; location: CredentialLocation; name: string };
type Recogniser<Says> = { says: Says; pattern: RegExp };

// Pieces of the gateway's wording (spec 4.1). Keywords match in any case and
// with any spacing; the label's and the name's case are kept as written.
const WORD = String.raw`[\p{L}\p{N}][\p{L}\p{N}_-]*`;
/**
 * ELEMENT: a few words, not reaching back past punctuation (a JSON wrapper, an
 * `[Interceptor]` prefix, a ` - ` separator). A hyphen inside a word
 * (`X-Api-Key`) is not such a boundary.
 */
const LABEL = String.raw`(?<=^|[^\p{L}\p{N}_\s-]|\s-)\s*(?<label>${WORD}(?:[ \t]+${WORD}){0,4}?)`;
const LOCATION = String.raw`(?<location>header|cookie|query[\s_]*param|query)`;
const NAME = String.raw`(?<name>[^\s,;"'()]*[^\s,;"'().])`;
const IN_THE_REQUEST = String.raw`\s+in\s+the\s+request\s*,\s*identified\s+by\s+${LOCATION}\s+${NAME}`;

const pattern = (source: string) => new RegExp(source, "iu");

/** What the gateway writes in a response body (spec 4.1), by what it says. Which cause each leads to: CAUSE_TABLE. */
const RESPONSE_MESSAGES = [
  { says: "missing", pattern: pattern(String.raw`could\s+not\s+find\s+(?:an?\s+)?required\s+(?<label>${WORD}(?:[ \t]+${WORD}){0,4}?)${IN_THE_REQUEST}`) },
  { says: "invalid", pattern: pattern(String.raw`${LABEL}${IN_THE_REQUEST}\s*,\s*is\s+invalid\b`) },
] as const satisfies ReadonlyArray<Recogniser<string>>;

/** What the gateway writes in a trace line that rejects the call (spec 4.1), by what it says. */
const REJECTING_LINES = [
  { says: "not_found", pattern: pattern(String.raw`${LABEL}\s+in\s+${LOCATION}\s+${NAME}\s+has\s+not\s+been\s+found\b`) },
  {
    says: "no_access",
    pattern: pattern(String.raw`${LABEL}\s+in\s+${LOCATION}\s+${NAME}\s+does\s+not\s+have\s+access\s+to\s+this\s+resource\b`),
  },
] as const satisfies ReadonlyArray<Recogniser<"not_found" | "no_access">>;

export type ResponseSays = (typeof RESPONSE_MESSAGES)[number]["says"];
export type RejectingLineSays = (typeof REJECTING_LINES)[number]["says"];
export type ResponseVerdict = GatewayVerdict<ResponseSays>;
/** A trace line in which the gateway rejects the call: what it says and the credential it names. */
export type TraceVerdict = GatewayVerdict<RejectingLineSays>;

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

function findIn<Says>(text: string, recognisers: ReadonlyArray<Recogniser<Says>>): GatewayVerdict<Says> | null {
  for (const recogniser of recognisers) {
    const groups = recogniser.pattern.exec(text)?.groups;
    if (groups !== undefined) return verdictOf(recogniser.says, groups);
  }
  return null;
}

/**
 * The words of an HTTP status run into the label (`HTTP 401 Client Id in the
 * request ...`, `Unauthorized APP in ...`) are not part of it. They are cut
 * only when there is a status (a three-digit code, or "Unauthorized"): `HTTP
 * Signature` or `Error Code` may well be a designer's label, and so may one
 * ending in a gateway word (`Refresh Access Token` stays custom).
 */
const STATUS_WORDS_BEFORE_LABEL = /^(?:(?:HTTP(?:\/[\d.]+)?|\d[\d.]*|unauthori[sz]ed|forbidden|error)\s+)+(?=\S)/iu;
const A_STATUS = /(?:^|\s)(?:\d{3}|unauthori[sz]ed)\s/iu;

function labelOf(written: string): string {
  const words = STATUS_WORDS_BEFORE_LABEL.exec(written)?.[0];
  return words !== undefined && A_STATUS.test(words) ? written.slice(words.length) : written;
}

function verdictOf<Says>(says: Says, groups: Record<string, string | undefined>): GatewayVerdict<Says> {
  return {
    says,
    label: labelOf(groups.label ?? ""),
    location: locationOf(groups.location ?? ""),
    name: groups.name ?? "",
  };
}

function locationOf(written: string): CredentialLocation {
  const lower = written.toLowerCase();
  if (lower === "header") return "header";
  if (lower === "cookie") return "cookie";
  return "query";
}
