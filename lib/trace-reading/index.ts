export { readTraceFile, type ReadOptions, type TraceInput } from "./read-trace-file";
export { TraceReadError } from "./errors";
export { CREDENTIAL_LOCATIONS } from "./events";
export type {
  CallEvent,
  CallEventContent,
  CarriedValue,
  CredentialLocation,
  GatewayEvent,
  RequestFacts,
  ResponseFacts,
  TraceFileSummary,
  TraceFormat,
  TraceMessage,
  TraceSink,
  TraceVerdict,
} from "./events";
