import type { MaskedCredential } from "../credentials";
import type { CredentialLocation } from "../rules";
import type { RequestFacts } from "../trace-reading";
import type { CallFacts } from "./facts";

export type CallSummary = RequestFacts & {
  callRef: string;
  /** The earliest timestamp seen for the call. */
  time: Date | null;
  status: number | null;
  durationMs: number | null;
  responseBody: string | null;
  extraFields: Record<string, unknown>;
  credentials: Array<{ location: CredentialLocation; name: string } & MaskedCredential>;
  traceLineCount: number;
};

export function summariseCall(facts: CallFacts): CallSummary {
  return {
    callRef: facts.callRef,
    time: facts.time === null ? null : new Date(facts.time),
    method: facts.method,
    uri: facts.uri,
    api: facts.api,
    resource: facts.resource,
    app: facts.app,
    clientIp: facts.clientIp,
    userAgent: facts.userAgent,
    status: facts.response?.status ?? null,
    durationMs: facts.response?.durationMs ?? null,
    responseBody: facts.response?.body ?? null,
    extraFields: facts.extraFields,
    credentials: facts.credentials.map(({ sighting: _sighting, ...credential }) => credential),
    traceLineCount: facts.traceLineCount,
  };
}
