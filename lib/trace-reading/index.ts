export { readTraceFile, rememberCarriedValues, type CarriedValueMemory, type ReadOptions, type TraceInput } from "./read-trace-file";
export { NoTraceRecordsError, TraceReadError } from "./errors";
export type { CarriedValueListener } from "./scrubber";
export { REQUEST_FIELDS } from "./events";
export { CarriedValues, replaceEach } from "./carried-values";
export { fieldsObject } from "./json/fields";
export type {
  CallEvent,
  CallEventContent,
  CarriedValue,
  GatewayEvent,
  RequestFacts,
  ResponseFacts,
  TraceFileSummary,
  TraceFormat,
  TraceMessage,
  TraceSink,
} from "./events";
export { copiedFromLine, parseRecordTimestamp } from "./timestamps";
