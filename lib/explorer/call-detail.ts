import { z } from "zod";
import { sentElsewhere, type MaskedCredential } from "../credentials";
import type { Database } from "../database";
import { CAUSES, remedyFor, verdictDespiteWhitespace, type Cause, type CauseDescription, type CredentialElement, type CredentialLocation } from "../rules";
import type { RequestFacts } from "../trace-reading";
import { readCredentialHistory } from "./credential-history";
import { readEventsNearCall, type EventNearCall } from "./events-near-call";
import { readSameCauseAround, type SameCauseAround } from "./same-cause-around";
import type { CredentialHistory } from "./credential-lookup-answer";
import { mergeOverlappingLines, type MergedTraceLine, type StoredTraceLine } from "./overlapping-lines";
import { comparableText } from "./stored-text";

/** A line of the call's trace, listed once however many files held it (alsoIn names the others). */
export type TraceLineView = MergedTraceLine;
export type EvidenceView = { file: string; line: number | null; text: string };
/**
 * A call's evidence lines by role: the decisive one, the response, and the
 * gateway's own verdict (the trace's marks), with what that verdict still
 * means beside the whitespace that decided the cause.
 */
export type CallEvidence = {
  decisive: EvidenceView | null;
  response: EvidenceView | null;
  gatewayVerdict: (EvidenceView & { means: string | null }) | null;
};
export type CarriedCredentialView = MaskedCredential & { location: CredentialLocation; name: string };

export type CallDetail = RequestFacts & {
  callId: string;
  time: string | null;
  status: number | null;
  durationMs: number | null;
  responseBody: string | null;
  extraFields: Record<string, unknown>;
  rejected: boolean;
  cause: Cause | null;
  /** Plain-language title, explanation and what to do, for the cause. */
  explanation: CauseDescription | null;
  credential: { element: CredentialElement; label: string | null; location: CredentialLocation; name: string; fingerprint: string | null } | null;
  /** How the gateway treated the refused credential across the stored calls: when it was accepted, when refused. */
  refusedHistory: CredentialHistory | null;
  /** The gateway's warnings and errors logged around a rejected call, nearest first. */
  gatewayTrouble: EventNearCall[];
  /** The rejections for the call's cause in the minutes around it, and how they spread over callers; null unless a rejection with a time. */
  sameCauseAround: SameCauseAround | null;
  interceptor: string | null;
  evidence: CallEvidence;
  credentials: CarriedCredentialView[];
  /** Beside a missing credential: what the call carried that is most likely it, sent under another name or in another place. */
  sentElsewhere: CarriedCredentialView[];
  trace: TraceLineView[];
  uploads: Array<{ id: string; name: string }>;
};

/** One call with its whole trace (credentials masked) and its evidence; null when unknown. */
export async function readCall(db: Database, callId: string): Promise<CallDetail | null> {
  // No stored call holds a NUL: PostgreSQL refuses one in text, and would fail the query.
  if (!comparableText.safeParse(callId).success) return null;
  const call = await db.call.findUnique({ where: { callRef: callId } });
  if (!call) return null;
  // Not relations: evidence and credentials carry the call reference without
  // a foreign key (checking one cost the ingest half of their COPY).
  const [evidence, credentials, trace, uploads, refusedHistory, gatewayTrouble, sameCauseAround] = await Promise.all([
    db.evidence.findMany({ where: { callRef: callId } }),
    db.carriedCredential.findMany({ where: { callRef: callId }, orderBy: [{ location: "asc" }, { name: "asc" }] }),
    readTrace(db, callId),
    readUploads(db, callId),
    call.credentialFingerprint === null ? null : readCredentialHistory(db, call.credentialFingerprint),
    call.rejected && call.time !== null ? readEventsNearCall(db, call.time) : [],
    call.cause !== null && call.time !== null ? readSameCauseAround(db, call.cause, call.time) : null,
  ]);
  const credential =
    call.credentialElement && call.credentialLocation && call.credentialName !== null
      ? { element: call.credentialElement, label: call.credentialLabel, location: call.credentialLocation, name: call.credentialName, fingerprint: call.credentialFingerprint }
      : null;
  const carried = credentials.map(({ callRef: _callRef, ...credential }) => credential);
  const evidenceBy = (role: "decisive" | "response" | "gateway_verdict") => {
    const found = evidence.find((line) => line.role === role);
    return found ? { file: found.file, line: found.line, text: found.text } : null;
  };
  return {
    callId: call.callRef,
    time: call.time?.toISOString() ?? null,
    method: call.method,
    uri: call.uri,
    api: call.api,
    resource: call.resource,
    app: call.app,
    clientIp: call.clientIp,
    userAgent: call.userAgent,
    status: call.status,
    durationMs: call.durationMs,
    responseBody: call.responseBody,
    // Checked, not copied: zod's record would drop a field named "__proto__".
    extraFields: z.custom<Record<string, unknown>>((value) => typeof value === "object" && value !== null && !Array.isArray(value)).parse(call.extraFields),
    rejected: call.rejected,
    cause: call.cause,
    explanation: call.cause ? { ...CAUSES[call.cause], remedy: remedyFor(call.cause, { credential, app: call.app, api: call.api }) } : null,
    credential,
    refusedHistory,
    gatewayTrouble,
    sameCauseAround,
    interceptor: call.interceptor,
    evidence: { decisive: evidenceBy("decisive"), response: evidenceBy("response"), gatewayVerdict: withMeaning(evidenceBy("gateway_verdict")) },
    credentials: carried,
    sentElsewhere: call.cause === "missing_credential" && credential ? sentElsewhere(credential, carried) : [],
    trace,
    uploads,
  };
}

const withMeaning = (verdict: EvidenceView | null) => verdict && { ...verdict, means: verdictDespiteWhitespace(verdict.text) };

/**
 * The call's lines in trace order, as compareTraceOrder (lib/calls/order.ts)
 * has it, which the classifier follows too (files of one name told apart by
 * id); a line held by several files once.
 */
async function readTrace(db: Database, callId: string): Promise<TraceLineView[]> {
  const rows = await db.$queryRaw<Array<Omit<StoredTraceLine, "time"> & { time: Date | null }>>`
    SELECT f.id AS "fileId", f.name AS file, t.line, t.time, t.level, t.text
      FROM trace_segments s JOIN upload_files f ON f.id = s.file_id,
           unnest(s.seqs, s.lines, s.times, s.levels, s.texts) AS t(seq, line, time, level, text)
     WHERE s.call_ref = ${callId}
     ORDER BY t.time ASC NULLS FIRST, f.name COLLATE "C", f.id, t.seq`;
  return mergeOverlappingLines(rows.map((row) => ({ ...row, time: row.time?.toISOString() ?? null })));
}

/** The uploads that brought lines of the call, oldest first. */
async function readUploads(db: Database, callId: string): Promise<Array<{ id: string; name: string }>> {
  return db.$queryRaw<Array<{ id: string; name: string }>>`
    SELECT u.id, u.name FROM uploads u
     WHERE EXISTS (SELECT 1 FROM trace_segments s JOIN upload_files f ON f.id = s.file_id WHERE s.call_ref = ${callId} AND f.upload_id = u.id)
     ORDER BY u.created_at, u.id`;
}
