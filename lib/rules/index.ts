export { CAUSE_ORDER, CAUSE_TABLE, CAUSES, type Cause, type CauseDescription, type FoundBy } from "./causes";
export { readResponseVerdict, readTraceVerdict, type ResponseVerdict, type TraceVerdict } from "./gateway-messages";
export { lastInterceptorNamed } from "./interceptors";
export { mayMatterToRules } from "./trace-lines";
export {
  CREDENTIAL_ELEMENTS,
  CREDENTIAL_LOCATIONS,
  elementOf,
  type CredentialElement,
  type CredentialLocation,
} from "./credential-terms";
