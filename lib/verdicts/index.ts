export { classifyTraceFiles, VERDICT_LIMITS, type ClassifyOptions, type TraceOpener, type VerdictLimits, type VerdictWriter } from "./classify-files";
export { verdictRow } from "./verdict-line";
