import type { CredentialLocation, TraceVerdict } from "../trace-reading";

/** What a gateway message says about the credential it names. */
export type GatewaySays = "missing" | "not_found" | "no_access" | "invalid";
export type GatewayFinding = { says: GatewaySays; label: string; location: CredentialLocation; name: string };
type Source = "response" | "trace";

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

/**
 * The gateway's messages and the cause each points to, in the order of spec
 * 4.2 (first match wins). `malformed_credential` is not a message: it is read
 * from how the named credential was carried, and ranks second.
 */
export const GATEWAY_MESSAGES = [
  {
    says: "missing",
    source: "response",
    cause: "missing_credential",
    pattern: pattern(String.raw`could\s+not\s+find\s+(?:an?\s+)?required\s+(?<label>${WORD}(?:[ \t]+${WORD}){0,4}?)${IN_THE_REQUEST}`),
  },
  {
    says: "not_found",
    source: "trace",
    cause: "invalid_expired_revoked",
    pattern: pattern(String.raw`${LABEL}\s+in\s+${LOCATION}\s+${NAME}\s+has\s+not\s+been\s+found\b`),
  },
  {
    says: "no_access",
    source: "trace",
    cause: "no_resource_access",
    pattern: pattern(String.raw`${LABEL}\s+in\s+${LOCATION}\s+${NAME}\s+does\s+not\s+have\s+access\s+to\s+this\s+resource\b`),
  },
  {
    says: "invalid",
    source: "response",
    cause: "invalid_unspecified",
    pattern: pattern(String.raw`${LABEL}${IN_THE_REQUEST}\s*,\s*is\s+invalid\b`),
  },
] as const satisfies ReadonlyArray<{ says: GatewaySays; source: Source; cause: string; pattern: RegExp }>;

/** Most trace lines are not verdicts; this cheap test spares them the full patterns. */
export const MAY_BE_TRACE_VERDICT = /not\s+(?:been\s+found|have\s+access)/i;

/** A rejecting trace line: `ELEMENT in LOCATION NAME HAS NOT BEEN FOUND ...` or `... DOES NOT HAVE ACCESS ...`. */
export function readTraceVerdict(message: string): TraceVerdict | null {
  const finding = MAY_BE_TRACE_VERDICT.test(message) ? findIn(message, "trace") : null;
  if (finding === null || (finding.says !== "not_found" && finding.says !== "no_access")) return null;
  return { ...finding, says: finding.says };
}

/** Both response messages say this; other bodies are spared the full patterns. */
const MAY_BE_RESPONSE_VERDICT = /in\s+the\s+request/i;

/** A response body, plain or wrapped in JSON or other text. */
export function readResponseVerdict(body: string): GatewayFinding | null {
  return MAY_BE_RESPONSE_VERDICT.test(body) ? findIn(body, "response") : null;
}

function findIn(text: string, source: Source): GatewayFinding | null {
  for (const message of GATEWAY_MESSAGES) {
    if (message.source !== source) continue;
    const groups = message.pattern.exec(text)?.groups;
    if (groups !== undefined) return findingOf(message.says, groups);
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

function findingOf(says: GatewaySays, groups: Record<string, string | undefined>): GatewayFinding {
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
