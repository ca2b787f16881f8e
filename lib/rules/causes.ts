import type { CredentialElement } from "./credential-terms";
import { gatewayPattern, IN_THE_REQUEST, LABEL, LABEL_WORDS, LOCATION, NAME } from "./gateway-wording";
import { fillRemedy, type RemedyNames } from "./remedy-words";

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
  /**
   * What to do about it, with the call's own names put in where it has them
   * (lib/rules/remedy.ts): {credential} ("the Client Id in header
   * client_id"), {app} and {api}.
   */
  remedy: string;
};

/**
 * What to do instead, for the credential the gateway names: a client ID
 * neither expires nor is refreshed, as a token is, so "request a new token"
 * sends whoever reads it the wrong way.
 */
type RemedyByElement = Partial<Record<CredentialElement, string>>;

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
    remedy: "Send {credential}: the gateway looks for it under that exact name, in that place, and nowhere else.",
  },
  {
    // Before the gateway's own verdicts: a stray space makes a good credential look unknown.
    cause: "malformed_credential",
    foundBy: "named credential carried with whitespace",
    title: "Credential sent with extra whitespace",
    explanation:
      "The credential arrived with a leading or trailing space, tab or line break. A gateway compares credentials exactly, so that whitespace alone is enough to have it refused.",
    remedy:
      "Send {credential} exactly as it was generated: strip surrounding spaces and line breaks (often left by copying it from a file or a terminal).",
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
    remedyByElement: {
      client_id:
        "Check the client ID {app} sends: it must be the ID of an app registered in this gateway's environment (not a sandbox's, not a deleted app's). A client ID does not expire and is not refreshed.",
      custom: "Check that {credential} holds a value the gateway issued for this environment and that it is still current; if it expired or was revoked, request a new one.",
    },
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
    remedy: "Grant {app} access to {api}'s plan or resource in the gateway (or use an app that has it).",
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
      "Check that {credential} is current and that {app} may call this resource of {api}; enable the gateway's trace for this API to see which it was.",
  },
  {
    cause: "unknown",
    foundBy: "any rejection",
    title: "Unexplained 401",
    explanation: "The call was rejected, but not with any credential message this tool knows; the response body is kept as it was.",
    remedy: "Read the response body and the call's trace; the rejection may come from the backend or from a custom interceptor.",
  },
] as const satisfies ReadonlyArray<{ cause: string; foundBy: FoundByShape; withWhitespace?: string; remedyByElement?: RemedyByElement } & CauseDescription>;

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
 * Each cause's text alone, as pages and the CLI show it, its remedy in
 * words that fit any call. The cast holds: Cause is exactly the table's
 * causes, so none lacks its entry.
 */
export const CAUSES = Object.fromEntries(
  CAUSE_TABLE.map(({ cause, title, explanation, remedy }) => [cause, { title, explanation, remedy: fillRemedy(remedy, {}) }]),
) as Record<Cause, CauseDescription>;

/** What to do about one call's rejection: the remedy for the credential it names, with its names put in. */
export function remedyFor(cause: Cause, names: RemedyNames): string {
  const row: { remedy: string; remedyByElement?: RemedyByElement } = CAUSE_TABLE.find((candidate) => candidate.cause === cause) ?? CAUSE_TABLE[0];
  const element = names.credential?.element;
  return fillRemedy((element && row.remedyByElement?.[element]) ?? row.remedy, names);
}
