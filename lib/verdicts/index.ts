export { classifyTraceFiles, VERDICT_LIMITS, type TraceOpener, type VerdictLimits } from "./classify-files";
export { verdictRow } from "./verdict-line";
