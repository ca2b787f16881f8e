import { hasWhitespaceFlag } from "../credentials";
import {
  CAUSE_TABLE,
  elementOf,
  readResponseVerdict,
  type Cause,
  type CredentialElement,
  type CredentialLocation,
  type FoundBy,
  type ResponseVerdict,
} from "../rules";
import type { CallFacts, CarriedCredential, RejectingLine, Sighting } from "./facts";
import { compareTraceOrder } from "./order";

export type Evidence = { file: string; line: number | null; text: string };

export type Verdict = {
  rejected: boolean;
  cause: Cause | null;
  credential: { element: CredentialElement; label: string; location: CredentialLocation; name: string } | null;
  /** Of the carried value the gateway named, when the call carried it. */
  credentialFingerprint: string | null;
  interceptor: string | null;
  /** The decisive line. */
  evidence: Evidence | null;
  /** The response line, where one was logged. */
  responseEvidence: Evidence | null;
  /** For malformed_credential: the gateway's own verdict, kept as secondary evidence. */
  gatewayVerdict: Evidence | null;
};

/** The credential a gateway line names: by label, location and name. */
type Named = { label: string; location: CredentialLocation; name: string };

/** Why a cause applies: what it names, the decisive line and the gateway line behind it. */
type Finding = {
  named: Named | null;
  evidence: Sighting | null;
  gatewayVerdict: Sighting | null;
  carried: CarriedCredential | null;
  traceLine: RejectingLine | null;
};

/** What classifying one call works from, read once. */
type Reading = {
  facts: CallFacts;
  /** The call's rejecting trace lines, in trace order. */
  rejectingLines: RejectingLine[];
  /** What the response body says, if it is a gateway credential message. */
  responseSays: ResponseVerdict | null;
};

const NOT_REJECTED: Verdict = {
  rejected: false,
  cause: null,
  credential: null,
  credentialFingerprint: null,
  interceptor: null,
  evidence: null,
  responseEvidence: null,
  gatewayVerdict: null,
};

/**
 * Which of the six causes explains a rejected call, with its evidence. Pure:
 * the CLI, ingest and the API all call it on the facts the trace gave.
 */
export function classifyCall(facts: CallFacts): Verdict {
  const status = facts.response?.status ?? null;
  if (status !== 401 && !(status === null && facts.rejectingLines.length > 0)) return NOT_REJECTED;
  const rejectingLines = [...facts.rejectingLines].sort(compareTraceOrder);
  const body = facts.response?.body ?? null;
  const reading: Reading = { facts, rejectingLines, responseSays: body === null ? null : readResponseVerdict(body) };
  for (const row of CAUSE_TABLE) {
    const finding = find(row.foundBy, reading);
    if (finding !== null) return verdictOf(row.cause, finding, reading);
  }
  throw new Error("unreachable: the table's last row finds any rejection");
}

/** Whether a row of CAUSE_TABLE finds its cause in the call, and why. */
function find(foundBy: FoundBy, r: Reading): Finding | null {
  if (foundBy === "named credential carried with whitespace") return findMalformed(r);
  if (foundBy === "any rejection") return { named: null, evidence: r.facts.response, gatewayVerdict: null, carried: null, traceLine: null };
  if ("responseSays" in foundBy) return r.responseSays?.says === foundBy.responseSays ? fromResponse(r) : null;
  return fromTraceLine(r, foundBy.rejectingLineSays);
}

function fromResponse(r: Reading): Finding {
  return { named: r.responseSays, evidence: r.facts.response, gatewayVerdict: null, carried: null, traceLine: null };
}

function fromTraceLine(r: Reading, says: RejectingLine["says"]): Finding | null {
  const line = r.rejectingLines.find((l) => l.says === says);
  if (line === undefined) return null;
  return { named: line, evidence: line, gatewayVerdict: null, carried: null, traceLine: line };
}

/** The credential the gateway names was carried with whitespace: the line that carried it is the evidence. */
function findMalformed(r: Reading): Finding | null {
  for (const line of r.rejectingLines) {
    const carried = r.facts.credentials.find((c) => c.sighting !== null && hasWhitespaceFlag(c) && isNamedBy(c, line));
    if (carried?.sighting) return { named: line, evidence: carried.sighting, gatewayVerdict: line, carried, traceLine: line };
  }
  const said = r.responseSays;
  if (said === null) return null;
  const carried = r.facts.credentials.find((c) => c.sighting !== null && hasWhitespaceFlag(c) && isNamedBy(c, said));
  if (!carried?.sighting) return null;
  return { named: said, evidence: carried.sighting, gatewayVerdict: r.facts.response, carried, traceLine: null };
}

/** Header names compare as HTTP does, without case; query and cookie names exactly. */
function isNamedBy(carried: { location: CredentialLocation; name: string }, named: Named): boolean {
  if (carried.location !== named.location) return false;
  return named.location === "header" ? carried.name.toLowerCase() === named.name.toLowerCase() : carried.name === named.name;
}

function verdictOf(cause: Cause, finding: Finding, r: Reading): Verdict {
  const { named } = finding;
  const carried = finding.carried ?? (named === null ? undefined : r.facts.credentials.find((c) => isNamedBy(c, named)));
  return {
    rejected: true,
    cause,
    credential: named === null ? null : { element: elementOf(named.label), label: named.label, location: named.location, name: named.name },
    credentialFingerprint: carried?.fingerprint ?? null,
    interceptor: interceptorOf(r, finding.traceLine ?? r.rejectingLines[0] ?? null),
    evidence: evidenceOf(finding.evidence),
    responseEvidence: evidenceOf(r.facts.response),
    gatewayVerdict: evidenceOf(finding.gatewayVerdict),
  };
}

/** The last interceptor named before the decisive rejecting line or, with none, the last one named. */
function interceptorOf(r: Reading, decisive: RejectingLine | null): string | null {
  const mentions = [...r.facts.interceptors].sort(compareTraceOrder);
  const before = decisive === null ? mentions : mentions.filter((m) => compareTraceOrder(m, decisive) <= 0);
  return before.at(-1)?.name ?? null;
}

function evidenceOf(sighting: Sighting | null): Evidence | null {
  return sighting === null ? null : { file: sighting.file, line: sighting.line, text: sighting.text };
}
