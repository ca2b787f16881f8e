import { gatewayPattern, IN_THE_REQUEST, LABEL, LABEL_WORDS, LOCATION, NAME } from "./gateway-wording";

/**
 * What shows that a cause explains a rejected call: a message the gateway
 * writes, by its pattern (the readers find trace lines with it, the
 * classifier response bodies), or a check no message shows, by name. Data,
 * not functions: the named checks read a call's facts, which lib/calls
 * defines on top of this folder (lib/calls/classify.ts runs them).
 */
type FoundByShape =
  /** The response body holds this message (plain, in a JSON string, or wrapped in other text). */
  | { responseSays: string; pattern: RegExp }
  /** A trace line of the call holds this message. */
  | { rejectingLineSays: string; pattern: RegExp }
  /** The credential the gateway names (by a rejecting line, else by the response) was carried with whitespace. */
  | "named credential carried with whitespace"
  /** Matches every rejection, so no row after it would ever be tried. */
  | "any rejection";

export type CauseDescription = {
  /** A short name for lists and filters. */
  title: string;
  /** What happened, in words an API consumer understands. */
  explanation: string;
  /** What to do about it. */
  remedy: string;
};

/**
 * Spec 4.2: the causes of a rejection, what finds each, and what the people
 * whose call was rejected are told. First match wins, in this order. A
 * trace verdict's `withWhitespace` says what it still means when the
 * credential was also sent with whitespace (the gateway's own verdict
 * beside malformed_credential).
 */
export const CAUSE_TABLE = [
  {
    cause: "missing_credential",
    foundBy: {
      responseSays: "missing",
      pattern: gatewayPattern(String.raw`could\s+not\s+find\s+(?:an?\s+)?required\s+${LABEL_WORDS}${IN_THE_REQUEST}`),
    },
    title: "Credential missing",
    explanation:
      "The gateway looked for the credential this API requires and found none: it was not sent, or was sent under another name or in another place (a header instead of a query parameter, for example).",
    remedy:
      "Send the credential the API requires, under the exact name and in the place the gateway names (header, query parameter or cookie).",
  },
  {
    // Before the gateway's own verdicts: a stray space makes a good credential look unknown.
    cause: "malformed_credential",
    foundBy: "named credential carried with whitespace",
    title: "Credential sent with extra whitespace",
    explanation:
      "The credential arrived with a leading or trailing space, tab or line break. A gateway compares credentials exactly, so that whitespace alone is enough to have it refused.",
    remedy:
      "Send the credential exactly as it was generated: strip surrounding spaces and line breaks (often left by copying it from a file or a terminal).",
  },
  {
    cause: "invalid_expired_revoked",
    foundBy: {
      rejectingLineSays: "not_found",
      pattern: gatewayPattern(String.raw`${LABEL}\s+in\s+${LOCATION}\s+${NAME}\s+has\s+not\s+been\s+found\b`),
    },
    title: "Credential invalid, expired or revoked",
    explanation:
      "The gateway did not recognise the credential: it was never issued, has expired, or was revoked.",
    remedy: "Request a new token (or credential) and send that; if it keeps happening, check the token's lifetime and refresh it before it expires.",
    withWhitespace: "The gateway did not recognise the value it read, which the whitespace alone explains: send the credential clean before anything else.",
  },
  {
    cause: "no_resource_access",
    foundBy: {
      rejectingLineSays: "no_access",
      pattern: gatewayPattern(String.raw`${LABEL}\s+in\s+${LOCATION}\s+${NAME}\s+does\s+not\s+have\s+access\s+to\s+this\s+resource\b`),
    },
    title: "No access to this resource",
    explanation:
      "The credential is valid, but the app it belongs to is not allowed to call this API resource: its plan or permissions do not cover it.",
    remedy: "Grant the app access to this API's plan or resource in the gateway (or use an app that has it).",
    withWhitespace:
      "The gateway still recognised the credential, and said its app has no access to this resource: once it is sent clean, the app also needs access to this API's plan or resource.",
  },
  {
    // After both trace verdicts: the response says `is invalid` for either of them.
    cause: "invalid_unspecified",
    foundBy: { responseSays: "invalid", pattern: gatewayPattern(String.raw`${LABEL}${IN_THE_REQUEST}\s*,\s*is\s+invalid\b`) },
    title: "Credential refused, gateway did not say why",
    explanation:
      "The gateway answered that the credential is invalid but its trace does not say whether it was unknown, expired, revoked, or lacked access to the resource.",
    remedy:
      "Check that the credential is current and that its app may call this resource; enable the gateway's trace for this API to see which it was.",
  },
  {
    cause: "unknown",
    foundBy: "any rejection",
    title: "Unexplained 401",
    explanation: "The call was rejected, but not with any credential message this tool knows; the response body is kept as it was.",
    remedy: "Read the response body and the call's trace; the rejection may come from the backend or from a custom interceptor.",
  },
] as const satisfies ReadonlyArray<{ cause: string; foundBy: FoundByShape; withWhitespace?: string } & CauseDescription>;

type CauseRow = (typeof CAUSE_TABLE)[number];
export type Cause = CauseRow["cause"];
/** What finds one of the table's causes, with the literal words of its row. */
export type FoundBy = CauseRow["foundBy"];
export type ResponseSays = Extract<CauseRow["foundBy"], { responseSays: string }>["responseSays"];
export type RejectingLineSays = Extract<CauseRow["foundBy"], { rejectingLineSays: string }>["rejectingLineSays"];

export const CAUSE_ORDER: readonly Cause[] = CAUSE_TABLE.map((row) => row.cause);

export function isCause(value: string | null | undefined): value is Cause {
  return (CAUSE_ORDER as readonly string[]).includes(value ?? "");
}

/**
 * Each cause's text alone, as pages and the CLI show it. The cast holds:
 * Cause is exactly the table's causes, so none lacks its entry.
 */
export const CAUSES = Object.fromEntries(
  CAUSE_TABLE.map(({ cause, title, explanation, remedy }) => [cause, { title, explanation, remedy }]),
) as Record<Cause, CauseDescription>;
