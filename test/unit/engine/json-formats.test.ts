import { describe, expect, it } from "vitest";
import { CallLinker, summariseCall } from "../../../lib/calls";
import { classifyInProcess, readEvents } from "./support";

const INVALID = "Access Token in the request, identified by HEADER access_token, is invalid. Check docs.sensedia.com";
const jsonl = (...records: unknown[]) => records.map((r) => JSON.stringify(r)).join("\n") + "\n";

async function summaryOf(content: string, name: string) {
  const linker = new CallLinker();
  const { calls } = await readEvents(content, name);
  calls.forEach((event) => linker.apply(event));
  return [...linker].map(summariseCall);
}

describe("JSON Lines: field names and their aliases, in any case", () => {
  it.each(["callId", "call_id", "traceId", "trace_id", "requestId", "request_id", "CALLID", "TraceID"])("%s is the call reference", async (key) => {
    const { calls } = await readEvents(jsonl({ [key]: "c1", status: 200 }), "t.ndjson");
    expect(calls.map((e) => e.callRef)).toEqual(["c1"]);
  });

  it.each([
    ["timestamp", "2026-11-20T15:00:00.000Z"],
    ["@timestamp", "2026-11-20T15:00:00.000Z"],
    ["time", "2026-11-20 15:00:00.000"],
    ["ts", Date.UTC(2026, 10, 20, 15)],
    ["date", "2026-11-20T12:00:00-03:00"],
  ])("%s is the timestamp", async (key, value) => {
    const { calls } = await readEvents(jsonl({ callId: "c1", [key]: value }), "t.ndjson");
    expect(calls[0]?.time).toBe(Date.UTC(2026, 10, 20, 15));
  });

  it("reads every alias of the call record's fields, flat or nested", async () => {
    const flat = { callId: "c1", httpMethod: "POST", url: "/a", statusCode: 401, response_body: INVALID, apiName: "Payments", operation: "charge", appName: "Mobile App", duration_ms: 7 };
    const nested = { callId: "c2", request: { method: "GET", uri: "/b", headers: { access_token: "2YotnFZFEjr1zCsicMWpAA" } }, response: { status: 403, body: "no" }, api_name: "Orders", application: "Portal", responseTime: 9 };
    const aliases = { callId: "c3", path: "/c", status_code: "200", body: "{}", api: "Users", resource: "me", app: "Web", durationMs: 1, httpStatus: 500 };
    const [c1, c2, c3] = await summaryOf(jsonl(flat, nested, aliases), "t.ndjson");
    expect(c1).toMatchObject({ method: "POST", uri: "/a", status: 401, responseBody: INVALID, api: "Payments", resource: "charge", app: "Mobile App", durationMs: 7 });
    expect(c2).toMatchObject({ method: "GET", uri: "/b", status: 403, responseBody: "no", api: "Orders", app: "Portal", durationMs: 9 });
    expect(c2?.credentials).toMatchObject([{ location: "header", name: "access_token", preview: "2Yot…pAA" }]);
    expect(c3).toMatchObject({ uri: "/c", status: 200, responseBody: "{}", api: "Users", resource: "me", app: "Web", durationMs: 1 });
  });

  it("treats every carried header, query parameter and cookie as a credential", async () => {
    const record = { callId: "c1", requestHeaders: { Authorization: "Bearer abcdefghijkl" }, queryParams: { apikey: "k-777-abc" }, request: { cookies: { sid: "s3cr3t-cookie" } } };
    const [call] = await summaryOf(jsonl(record), "t.ndjson");
    expect(call?.credentials.map((c) => [c.location, c.name])).toEqual([
      ["header", "Authorization"],
      ["query", "apikey"],
      ["cookie", "sid"],
    ]);
  });

  it("shows as written, and carries as no credential, a header that only describes the client and a parameter that only pages", async () => {
    const record = { callId: "c1", uri: "/a?page=2", requestHeaders: { "User-Agent": "okhttp/4.12.0", access_token: "Zx9Yw8Vu7Ts6Ab" }, queryParams: { page: "2" } };
    const { calls } = await readEvents(jsonl(record), "t.ndjson");
    expect(calls[0]?.content.credentials?.map((c) => c.name)).toEqual(["access_token"]);
    expect(calls[0]?.content.request?.uri).toBe("/a?page=2");
    expect(JSON.parse(calls[0]?.text ?? "")).toEqual({ ...record, requestHeaders: { "User-Agent": "okhttp/4.12.0", access_token: "Zx…Ab" } });
  });

  it("keeps unknown fields with the call, credentials masked in them too", async () => {
    const record = { callId: "c1", environment: "prod", request: { method: "GET", region: "sa-east-1", headers: { access_token: "Zx9Yw8Vu7Ts6Ab" } }, debug: "sent token Zx9Yw8Vu7Ts6Ab" };
    const [call] = await summaryOf(jsonl(record), "t.ndjson");
    expect(call?.extraFields).toEqual({ environment: "prod", "request.region": "sa-east-1", debug: "sent token Zx…Ab" });
  });

  it("masks unknown fields named like secrets in their own field, numbers and top-level fields too", async () => {
    const record = { callId: "c1", status: 401, password: 987654321, client: { client_secret: "s3cr3t-v4lue-99" }, request: { api_key: 55501234 } };
    const { calls } = await readEvents(jsonl(record), "t.ndjson");
    const shown = JSON.stringify([calls[0]?.text, calls[0]?.content.extraFields]);
    for (const raw of ["987654321", "s3cr3t-v4lue-99", "55501234"]) expect(shown).not.toContain(raw);
    expect(calls[0]?.content.extraFields).toEqual({ password: "9…1", client: { client_secret: "s3…99" }, "request.api_key": "5…4" });
  });

  it("leaves the rest of the call as it is when a secret-named field holds an ordinary word", async () => {
    const whitespace = { callId: "c1", tokenHeader: "access_token", requestHeaders: { access_token: "9fK2mQ7xL0pR4tV8 " }, status: 401 };
    const verdict = { callId: "c1", message: "Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call" };
    const [row] = await classifyInProcess([{ name: "t.ndjson", content: jsonl(whitespace, verdict) }]);
    expect(row).toMatchObject({ cause: "malformed_credential", credential: { name: "access_token" } });
  });

  it("keeps unknown fields named like an object's own members (__proto__, constructor)", async () => {
    const line = '{"callId":"c1","__proto__":{"polluted":true},"constructor":"c","request":{"method":"GET","__proto__":"r"}}';
    const [call] = await summaryOf(`${line}\n`, "t.ndjson");
    expect(JSON.parse(JSON.stringify(call?.extraFields))).toEqual(JSON.parse('{"__proto__":{"polluted":true},"constructor":"c","request.__proto__":"r"}'));
  });

  it("carries and masks a header named __proto__, and keeps such a key in a JSON response body", async () => {
    const line = '{"callId":"c1","requestHeaders":{"__proto__":"Zx9Yw8Vu7Ts6Ab"},"status":401,"body":{"__proto__":"x","error":"denied"}}';
    const { calls } = await readEvents(`${line}\n`, "t.ndjson");
    expect(calls[0]?.content.credentials?.map((c) => [c.name, c.preview])).toEqual([["__proto__", "Zx…Ab"]]);
    expect(calls[0]?.text).not.toContain("Zx9Yw8Vu7Ts6Ab");
    expect(calls[0]?.content.response?.body).toBe('{"__proto__":"x","error":"denied"}');
  });

  it("gives one event for the record and one for each entry of its nested trace", async () => {
    for (const key of ["trace", "traces", "logs", "generalTrace"]) {
      const record = { callId: "c1", ts: 1000, [key]: ["Running interceptor: OAuth", { msg: "second", level: "WARN", ts: 2000 }, { log: "third" }] };
      const { calls } = await readEvents(jsonl(record), "t.ndjson");
      expect(calls.map((e) => [e.content.trace?.message ?? null, e.time, e.level])).toEqual([
        [null, 1000, null],
        ["Running interceptor: OAuth", 1000, null],
        ["second", 2000, "WARN"],
        ["third", 1000, null],
      ]);
    }
  });

  it("shows a record's text as logged, with each credential's preview in its place and its whitespace kept (no quotes added)", async () => {
    const { calls } = await readEvents(jsonl({ callId: "c1", requestHeaders: { access_token: "9fK2mQ7xL0pR4tV8 \n" } }), "t.ndjson");
    expect(calls[0]?.text).toBe('{"callId":"c1","requestHeaders":{"access_token":"9fK2…tV8 \\n"}}');
    expect(calls[0]?.text).not.toContain("9fK2mQ7xL0pR4tV8");
  });

  it("masks a value in the call's records shortly before the one that carries it", async () => {
    const content = jsonl(
      { callId: "c1", message: "token Zx9Yw8Vu7Ts6Ab not in store", debug: { seen: "Zx9Yw8Vu7Ts6Ab" } },
      { callId: "c2", message: "unrelated" },
      { callId: "c1", requestHeaders: { access_token: "Zx9Yw8Vu7Ts6Ab" } },
    );
    const { calls } = await readEvents(content, "t.ndjson");
    expect(JSON.stringify(calls)).not.toContain("Zx9Yw8Vu7Ts6Ab");
    expect(calls[0]?.content.trace?.message).toBe("token Zx…Ab not in store");
    expect(calls[0]?.content.extraFields).toEqual({ debug: { seen: "Zx…Ab" } });
  });

  it("masks a carried value in the same record's request fields and in the names of its unknown fields", async () => {
    const record = { callId: "c1", uri: "/introspect/Zx9Yw8Vu7Ts6Ab", requestHeaders: { access_token: "Zx9Yw8Vu7Ts6Ab" }, cache: { Zx9Yw8Vu7Ts6Ab: "miss" } };
    const { calls } = await readEvents(jsonl(record), "t.ndjson");
    expect(JSON.stringify(calls)).not.toContain("Zx9Yw8Vu7Ts6Ab");
    expect(calls[0]?.content.request?.uri).toBe("/introspect/Zx…Ab");
    expect(calls[0]?.content.extraFields).toEqual({ cache: { "Zx…Ab": "miss" } });
  });

  it("takes a lone Authorization field, at the top or in the request, as a carried header", async () => {
    for (const record of [
      { callId: "c1", Authorization: "Bearer Zx9Yw8Vu7Ts6AbQQ" },
      { callId: "c1", request: { method: "GET", authorization: "Bearer Zx9Yw8Vu7Ts6AbQQ" } },
    ]) {
      const { calls } = await readEvents(jsonl(record), "t.ndjson");
      expect(JSON.stringify(calls)).not.toContain("Zx9Yw8Vu7Ts6AbQQ");
      expect(calls[0]?.content.credentials).toMatchObject([{ location: "header", name: Object.keys(record).includes("Authorization") ? "Authorization" : "authorization", preview: "Bearer Zx9Y…bQQ" }]);
      expect(calls[0]?.content.extraFields).toBeUndefined();
    }
  });

  it("keeps a record that names no call as a gateway event", async () => {
    const { calls, gateway, summary } = await readEvents(jsonl({ timestamp: "2026-11-20T15:00:00Z", message: "node reloaded" }, { callId: "c1" }), "t.ndjson");
    expect(gateway).toHaveLength(1);
    expect(calls).toHaveLength(1);
    expect(summary).toMatchObject({ format: "json_lines", gatewayEventCount: 1 });
  });
});

