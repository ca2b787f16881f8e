export { classifyCall, type Evidence, type Verdict } from "./classify-call";
export { CAUSE_ORDER, CAUSES, type Cause, type CauseDescription } from "./causes";
export { readTraceVerdict } from "./gateway-messages";
export { lastInterceptorNamed } from "./interceptors";
export { mayMatterToRules } from "./trace-lines";
export { CREDENTIAL_ELEMENTS, type CredentialElement } from "./element";
