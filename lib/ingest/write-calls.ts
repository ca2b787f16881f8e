import type pg from "pg";
import { summariseCall, type CallFacts, type CallSummary } from "../calls";
import { classifyCall, type Evidence, type Verdict } from "../rules";
import { CopyBuffer } from "./copy-buffer";

const CALL_COLUMNS = [
  "call_ref", "time", "method", "uri", "api", "resource", "app", "client_ip", "status", "duration_ms",
  "response_body", "extra_fields", "rejected", "cause", "credential_element", "credential_label",
  "credential_location", "credential_name", "credential_fingerprint", "interceptor", "trace_line_count", "updated_at",
] as const;
const EVIDENCE_COLUMNS = ["call_ref", "role", "file", "line", "text"] as const;
const CREDENTIAL_COLUMNS = [
  "call_ref", "location", "name", "fingerprint", "preview", "length", "leading_whitespace", "trailing_whitespace", "line_break",
] as const;

const STAGE = `
  CREATE TEMP TABLE incoming_calls (LIKE calls INCLUDING DEFAULTS) ON COMMIT DROP;
  CREATE TEMP TABLE incoming_evidence (LIKE evidence) ON COMMIT DROP;
  CREATE TEMP TABLE incoming_credentials (LIKE carried_credentials) ON COMMIT DROP;`;

const UPSERT_CALLS = `
  INSERT INTO calls SELECT * FROM incoming_calls
  ON CONFLICT (call_ref) DO UPDATE SET ${CALL_COLUMNS.filter((c) => c !== "call_ref")
    .map((column) => `"${column}" = EXCLUDED."${column}"`)
    .join(", ")}`;

// By call reference, through the tables' primary keys: a join with the
// staging table (which has no statistics) was planned as a scan of every
// stored row, once per batch.
const FORGET_DETAILS = [
  `DELETE FROM evidence WHERE call_ref = ANY($1::text[])`,
  `DELETE FROM carried_credentials WHERE call_ref = ANY($1::text[])`,
];

const MOVE_DETAILS = `
  INSERT INTO evidence SELECT * FROM incoming_evidence;
  INSERT INTO carried_credentials
    SELECT DISTINCT ON (call_ref, location, name, fingerprint) * FROM incoming_credentials;
  DROP TABLE incoming_calls, incoming_evidence, incoming_credentials;`;

/**
 * Classifies each call on everything known about it and writes the call row,
 * its evidence and its carried credentials (masked), replacing what was
 * there for the calls in `stored` (the others are new: nothing to replace).
 * Set-based: rows are staged with COPY, then moved in a few statements.
 */
export async function writeCalls(client: pg.PoolClient, calls: Iterable<CallFacts>, stored: readonly string[]): Promise<void> {
  await client.query(STAGE);
  const callRows = new CopyBuffer("incoming_calls", CALL_COLUMNS);
  const evidenceRows = new CopyBuffer("incoming_evidence", EVIDENCE_COLUMNS);
  const credentialRows = new CopyBuffer("incoming_credentials", CREDENTIAL_COLUMNS);
  const now = new Date();
  for (const facts of calls) {
    const verdict = classifyCall(facts);
    const call = summariseCall(facts);
    callRows.push(callRow(call, verdict, now));
    for (const [role, evidence] of evidenceOf(verdict)) {
      evidenceRows.push([facts.callRef, role, evidence.file, evidence.line, evidence.text]);
    }
    for (const credential of call.credentials) {
      credentialRows.push([
        facts.callRef, credential.location, credential.name, credential.fingerprint, credential.preview,
        credential.length, credential.leadingWhitespace, credential.trailingWhitespace, credential.lineBreak,
      ]);
    }
    for (const buffer of [callRows, evidenceRows, credentialRows]) if (buffer.full) await buffer.flush(client);
  }
  for (const buffer of [callRows, evidenceRows, credentialRows]) await buffer.flush(client);
  await client.query(UPSERT_CALLS);
  if (stored.length > 0) for (const statement of FORGET_DETAILS) await client.query(statement, [stored]);
  await client.query(MOVE_DETAILS);
}

function callRow(call: CallSummary, verdict: Verdict, now: Date): unknown[] {
  const credential = verdict.credential;
  return [
    call.callRef, call.time, call.method, call.uri, call.api, call.resource, call.app, call.clientIp, call.status,
    call.durationMs, call.responseBody, call.extraFields, verdict.rejected, verdict.cause, credential?.element,
    credential?.label, credential?.location, credential?.name, verdict.credentialFingerprint, verdict.interceptor,
    call.traceLineCount, now,
  ];
}

function evidenceOf(verdict: Verdict): Array<[string, Evidence]> {
  const roles: Array<[string, Evidence | null]> = [
    ["decisive", verdict.evidence],
    ["response", verdict.responseEvidence],
    ["gateway_verdict", verdict.gatewayVerdict],
  ];
  return roles.filter((entry): entry is [string, Evidence] => entry[1] !== null);
}
