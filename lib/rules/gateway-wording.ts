import type { CredentialLocation } from "./credential-terms";

/**
 * Pieces of the gateway's wording (spec 4.1), from which CAUSE_TABLE's rows
 * spell the messages that find them. Keywords match in any case and with any
 * spacing; the label's and the name's case are kept as written.
 */
const WORD = String.raw`[\p{L}\p{N}][\p{L}\p{N}_-]*`;
/** ELEMENT right after words of the message (`Could not find a required ...`). */
export const LABEL_WORDS = String.raw`(?<label>${WORD}(?:[ \t]+${WORD}){0,4}?)`;
/**
 * ELEMENT: a few words, not reaching back past punctuation (a JSON wrapper, an
 * `[Interceptor]` prefix, a ` - ` separator). A hyphen inside a word
 * (`X-Api-Key`) is not such a boundary.
 */
export const LABEL = String.raw`(?<=^|[^\p{L}\p{N}_\s-]|\s-)\s*${LABEL_WORDS}`;
export const LOCATION = String.raw`(?<location>header|cookie|query[\s_]*param|query)`;
export const NAME = String.raw`(?<name>[^\s,;"'()]*[^\s,;"'().])`;
export const IN_THE_REQUEST = String.raw`\s+in\s+the\s+request\s*,\s*identified\s+by\s+${LOCATION}\s+${NAME}`;

/** A gateway message's pattern, from the pieces above. */
export const gatewayPattern = (source: string) => new RegExp(source, "iu");

/** What a gateway message says about the credential it names. */
export type GatewayVerdict<Says> = { says: Says; label: string; location: CredentialLocation; name: string };

/** The first of the recognisers whose pattern the text holds, and the credential it names. */
export function findIn<Says>(text: string, recognisers: ReadonlyArray<{ says: Says; pattern: RegExp }>): GatewayVerdict<Says> | null {
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
