import { carriesNoCredential, displayMasked, maskedInPlace, SECRET_NAME, type MaskedCredential } from "../../credentials";
import { noRequestFacts, REQUEST_FIELDS, type CallEventContent, type CarriedValue, type RequestFacts, type TraceSink } from "../events";
import type { CredentialLocation } from "../../rules";
import { NO_CALL, scrubDeep, type CredentialScrubber } from "../scrubber";
import { maskUriQuery, type QueryCredential } from "../uri";
import { traceMessage } from "../trace-message";
import { FIELD_SCHEMAS, fieldOf, isRecord, type FieldValues, type RecordField } from "./fields";

export type RecordPlace = { file: string; line: number | null; nextSeq: () => number };

const CARRIED_FIELDS = { headers: "header", query: "query", cookies: "cookie" } as const;
const REQUEST_SUBFIELDS = new Set<RecordField>(["method", "uri", "userAgent", "headers", "query", "cookies", "authorization"]);
const RESPONSE_SUBFIELDS = new Set<RecordField>(["status", "body", "durationMs"]);

/**
 * One JSON record (a call record, a trace event, or both) into events: one
 * for the record, one for each entry of its nested trace. Returns how many
 * gateway events (records naming no call) it produced.
 */
export function emitRecord(
  record: Record<string, unknown>,
  place: RecordPlace,
  sink: TraceSink,
  scrubber: CredentialScrubber,
): number {
  maskSecretFields(record, (raw) => scrubber.mask(raw).preview, "record");
  const { values, extra } = sortFields(record);
  const callRef = values.callRef?.trim() ?? null;
  const key = callRef ?? NO_CALL;
  const { credentials, shownInRecord } = carriedValues(values, key, scrubber);
  // Each query value is remembered decoded and as written (`%2B`): the record may repeat the URI as it came.
  const maskUri = (uri: string, inUri?: QueryCredential[]) => maskUriQuery(uri, scrubber.queryValueMasker(key), inUri);
  // Before any text is made: the query values become known to the scrubber too.
  if (values.uri !== undefined) {
    const inUri: QueryCredential[] = [];
    values.uri = maskUri(values.uri, inUri);
    for (const { name, raw, masked } of inUri) credentials.push(carriedValue("query", name, raw, masked));
  }
  const scrubText = (text: string) => scrubber.scrub(key, text);
  // A URI anywhere in the record (`path` beside `url`, one in an unknown field) has its query masked, not only scrubbed.
  const scrub: Scrub = { text: scrubText, uri: (uri) => scrubText(maskUri(uri)) };
  const time = values.time ?? null;
  const base = { seq: place.nextSeq(), line: place.line, time, level: values.level ?? null };
  const text = JSON.stringify(maskRecord(record, shownInRecord, scrub));
  if (callRef === null) {
    scrubber.forget(NO_CALL);
    sink.gatewayEvent({ ...base, text });
    return 1;
  }
  const content = recordContent(values, credentials, scrubExtra(extra, scrub), scrubText);
  sink.callEvent({ ...base, text, file: place.file, callRef, content });
  for (const entry of values.trace ?? []) {
    const nested = readTraceEntry(entry, scrubText);
    const event = { seq: place.nextSeq(), line: place.line, time: nested.time ?? time, level: nested.level };
    sink.callEvent({ ...event, text: nested.message, file: place.file, callRef, content: { trace: traceMessage(nested.message, nested.message) } });
  }
  return 0;
}

function sortFields(record: Record<string, unknown>): { values: FieldValues; extra: Record<string, unknown> } {
  const values: FieldValues = {};
  const extra = new Map<string, unknown>();
  assignFields(record, values, extra, "", () => true);
  if (values.request !== undefined) assignFields(values.request, values, extra, "request.", (f) => REQUEST_SUBFIELDS.has(f));
  if (values.response !== undefined) assignFields(values.response, values, extra, "response.", (f) => RESPONSE_SUBFIELDS.has(f));
  // Defined, not assigned: a record's field named "__proto__" stays a field.
  return { values, extra: Object.fromEntries(extra) };
}

function assignFields(
  source: Record<string, unknown>,
  values: FieldValues,
  extra: Map<string, unknown>,
  prefix: string,
  allowed: (field: RecordField) => boolean,
): void {
  for (const [name, value] of Object.entries(source)) {
    const field = fieldOf(name);
    if (field === "authorization" && allowed(field)) {
      addCarried(values, "headers", { [name]: value });
      continue;
    }
    const parsed = field !== undefined && allowed(field) && values[field] === undefined ? FIELD_SCHEMAS[field].safeParse(value) : null;
    if (field !== undefined && parsed?.success === true) (values as Record<string, unknown>)[field] = parsed.data;
    else if (field !== undefined && field in CARRIED_FIELDS && allowed(field)) addCarried(values, field as keyof typeof CARRIED_FIELDS, value);
    else extra.set(prefix + name, value);
  }
}

