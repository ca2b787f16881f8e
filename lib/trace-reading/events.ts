import type { MaskedCredential } from "../credentials";
import type { CredentialLocation, TraceVerdict } from "../rules";

export type TraceFormat = "text" | "json_lines" | "json_document";

type EventBase = {
  /** Order within the file, unique per file. */
  seq: number;
  /** 1-based line within the decompressed file; null where the format has none (JSON document). */
  line: number | null;
  /** Epoch milliseconds. */
  time: number | null;
  level: string | null;
  /** As shown to people; credentials masked. */
  text: string;
};

/** A timestamped line or record that names no call: kept and counted, never made into a call. */
export type GatewayEvent = EventBase;

export type CarriedValue = MaskedCredential & {
  location: CredentialLocation;
  name: string;
  /** What evidence quotes for this value: the line that carried it, masked. */
  text: string;
};

export const REQUEST_FIELDS = ["method", "uri", "api", "resource", "app", "clientIp", "userAgent"] as const;

export type RequestFacts = {
  method: string | null;
  uri: string | null;
  api: string | null;
  resource: string | null;
  app: string | null;
  clientIp: string | null;
  /** The client's own account of itself (`okhttp/4.12.0`): often what tells which release sends the bad credential. */
  userAgent: string | null;
};

/** A request's facts before any is known: what each reader fills in. */
export const noRequestFacts = (): RequestFacts => ({ method: null, uri: null, api: null, resource: null, app: null, clientIp: null, userAgent: null });

export type ResponseFacts = { status: number | null; body: string | null; durationMs: number | null };

/**
 * What one line or record says about its call. A text line says one of these
 * things; a JSON record may say several at once. Every `text` here is what
 * evidence quotes: the whole line for text traces, the message or body for JSON.
 */
export type CallEventContent = {
  request?: RequestFacts;
  credentials?: CarriedValue[];
  response?: ResponseFacts & { text: string };
  trace?: TraceMessage;
  extraFields?: Record<string, unknown>;
};

/** A trace line of a call, with what the gateway's rules read in it. */
export type TraceMessage = {
  message: string;
  text: string;
  /** The gateway rejecting the call in this line, if it does. */
  verdict: TraceVerdict | null;
  /** The last token-validation interceptor this line names, if any. */
  interceptor: string | null;
};

export type CallEvent = EventBase & {
  file: string;
  callRef: string;
  content: CallEventContent;
};

export type TraceSink = {
  /**
   * True when the sink keeps no text but evidence (rejecting trace lines,
   * responses with status 401 or none, credentials carried with whitespace)
   * and no request details: readers may then leave other events' text empty
   * and skip reading their details, which is most of the work on most lines.
   */
  evidenceOnly?: boolean;
  callEvent(event: CallEvent): void;
  gatewayEvent(event: GatewayEvent): void;
  /** Awaited between input chunks, so a slow sink (a database COPY stream) can push back. */
  drain?(): Promise<void> | void;
};

export type TraceFileSummary = {
  name: string;
  format: TraceFormat;
  gzip: boolean;
  /** Hex SHA-256 of the raw bytes as given (compressed, when gzip). */
  sha256: string;
  /** Hex SHA-256 of the decompressed content: the same as sha256 unless gzip. */
  contentSha256: string;
  /** Raw bytes. */
  byteCount: number;
  /** Lines of the decompressed content. */
  lineCount: number;
  gatewayEventCount: number;
};
