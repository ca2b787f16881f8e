import type { MaskedCredential } from "../credentials";
import type { CredentialLocation } from "../trace-reading";

/** Where something was read, and its text (credentials masked): what evidence quotes. */
export type Sighting = {
  file: string;
  /** 1-based, within the decompressed file; null in a JSON document. */
  line: number | null;
  /** Order within its file. */
  seq: number;
  time: number | null;
  text: string;
};

export type CarriedCredential = MaskedCredential & {
  location: CredentialLocation;
  name: string;
  /** Kept only when the value carried whitespace: then its line is the evidence of a malformed credential. */
  sighting: Sighting | null;
};

/** A trace line in which the gateway rejects the call. */
export type RejectingLine = {
  says: "not_found" | "no_access";
  label: string;
  location: CredentialLocation;
  name: string;
  sighting: Sighting;
};

export type InterceptorMention = { name: string; file: string; seq: number; time: number | null };

export type CallResponse = { status: number | null; body: string | null; durationMs: number | null; sighting: Sighting };

/**
 * What the trace says about one call: only the facts needed to classify and
 * summarise it, not every line. Plain JSON: stored per upload and merged with
 * what other uploads knew about the same call (mergeCallFacts).
 */
export type CallFacts = {
  callRef: string;
  /** Earliest timestamp seen, epoch milliseconds. */
  time: number | null;
  method: string | null;
  uri: string | null;
  api: string | null;
  resource: string | null;
  app: string | null;
  clientIp: string | null;
  response: CallResponse | null;
  credentials: CarriedCredential[];
  rejectingLines: RejectingLine[];
  interceptors: InterceptorMention[];
  extraFields: Record<string, unknown>;
  traceLineCount: number;
};

export const REQUEST_FIELDS = ["method", "uri", "api", "resource", "app", "clientIp"] as const;

export function emptyCallFacts(callRef: string): CallFacts {
  return {
    callRef,
    time: null,
    method: null,
    uri: null,
    api: null,
    resource: null,
    app: null,
    clientIp: null,
    response: null,
    credentials: [],
    rejectingLines: [],
    interceptors: [],
    extraFields: {},
    traceLineCount: 0,
  };
}