/** A second headers object (`requestHeaders` beside `request.headers`) still holds credentials: merge it. */
function addCarried(values: FieldValues, field: keyof typeof CARRIED_FIELDS, value: unknown): void {
  const parsed = FIELD_SCHEMAS[field].safeParse(value);
  values[field] = { ...values[field], ...(parsed.success ? parsed.data : { [field]: typeof value === "string" ? value : JSON.stringify(value) }) };
}

/** The values the record carries, and what stands in the record in place of each (by `location NUL name`). */
function carriedValues(values: FieldValues, callKey: string, scrubber: CredentialScrubber): { credentials: CarriedValue[]; shownInRecord: Map<string, string> } {
  const credentials: CarriedValue[] = [];
  const shownInRecord = new Map<string, string>();
  for (const [field, location] of Object.entries(CARRIED_FIELDS) as Array<[keyof typeof CARRIED_FIELDS, CredentialLocation]>) {
    for (const [name, raw] of Object.entries(values[field] ?? {})) {
      // Shown as written, scrubbed as any other text of the record (maskRecord).
      if (carriesNoCredential(location, name)) continue;
      // A value given as JSON (`["Bearer …"]`) is carried as its JSON text; the record may repeat each string in it alone.
      for (const inner of stringsInJson(raw)) scrubber.remember(callKey, inner);
      const masked = scrubber.carried(callKey, raw);
      credentials.push(carriedValue(location, name, raw, masked));
      shownInRecord.set(`${location}\u0000${name}`, maskedInPlace(raw, masked));
    }
  }
  return { credentials, shownInRecord };
}

/** What a record carries under a name: quoted as the line a text trace would write for it. */
function carriedValue(location: CredentialLocation, name: string, raw: string, masked: MaskedCredential): CarriedValue {
  return { location, name, ...masked, text: `Request ${location} ${name}: ${displayMasked(raw, masked, true)}` };
}

function recordContent(
  values: FieldValues,
  credentials: CarriedValue[],
  extraFields: Record<string, unknown>,
  scrub: (text: string) => string,
): CallEventContent {
  const content: CallEventContent = {};
  const request = requestFacts(values, scrub);
  if (request !== null) content.request = request;
  if (credentials.length > 0) content.credentials = credentials;
  if (values.status !== undefined || values.body !== undefined || values.durationMs !== undefined) {
    const body = values.body === undefined ? null : scrub(values.body);
    const status = values.status ?? null;
    const text = body ?? `Response: ${status ?? "?"}`;
    content.response = { status, body, durationMs: values.durationMs ?? null, text };
  }
  if (values.message !== undefined) {
    const message = scrub(values.message);
    content.trace = traceMessage(message, message);
  }
  if (Object.keys(extraFields).length > 0) content.extraFields = extraFields;
  return content;
}

/** The request's fields, scrubbed like every other text of the record (a token in a path, say). */
function requestFacts(values: FieldValues, scrub: (text: string) => string): RequestFacts | null {
  const facts = noRequestFacts();
  for (const field of REQUEST_FIELDS) {
    const value = values[field];
    facts[field] = value === undefined ? null : scrub(value);
  }
  const sentAsHeader = facts.userAgent === null ? headerValue(values.headers, USER_AGENT) : undefined;
  if (sentAsHeader !== undefined) facts.userAgent = scrub(sentAsHeader);
  return Object.values(facts).some((value) => value !== null) ? facts : null;
}

const USER_AGENT = "user-agent";

/** A header's value by its name in any case (as in HTTP). */
function headerValue(headers: Record<string, string> | undefined, lowerCaseName: string): string | undefined {
  for (const [name, value] of Object.entries(headers ?? {})) if (name.toLowerCase() === lowerCaseName) return value;
  return undefined;
}

type TraceEntry = { message: string; level: string | null; time: number | null };

function readTraceEntry(entry: unknown, scrub: (text: string) => string): TraceEntry {
  if (typeof entry === "string") return { message: scrub(entry), level: null, time: null };
  if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
    return { message: scrub(JSON.stringify(entry)), level: null, time: null };
  }
  const { values, extra } = sortFields(entry as Record<string, unknown>);
  const message = values.message ?? JSON.stringify(extra);
  return { message: scrub(message), level: values.level ?? null, time: values.time ?? null };
}

