import type { GeneratedCall, Random } from "./scenarios";

export type Format = "text" | "json_lines" | "json_document";

/** The lines one call contributes; lines of calls in flight are interleaved as a busy gateway writes them. */
export function textLines(call: GeneratedCall, random: Random): string[] {
  const ref = random.pick([`[callId=${call.ref}]`, `call=${call.ref} -`, `traceId=${call.ref}`, `requestId=${call.ref}`, `[${call.ref}]`]);
  const bracketed = random.int(5) === 0;
  const line = (offsetMs: number, level: string, message: string) => `${stamp(call.time + offsetMs, bracketed)} ${level} ${ref} ${message}`;
  const lines = [line(0, "INFO", `Request: ${call.method} ${call.uri} api="${call.api}" app="${call.app}" ip=${call.ip}`)];
  for (const c of call.credentials) lines.push(line(0, "DEBUG", `Request ${c.location} ${c.name}: ${JSON.stringify(c.value)}`));
  for (const entry of call.trace) {
    lines.push(line(entry.offsetMs, entry.level, entry.message));
    if (entry.level === "WARN" && random.int(4) === 0) lines.push("java.lang.IllegalStateException: token lookup miss", "\tat com.example.gateway.TokenStore.find(TokenStore.java:88)");
  }
  const response = call.response;
  if (response !== null) lines.push(line(4, "INFO", `Response: ${response.status} body=${JSON.stringify(response.body)} duration_ms=${response.durationMs}`));
  return lines;
}

export function jsonLines(call: GeneratedCall, random: Random): string[] {
  const record: Record<string, unknown> = {
    [random.pick(["callId", "call_id", "requestId"])]: call.ref,
    timestamp: new Date(call.time).toISOString(),
    method: call.method,
    uri: call.uri,
    apiName: call.api,
    application: call.app,
    ...carried(call),
    ...(call.response === null ? {} : { status: call.response.status, responseBody: call.response.body, durationMs: call.response.durationMs }),
    environment: "prod",
  };
  const events = call.trace.map((entry) => JSON.stringify({ traceId: call.ref, ts: call.time + entry.offsetMs, level: entry.level, msg: entry.message }));
  return [JSON.stringify(record), ...events];
}

/** One element of the document's `calls` array, nested trace included, over several lines. */
export function jsonDocumentRecord(call: GeneratedCall): string {
  const record = {
    callId: call.ref,
    timestamp: new Date(call.time).toISOString(),
    method: call.method,
    uri: call.uri,
    api: call.api,
    app: call.app,
    ...carried(call),
    ...(call.response === null ? {} : { status: call.response.status, responseBody: call.response.body }),
    generalTrace: call.trace.map((entry) => entry.message),
  };
  return JSON.stringify(record, null, 1);
}

function carried(call: GeneratedCall): Record<string, Record<string, string>> {
  const byField = { header: "requestHeaders", query: "queryParams", cookie: "cookies" } as const;
  const fields: Record<string, Record<string, string>> = {};
  for (const c of call.credentials) fields[byField[c.location]] = { ...fields[byField[c.location]], [c.name]: c.value };
  return fields;
}

function stamp(time: number, bracketed: boolean): string {
  const iso = new Date(time).toISOString();
  return bracketed ? `[${iso.slice(0, 10)} ${iso.slice(11, 19)},${iso.slice(20, 23)}]` : iso;
}
