import { z } from "zod";
import { durationMillis } from "../duration";
import { parseRecordTimestamp } from "../timestamps";

/**
 * The spec's field aliases (section 2.2), matched case-insensitively. A record
 * field goes to the first canonical field whose alias list holds its name.
 */
export const RECORD_FIELDS = {
  callRef: ["callId", "call_id", "traceId", "trace_id", "requestId", "request_id"],
  time: ["timestamp", "@timestamp", "time", "ts", "date"],
  method: ["method", "httpMethod"],
  uri: ["uri", "url", "path"],
  status: ["status", "statusCode", "status_code", "httpStatus"],
  body: ["responseBody", "response_body", "body"],
  api: ["api", "apiName", "api_name"],
  resource: ["resource", "operation"],
  app: ["app", "appName", "application"],
  clientIp: ["ip", "clientIp", "client_ip"],
  userAgent: ["userAgent", "user_agent"],
  durationMs: ["durationMs", "duration_ms", "duration", "responseTime"],
  headers: ["requestHeaders", "headers"],
  query: ["queryParams", "query"],
  cookies: ["cookies"],
  /** A lone Authorization header beside the record's fields (spec 5: any Authorization header is a credential). */
  authorization: ["authorization"],
  message: ["message", "msg", "log"],
  level: ["level"],
  trace: ["trace", "traces", "logs", "generalTrace"],
  request: ["request"],
  response: ["response"],
} as const;

export type RecordField = keyof typeof RECORD_FIELDS;

const FIELD_BY_ALIAS = new Map<string, RecordField>(
  Object.entries(RECORD_FIELDS).flatMap(([field, aliases]) =>
    aliases.map((alias) => [alias.toLowerCase(), field as RecordField] as const),
  ),
);

export const fieldOf = (key: string): RecordField | undefined => FIELD_BY_ALIAS.get(key.toLowerCase());

/** Where a JSON document's top-level object holds its call records (spec 2.3). */
export const RECORD_ARRAYS: ReadonlySet<string> = new Set(["calls", "items", "data", "records"]);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * A JSON object of fields, kept as JSON.parse made it: z.record would copy
 * it into an object without a prototype and drop an own "__proto__" field,
 * which is a field like any other here.
 */
export const fieldsObject = z.custom<Record<string, unknown>>(isRecord, "an object of fields");
const text = z.union([z.string(), z.number().transform(String)]);
const nonEmptyText = text.pipe(z.string().trim().min(1));
const whole = z.union([z.number(), z.string().regex(/^\s*\d+\s*$/).transform(Number)]).pipe(z.number().int());
const milliseconds = z
  .union([z.number(), z.string().regex(/^\s*\d+(\.\d+)?\s*$/).transform(Number)])
  .transform((value, ctx) => durationMillis(value) ?? (ctx.addIssue("not a duration"), z.NEVER));
/** Every carried value is a credential, whatever its JSON type: it must reach the masker. */
const carriedText = (value: unknown): string => (typeof value === "string" ? value : (JSON.stringify(value) ?? ""));
const valueText = z.unknown().transform(carriedText);
/** Carried values by name; a header named "__proto__" is carried like any other (z.record would drop it). */
const carriedValues = fieldsObject.transform((values) => Object.fromEntries(Object.entries(values).map(([name, value]) => [name, carriedText(value)])));

/**
 * The type each canonical field must have. A value that does not fit is not
 * dropped: it is kept with the call's unknown fields under its own name.
 */
export const FIELD_SCHEMAS = {
  callRef: nonEmptyText,
  time: z.unknown().transform((value, ctx) => parseRecordTimestamp(value) ?? (ctx.addIssue("not a timestamp"), z.NEVER)),
  method: text,
  uri: text,
  status: whole,
  body: z.union([z.string(), fieldsObject.transform((value) => JSON.stringify(value))]),
  api: text,
  resource: text,
  app: text,
  clientIp: text,
  userAgent: text,
  durationMs: milliseconds,
  headers: carriedValues,
  query: carriedValues,
  cookies: carriedValues,
  authorization: valueText,
  message: z.string(),
  level: z.string(),
  trace: z.array(z.unknown()),
  request: fieldsObject,
  response: fieldsObject,
} satisfies Record<RecordField, z.ZodType>;

export type FieldValues = { [F in RecordField]?: z.output<(typeof FIELD_SCHEMAS)[F]> };
