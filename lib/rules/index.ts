export {
  CAUSE_ORDER,
  CAUSE_TABLE,
  CAUSES,
  isCause,
  remedyFor,
  type Cause,
  type CauseDescription,
  type FoundBy,
  type RejectingLineSays,
  type ResponseSays,
} from "./causes";
export { readResponseVerdict, readTraceVerdict, REJECTING_LINE_SAYS, verdictDespiteWhitespace, type ResponseVerdict, type TraceVerdict } from "./gateway-messages";
export { INTERCEPTORS, interceptorSpelled, lastInterceptorNamed } from "./interceptors";
export type { RemedyNames } from "./remedy-words";
export { mayMatterToRules } from "./trace-lines";
export {
  CREDENTIAL_ELEMENTS,
  CREDENTIAL_LOCATIONS,
  elementOf,
  squeezedName,
  type CredentialElement,
  type CredentialLocation,
} from "./credential-terms";