describe("JSON document", () => {
  const records = [
    { callId: "h8", status: 401, responseBody: INVALID, generalTrace: ["Running interceptor: OAuth", "Access token in HEADER access_token DOES NOT HAVE ACCESS TO THIS RESOURCE; rejecting call"] },
    { callId: "h9", status: 200 },
  ];

  it.each(["calls", "items", "data", "records", "Calls"])("reads the array under %s, and other keys around it", async (key) => {
    const document = JSON.stringify({ version: 2, meta: { calls: "not this one", list: [1, 2] }, [key]: records, tail: [{ x: "]" }] }, null, 2);
    const rows = await classifyInProcess([{ name: "doc.json", content: document }]);
    expect(rows.map((row) => [row.callId, row.cause, row.interceptor, row.evidence?.line])).toEqual([
      ["h8", "no_resource_access", "OAuth", null],
      ["h9", null, null, undefined],
    ]);
  });

  it("reads a top-level array, and a whole document on one line", async () => {
    for (const document of [JSON.stringify(records, null, 1), JSON.stringify({ calls: records })]) {
      const { summary, calls } = await readEvents(document, "doc.json");
      expect(summary.format).toBe("json_document");
      expect(new Set(calls.map((e) => e.callRef))).toEqual(new Set(["h8", "h9"]));
    }
  });

  it("reads JSON Lines whose records carry an unknown `items` or `data` array as records, keeping the field", async () => {
    const lines = '{"callId":"j1","status":401,"items":[{"sku":"a"}]}\n{"callId":"j2","status":200,"data":[1]}\n';
    const { summary, calls } = await readEvents(lines, "orders.ndjson");
    expect(summary.format).toBe("json_lines");
    expect(calls.map((event) => event.callRef)).toEqual(["j1", "j2"]);
    expect(calls[0]?.content.extraFields).toEqual({ items: [{ sku: "a" }] });
  });

  it("quotes the decisive trace entry's text as evidence, with no line", async () => {
    const [row] = await classifyInProcess([{ name: "doc.json", content: JSON.stringify(records) }]);
    expect(row?.evidence).toEqual({ file: "doc.json", line: null, text: "Access token in HEADER access_token DOES NOT HAVE ACCESS TO THIS RESOURCE; rejecting call" });
  });

  it("reads strings holding brackets, braces, quotes and escapes", async () => {
    const tricky = [{ callId: 'c"1', note: '}]{["\\', status: 401, body: "x" }];
    const rows = await classifyInProcess([{ name: "doc.json", content: JSON.stringify(tricky, null, 3) }]);
    expect(rows.map((row) => row.callId)).toEqual(['c"1']);
  });
});

describe("calls across files", () => {
  it("joins records of one call spread over two files and formats, in any order", async () => {
    const first = jsonl({ traceId: "x1", ts: 1795186800501, level: "WARN", msg: "Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired or revoked); rejecting call" });
    const second = "2026-11-20T15:00:00.400Z DEBUG call=x1 Running interceptor: OAuth\n2026-11-20T15:00:00.600Z INFO call=x1 Response: 401 body=\"" + INVALID + '"\n';
    for (const files of [
      [{ name: "a.ndjson", content: first }, { name: "b.log", content: second }],
      [{ name: "b.log", content: second }, { name: "a.ndjson", content: first }],
    ]) {
      const rows = await classifyInProcess(files);
      expect(rows).toEqual([
        {
          callId: "x1",
          status: 401,
          rejected: true,
          cause: "invalid_expired_revoked",
          credential: { element: "access_token", label: "Access token", location: "header", name: "access_token" },
          interceptor: "OAuth",
          evidence: { file: "a.ndjson", line: 1, text: "Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired or revoked); rejecting call" },
        },
      ]);
    }
  });
});
