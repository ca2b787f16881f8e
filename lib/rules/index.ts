export { classifyCall, type Evidence, type Verdict } from "./classify-call";
export { CAUSE_ORDER, CAUSES, type Cause, type CauseDescription } from "./causes";
export { elementOf, type CredentialElement } from "./element";
export { GATEWAY_MESSAGES, readResponseVerdict, readTraceVerdict, type GatewayFinding, type GatewaySays } from "./gateway-messages";
export { INTERCEPTORS, lastInterceptorNamed, type Interceptor } from "./interceptors";
export { mayMatterToRules } from "./trace-lines";
