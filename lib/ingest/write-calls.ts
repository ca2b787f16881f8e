import type pg from "pg";
import { classifyCall, summariseCall, type CallFacts, type CallSummary, type Evidence, type Verdict } from "../calls";
import type { Cause } from "../rules";
import { CopyBuffer, copyRows } from "./copy-buffer";
import { copyRow } from "./copy-format";

const CALL_COLUMNS = [
  "call_ref", "time", "method", "uri", "api", "resource", "app", "client_ip", "user_agent", "status", "duration_ms",
  "response_body", "extra_fields", "rejected", "cause", "credential_element", "credential_label",
  "credential_location", "credential_name", "credential_fingerprint", "interceptor", "trace_line_count", "updated_at",
] as const;
const EVIDENCE_COLUMNS = ["call_ref", "role", "file", "line", "text"] as const;
const CREDENTIAL_COLUMNS = [
  "call_ref", "location", "name", "fingerprint", "preview", "length", "leading_whitespace", "trailing_whitespace", "line_break",
] as const;

/** Where a batch's rows go: straight into the tables, or into staging tables to replace stored rows. */
type CallTables = { calls: string; evidence: string; credentials: string };

const STORED_TABLES: CallTables = { calls: "calls", evidence: "evidence", credentials: "carried_credentials" };
const STAGING_TABLES: CallTables = { calls: "incoming_calls", evidence: "incoming_evidence", credentials: "incoming_credentials" };

const STAGE = `
  CREATE TEMP TABLE incoming_calls (LIKE calls INCLUDING DEFAULTS) ON COMMIT DROP;
  CREATE TEMP TABLE incoming_evidence (LIKE evidence) ON COMMIT DROP;
  CREATE TEMP TABLE incoming_credentials (LIKE carried_credentials) ON COMMIT DROP;`;

const UPSERT_CALLS = `
  INSERT INTO calls SELECT * FROM incoming_calls
  ON CONFLICT (call_ref) DO UPDATE SET ${CALL_COLUMNS.filter((c) => c !== "call_ref")
    .map((column) => `"${column}" = EXCLUDED."${column}"`)
    .join(", ")}`;

/**
 * Deletes these calls' evidence and carried credentials (which have no
 * foreign key to their call). By call reference, through the tables' primary
 * keys: a join with the staging table (which has no statistics) was planned
 * as a scan of every stored row, once per batch.
 */
export async function forgetDetails(client: pg.PoolClient, callRefs: readonly string[]): Promise<void> {
  for (const table of [STORED_TABLES.evidence, STORED_TABLES.credentials]) {
    await client.query(`DELETE FROM ${table} WHERE call_ref = ANY($1::text[])`, [callRefs]);
  }
}

const MOVE_DETAILS = `
  INSERT INTO evidence SELECT * FROM incoming_evidence;
  INSERT INTO carried_credentials SELECT * FROM incoming_credentials;
  DROP TABLE incoming_calls, incoming_evidence, incoming_credentials;`;

/**
 * Classifies each call on everything known about it and writes the call row,
 * its evidence and its carried credentials (masked), replacing what was
 * there for the calls in `stored`. Rows of calls never stored before (most
 * of them) stream straight into `calls` as they are classified; their
 * details follow. The others are staged with COPY and moved over the old
 * rows in a few set-based statements. Answers each call's cause.
 */
export async function writeCalls(client: pg.PoolClient, calls: Iterable<CallFacts>, stored: readonly string[]): Promise<Map<string, Cause | null>> {
  const replacing = new Set(stored);
  const fresh = new CallDetails(STORED_TABLES);
  // Only the facts of restated calls wait for the fresh COPY to end (they are
  // held anyway); their rows are made afterwards and sent a few MB at a time,
  // so a delete-upload re-classifying millions of calls holds no more than that.
  const restating: CallFacts[] = [];
  const causes = new Map<string, Cause | null>();
  const now = new Date();
  function* freshCallRows(): Generator<string> {
    for (const facts of calls) {
      if (replacing.has(facts.callRef)) {
        restating.push(facts);
        continue;
      }
      const { cause, row } = fresh.classifyAndBuffer(facts, now);
      causes.set(facts.callRef, cause);
      yield row;
    }
  }
  await copyRows(client, STORED_TABLES.calls, CALL_COLUMNS, freshCallRows());
  await fresh.flush(client);
  if (replacing.size === 0) return causes;
  await client.query(STAGE);
  const restated = new CallDetails(STAGING_TABLES);
  const restatedCalls = new CopyBuffer(STAGING_TABLES.calls, CALL_COLUMNS);
  for (const facts of restating) {
    const { cause, row } = restated.classifyAndBuffer(facts, now);
    causes.set(facts.callRef, cause);
    restatedCalls.pushRow(row);
    if (restatedCalls.full || restated.full) {
      await restatedCalls.flush(client);
      await restated.flush(client);
    }
  }
  await restatedCalls.flush(client);
  await restated.flush(client);
  await client.query(UPSERT_CALLS);
  await forgetDetails(client, stored);
  await client.query(MOVE_DETAILS);
  return causes;
}

/**
 * Calls' evidence and credentials, buffered for COPY into one set of tables
 * while their call rows go ahead (no foreign keys: details need not follow
 * their call).
 */
class CallDetails {
  private readonly evidence: CopyBuffer;
  private readonly credentials: CopyBuffer;

  constructor(tables: CallTables) {
    this.evidence = new CopyBuffer(tables.evidence, EVIDENCE_COLUMNS);
    this.credentials = new CopyBuffer(tables.credentials, CREDENTIAL_COLUMNS);
  }

  /** Classifies the call and buffers its details; answers its cause and its call row, for the caller to send. */
  classifyAndBuffer(facts: CallFacts, now: Date): { cause: Cause | null; row: string } {
    const verdict = classifyCall(facts);
    const call = summariseCall(facts);
    for (const [role, evidence] of evidenceOf(verdict)) {
      this.evidence.push([facts.callRef, role, evidence.file, evidence.line, evidence.text]);
    }
    for (const credential of distinctCredentials(call)) {
      this.credentials.push([
        facts.callRef, credential.location, credential.name, credential.fingerprint, credential.preview,
        credential.length, credential.leadingWhitespace, credential.trailingWhitespace, credential.lineBreak,
      ]);
    }
    return { cause: verdict.cause, row: copyRow(callRow(call, verdict, now)) };
  }

  get full(): boolean {
    return this.evidence.full || this.credentials.full;
  }

  async flush(client: pg.PoolClient): Promise<void> {
    await this.evidence.flush(client);
    await this.credentials.flush(client);
  }
}

function callRow(call: CallSummary, verdict: Verdict, now: Date): unknown[] {
  const credential = verdict.credential;
  return [
    call.callRef, call.time, call.method, call.uri, call.api, call.resource, call.app, call.clientIp, call.userAgent, call.status,
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

/** One row per primary key of carried_credentials: a value sent twice in the same place is one credential. */
function distinctCredentials(call: CallSummary): CallSummary["credentials"] {
  const seen = new Set<string>();
  return call.credentials.filter((credential) => {
    const key = `${credential.location}\n${credential.name}\n${credential.fingerprint}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