/** How a record's text is scrubbed: any text, and a URI (whose query values are masked first). */
type Scrub = { text: (text: string) => string; uri: (uri: string) => string };

/** scrubDeep, with the query of every field named like a URI (`uri`, `url`, `path`) masked. */
function scrubFields(value: unknown, scrub: Scrub): unknown {
  if (typeof value === "string") return scrub.text(value);
  if (Array.isArray(value)) return value.map((item) => scrubFields(item, scrub));
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => [scrub.text(name), typeof item === "string" && fieldOf(name) === "uri" ? scrub.uri(item) : scrubFields(item, scrub)]),
  );
}

/** The record as people see it: carried values masked in place, every other text scrubbed. */
function maskRecord(record: Record<string, unknown>, shown: Map<string, string>, scrub: Scrub): unknown {
  const maskCarried = (location: CredentialLocation, value: unknown): unknown =>
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).map(([name, v]) => [name, shown.get(`${location}\u0000${name}`) ?? scrubFields(v, scrub)]))
      : scrubFields(value, scrub);
  const maskObject = (source: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(source).map(([name, value]) => {
        const field = fieldOf(name);
        if (field === "request" && value !== null && typeof value === "object" && !Array.isArray(value)) return [name, maskObject(value as Record<string, unknown>)];
        if (field === "headers" || field === "query" || field === "cookies") return [name, maskCarried(CARRIED_FIELDS[field], value)];
        // A lone Authorization field was carried as a header of its own name (addCarried): shown as that header, whatever its type or length.
        if (field === "authorization") return [name, shown.get(`header\u0000${name}`) ?? scrubFields(value, scrub)];
        if (field === "uri" && typeof value === "string") return [name, scrub.uri(value)];
        return [name, scrubFields(value, scrub)];
      }),
    );
  return maskObject(record);
}

/** The strings inside a value carried as JSON text, or none when it is not JSON of an array or object. */
function stringsInJson(raw: string): string[] {
  if (!raw.startsWith("[") && !raw.startsWith("{")) return [];
  try {
    const strings: string[] = [];
    scrubDeep(JSON.parse(raw), (text) => (strings.push(text), text));
    return strings;
  } catch {
    return [];
  }
}

/**
 * Fields named like secrets (`password`, `client_secret`, `api_key`, …) that
 * no gateway rule names: no one wants them shown, so their values become a
 * masked preview in place, before anything is read from the record. Only in
 * their own field: masked wherever the call repeats them, a value such as
 * `"tokenHeader": "access_token"` would also mask the gateway's own verdict.
 * Carried headers, query parameters and cookies are left to carriedValues.
 */
const CARRIERS = new Set<RecordField | undefined>(["headers", "query", "cookies", "authorization"]);

/**
 * `level` says where `value` sits: the record and its `request` hold the
 * call's carried values, read by carriedValues. Headers, query parameters,
 * cookies and Authorization fields anywhere else (a nested trace entry's
 * headers, an unknown field's) are carried by no one: every value in them is
 * masked here.
 */
function maskSecretFields(value: unknown, mask: (raw: string) => string, level: "record" | "request" | "nested" = "nested"): void {
  if (Array.isArray(value)) for (const item of value) maskSecretFields(item, mask);
  if (!isRecord(value)) return;
  for (const [name, inner] of Object.entries(value)) {
    const field = fieldOf(name);
    if (CARRIERS.has(field)) {
      if (level === "nested") value[name] = maskEvery(inner, mask);
      continue;
    }
    // The record is the reader's own, fresh from JSON.parse.
    if (SECRET_NAME.test(name) && (typeof inner === "string" || typeof inner === "number")) value[name] = mask(String(inner));
    else maskSecretFields(inner, mask, level === "record" && field === "request" ? "request" : "nested");
  }
}

/** Every string or number inside `value` masked; names of fields kept. */
function maskEvery(value: unknown, mask: (raw: string) => string): unknown {
  if (typeof value === "string" || typeof value === "number") return mask(String(value));
  if (Array.isArray(value)) return value.map((item) => maskEvery(item, mask));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, maskEvery(item, mask)]));
  return value;
}

function scrubExtra(extra: Record<string, unknown>, scrub: Scrub): Record<string, unknown> {
  return scrubFields(extra, scrub) as Record<string, unknown>;
}

