import type { CallFacts, CallResponse, CarriedCredential, InterceptorMention, RejectingLine } from "./facts";
import { REQUEST_FIELDS } from "./facts";
import { compareTraceOrder, samePlace } from "./order";

/**
 * Everything two uploads knew about one call, as one. The result does not
 * depend on the order of the arguments: where both know a different value,
 * a fixed rule picks one.
 */
export function mergeCallFacts(a: CallFacts, b: CallFacts): CallFacts {
  const merged: CallFacts = {
    ...a,
    time: earliest(a.time, b.time),
    response: mergeResponse(a.response, b.response),
    credentials: [...a.credentials],
    rejectingLines: [...a.rejectingLines],
    interceptors: [...a.interceptors],
    extraFields: mergeExtraFields(a.extraFields, b.extraFields),
    traceLineCount: a.traceLineCount + b.traceLineCount,
  };
  for (const field of REQUEST_FIELDS) merged[field] = pickValue(a[field], b[field]);
  for (const credential of b.credentials) addCredential(merged.credentials, credential);
  for (const line of b.rejectingLines) addRejectingLine(merged.rejectingLines, line);
  for (const mention of b.interceptors) addInterceptor(merged.interceptors, mention);
  merged.credentials.sort((x, y) => compareText(credentialKey(x), credentialKey(y)));
  merged.rejectingLines.sort((x, y) => compareTraceOrder(x.sighting, y.sighting));
  merged.interceptors.sort(compareTraceOrder);
  return merged;
}

export function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** The known one; between two different ones, the smaller as text (any fixed rule would do). */
export function pickValue<T>(a: T | null, b: T | null): T | null {
  if (a === null) return b;
  if (b === null || a === b) return a;
  return compareText(JSON.stringify(a), JSON.stringify(b)) <= 0 ? a : b;
}

/** The later response is the call's answer; what it leaves unsaid, the other may know. */
export function mergeResponse(a: CallResponse | null, b: CallResponse | null): CallResponse | null {
  if (a === null) return b;
  if (b === null) return a;
  const [later, earlier] = compareTraceOrder(a.sighting, b.sighting) >= 0 ? [a, b] : [b, a];
  return {
    status: later.status ?? earlier.status,
    body: later.body ?? earlier.body,
    durationMs: later.durationMs ?? earlier.durationMs,
    sighting: later.body !== null || earlier.body === null ? later.sighting : earlier.sighting,
  };
}

export function mergeExtraFields(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...a };
  for (const [name, value] of Object.entries(b)) merged[name] = name in a ? pickValue(a[name], value) : value;
  return merged;
}

export function addCredential(list: CarriedCredential[], credential: CarriedCredential): void {
  const key = credentialKey(credential);
  if (!list.some((known) => credentialKey(known) === key)) list.push(credential);
}

export function addRejectingLine(list: RejectingLine[], line: RejectingLine): void {
  if (!list.some((known) => samePlace(known.sighting, line.sighting))) list.push(line);
}

export function addInterceptor(list: InterceptorMention[], mention: InterceptorMention): void {
  if (!list.some((known) => samePlace(known, mention) && known.name === mention.name)) list.push(mention);
}

/** One entry per value sent under a name; the same token sent twice is one credential. */
function credentialKey(c: CarriedCredential): string {
  const name = c.location === "header" ? c.name.toLowerCase() : c.name;
  return `${c.location}\u0000${name}\u0000${c.fingerprint}\u0000${c.length}\u0000${c.leadingWhitespace}${c.trailingWhitespace}${c.lineBreak}`;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
