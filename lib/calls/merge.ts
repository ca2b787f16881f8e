import type { CallFacts, CallResponse, CarriedCredential, InterceptorMention, Place, RejectingLine, Sighting } from "./facts";
import { REQUEST_FIELDS } from "../trace-reading";
import { compareTraceOrder, samePlace } from "./order";

/**
 * Everything two parts of a call's trace knew about it (segments, files,
 * uploads), as one. The result depends neither on the order of the arguments
 * nor on how the parts are grouped: where both know a different value, a
 * fixed rule picks one.
 */
export function mergeCallFacts(a: CallFacts, b: CallFacts): CallFacts {
  const rejectingLines = [...b.rejectingLines.reduce(withRejectingLine, a.rejectingLines)].sort(
    (x, y) => compareTraceOrder(x, y) || compareText(JSON.stringify(x), JSON.stringify(y)),
  );
  const credentials = new OwnedCredentials(a.credentials);
  for (const credential of b.credentials) credentials.add(credential);
  const merged: CallFacts = {
    ...a,
    time: earliest(a.time, b.time),
    response: mergeResponse(a.response, b.response),
    credentials: credentials.list,
    rejectingLines,
    // Every mention is kept: collapsing a run of the same interceptor here
    // would depend on what each side holds (a mention from a third file may
    // fall inside the run), and a call's facts are merged in many groupings.
    interceptors: [...b.interceptors.reduce(withMention, a.interceptors)].sort((x, y) => compareTraceOrder(x, y) || compareText(x.name, y.name)),
    extraFields: mergeExtraFields(a.extraFields, b.extraFields),
    traceLineCount: a.traceLineCount + b.traceLineCount,
  };
  for (const field of REQUEST_FIELDS) merged[field] = pickValue(a[field], b[field]);
  merged.credentials.sort((x, y) => compareText(credentialKey(x), credentialKey(y)));
  return merged;
}

function earliest(a: number | null, b: number | null): number | null {
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

/**
 * The latest response is the call's answer; what it leaves unsaid, an earlier
 * one may know. Each value is taken from the latest response that gave it,
 * judged by where that value was read (kept in statusAt and durationAt when
 * that is not the quoted line), so the result does not depend on how a
 * call's responses were grouped into batches, files and uploads.
 */
export function mergeResponse(a: CallResponse | null, b: CallResponse | null): CallResponse | null {
  if (a === null) return b;
  if (b === null) return a;
  // The line quoted as evidence: the latest that logged a body, else the latest.
  const quoted = (Number(a.body !== null) - Number(b.body !== null) || compareTraceOrder(a, b) || compareText(JSON.stringify(a), JSON.stringify(b))) >= 0 ? a : b;
  const status = latestValue(a, b, (response) => response.status, (response) => response.statusAt);
  const duration = latestValue(a, b, (response) => response.durationMs, (response) => response.durationAt);
  const merged: CallResponse = {
    file: quoted.file,
    line: quoted.line,
    seq: quoted.seq,
    time: quoted.time,
    text: quoted.text,
    status: status.value,
    body: quoted.body,
    durationMs: duration.value,
  };
  if (status.at !== null && !samePlace(status.at, quoted)) merged.statusAt = status.at;
  if (duration.at !== null && !samePlace(duration.at, quoted)) merged.durationAt = duration.at;
  return merged;
}

/** Of two responses' values, the one read latest, and where it was read. */
function latestValue<T>(
  a: CallResponse,
  b: CallResponse,
  valueOf: (response: CallResponse) => T | null,
  placeOf: (response: CallResponse) => Place | undefined,
): { value: T | null; at: Place | null } {
  const read = (response: CallResponse) => {
    const { file, seq, time } = placeOf(response) ?? response;
    return { value: valueOf(response), at: { file, seq, time } };
  };
  const [x, y] = [read(a), read(b)];
  if (x.value === null) return y.value === null ? { value: null, at: null } : y;
  if (y.value === null) return x;
  return (compareTraceOrder(x.at, y.at) || compareText(JSON.stringify(x.value), JSON.stringify(y.value))) >= 0 ? x : y;
}

export function mergeExtraFields(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const merged = new Map(Object.entries(a));
  for (const [name, value] of Object.entries(b)) merged.set(name, merged.has(name) ? pickValue(merged.get(name), value) : value);
  // Defined, not assigned, and only own fields compared: a record may name a
  // field "constructor" or "__proto__" like any other.
  return Object.fromEntries(merged);
}

/**
 * One entry per credential; of two sightings of the same value, the earlier in
 * trace order is kept, so the result does not depend on which side had which.
 */
export function withCredential(list: CarriedCredential[], credential: CarriedCredential): CarriedCredential[] {
  const key = credentialKey(credential);
  const index = list.findIndex((known) => credentialKey(known) === key);
  if (index < 0) return withItem(list, credential);
  return seenEarlier(credential.sighting, list[index]?.sighting ?? null) ? list.with(index, credential) : list;
}

/**
 * withCredential for a list its holder owns and adds to one credential at a
 * time (the linker's open call): in place, with each credential's place kept
 * by key. A call that carries thousands of values (a header with a new value
 * on every line) then costs each a lookup, not a walk over and a copy of
 * every one before it.
 */
export class OwnedCredentials {
  readonly list: CarriedCredential[];
  private readonly places = new Map<string, number>();

  constructor(from: readonly CarriedCredential[]) {
    this.list = [...from];
    this.list.forEach((credential, place) => this.places.set(credentialKey(credential), place));
  }

  add(credential: CarriedCredential): void {
    const key = credentialKey(credential);
    const place = this.places.get(key);
    if (place === undefined) {
      this.places.set(key, this.list.length);
      this.list.push(credential);
    } else if (seenEarlier(credential.sighting, this.list[place]?.sighting ?? null)) this.list[place] = credential;
  }
}

function seenEarlier(a: Sighting | null, b: Sighting | null): boolean {
  if (a === null || b === null) return a !== null;
  return (compareTraceOrder(a, b) || compareText(a.text, b.text)) < 0;
}

export function withRejectingLine(list: RejectingLine[], line: RejectingLine): RejectingLine[] {
  const seen = (known: RejectingLine) => samePlace(known, line) && known.line === line.line && known.text === line.text && known.says === line.says;
  return list.some(seen) ? list : withItem(list, line);
}

/** The same line read twice (the same file given again) is one mention. */
export function withMention(list: InterceptorMention[], mention: InterceptorMention): InterceptorMention[] {
  return isKnownMention(list, mention) ? list : withItem(list, mention);
}

function isKnownMention(list: InterceptorMention[], mention: InterceptorMention): boolean {
  return list.some((known) => samePlace(known, mention) && known.name === mention.name);
}

/**
 * A new list, exactly one longer: pushing (or spreading) would leave most
 * calls' short lists with room for 17 items. It never touches the shared empty list.
 */
function withItem<T>(list: T[], item: T): T[] {
  return list.concat([item]);
}

/** One entry per value sent under a name; the same token sent twice is one credential. */
function credentialKey(c: CarriedCredential): string {
  const name = c.location === "header" ? c.name.toLowerCase() : c.name;
  return `${c.location}\u0000${name}\u0000${c.fingerprint}\u0000${c.length}\u0000${c.leadingWhitespace}${c.trailingWhitespace}${c.lineBreak}`;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
