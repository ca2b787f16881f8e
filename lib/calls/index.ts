export type { CallFacts, CallResponse, CarriedCredential, InterceptorMention, RejectingLine, Sighting } from "./facts";
export { classifyCall, type Evidence, type Verdict } from "./classify";
export { emptyCallFacts } from "./facts";
export { CallLinker, type LinkerOptions } from "./linker";
export { mergeCallFacts } from "./merge";
export { compareCalls } from "./order";
export { SeenCalls } from "./seen-calls";
export { summariseCall, type CallSummary } from "./summarise";
export { factsFromStored, storedFacts, type StoredFacts } from "./stored-facts";
