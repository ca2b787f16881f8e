import { lastInterceptorNamed, mayMatterToRules, readTraceVerdict } from "../rules";
import type { TraceMessage } from "./events";

/** A call's trace line, read by the gateway's rules as it is read from the file. */
export function traceMessage(message: string, text: string): TraceMessage {
  if (!mayMatterToRules(message)) return { message, text, verdict: null, interceptor: null };
  return { message, text, verdict: readTraceVerdict(message), interceptor: lastInterceptorNamed(message) };
}
