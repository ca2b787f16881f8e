import type { MaskedCredential } from "../credentials";
import type { CredentialLocation, RejectingLineSays } from "../rules";
import type { RequestFacts } from "../trace-reading";

/** Where a line is in the trace: what trace order compares (order.ts). */
export type Place = { file: string; seq: number; time: number | null };

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

/** A trace line in which the gateway rejects the call (its place and text inline: one object, not two, per line). */
export type RejectingLine = Sighting & {
  says: RejectingLineSays;
  label: string;
  location: CredentialLocation;
  name: string;
};

export type InterceptorMention = { name: string; file: string; seq: number; time: number | null };

/** The response line; its text is kept only where it can be evidence (status 401 or unknown), else empty. */
export type CallResponse = Sighting & {
  status: number | null;
  body: string | null;
  durationMs: number | null;
  /** Where the status was read, when another response than the quoted one gave it (merge.ts). */
  statusAt?: Place;
  /** Where the duration was read, when another response than the quoted one gave it. */
  durationAt?: Place;
};

/**
 * What the trace says about one call: only the facts needed to classify and
 * summarise it, not every line. Plain JSON: stored per upload and merged with
 * what other uploads knew about the same call (mergeCallFacts).
 */
export type CallFacts = RequestFacts & {
  callRef: string;
  /** Earliest timestamp seen, epoch milliseconds. */
  time: number | null;
  response: CallResponse | null;
  credentials: CarriedCredential[];
  rejectingLines: RejectingLine[];
  interceptors: InterceptorMention[];
  extraFields: Record<string, unknown>;
  traceLineCount: number;
};

// Most calls carry one credential, name one interceptor and have no rejecting
// line or unknown field: they share these empty values instead of holding
// their own (a saving that counts over hundreds of thousands of calls). Lists
// are never changed in place: adding to one gives a new list (see merge.ts).
const NONE: never[] = Object.freeze([]) as never[];
const NO_FIELDS: Record<string, unknown> = Object.freeze({});

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
    userAgent: null,
    response: null,
    credentials: NONE,
    rejectingLines: NONE,
    interceptors: NONE,
    extraFields: NO_FIELDS,
    traceLineCount: 0,
  };
}
