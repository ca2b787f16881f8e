import http from "node:http";
import { gzipSync } from "node:zlib";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallDetail, CallPage, GatewayEventsPage, UploadEvents } from "../../lib/explorer";
import type { UploadListing } from "../../lib/ingest";
import { CAUSE_ORDER } from "../../lib/rules";
import { getJson, sampleParts, upload, uploadChunked, type ApiError } from "../support/api-client";
import { classifyWithCli } from "../support/cli";
import { samplePaths, samplesDir } from "../support/samples";
import { startServe, type ServeProcess } from "../support/serve-process";
import { useTestDatabase, withClient } from "../support/test-database";

const home = fs.mkdtempSync(path.join(os.tmpdir(), "tracelens-home-"));
const env = { TRACELENS_HOME: home };

const database = useTestDatabase();
let server: ServeProcess;

beforeAll(async () => {
  server = await startServe({ ...env, DATABASE_URL: database.url, TRACELENS_MAX_UPLOAD_MB: "2" });
  expect(server.ready, server.output()).toBe(true);
});

afterAll(async () => {
  await server.stop();
  fs.rmSync(home, { recursive: true, force: true });
});

const api = <Body = unknown>(pathAndQuery: string) => getJson<Body>(`${server.url}${pathAndQuery}`);
/** A cursor as this server writes them (base64url JSON of [sort value, call reference, offset, direction]), holding any value. */
const cursorHolding = (value: unknown) => Buffer.from(JSON.stringify([value, "a91", 3, "after"])).toString("base64url");
const expected = () => classifyWithCli(samplePaths(), { env });

async function tableCounts(): Promise<Record<string, number>> {
  return withClient(database.url, async (client) => {
    const tables = ["uploads", "upload_files", "calls", "evidence", "trace_segments", "carried_credentials", "gateway_events"];
    const counts: Record<string, number> = {};
    for (const table of tables) counts[table] = (await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
    return counts;
  });
}

describe("POST /api/uploads with the samples", () => {
  it("stores them and explains every call exactly as `tracelens classify` does", async () => {
    const { status, body } = await upload(server.url, sampleParts());
    expect(status).toBe(201);
    expect(body).toMatchObject({ callsAdded: 10, callsUpdated: 0, duplicateFiles: 0, gatewayEvents: 1 });
    expect(body.uploadId).toMatch(/^[0-9a-f-]{36}$/);

    const reference = expected();
    const { body: page } = await api<CallPage>("/api/calls?limit=1000&sort=time");
    expect(page.total).toBe(reference.length);
    const stored = new Map(page.items.map((item) => [item.callId, item]));
    for (const call of reference) {
      const item = stored.get(call.callId);
      expect(item, call.callId).toBeDefined();
      if (item === undefined) continue;
      expect({ status: item.status, rejected: item.rejected, cause: item.cause, interceptor: item.interceptor }).toEqual({
        status: call.status, rejected: call.rejected, cause: call.cause, interceptor: call.interceptor,
      });
      if (call.credential) expect(item.credential).toMatchObject(call.credential);
      const { body: detail } = await api<CallDetail>(`/api/calls/${encodeURIComponent(call.callId)}`);
      expect(detail.evidence.decisive).toEqual(call.evidence);
    }
  });

  it("lists the upload with its rejections by cause and each file's format, as the upload answered", async () => {
    const { status, body } = await api<{ items: UploadListing[] }>("/api/uploads");
    expect(status).toBe(200);
    expect(body.items).toHaveLength(1);
    const [listed] = body.items;
    const causes = expected().flatMap((call) => (call.rejected && call.cause !== null ? [call.cause] : []));
    expect(listed?.rejectionsByCause).toEqual(causes.reduce<Record<string, number>>((counts, cause) => ({ ...counts, [cause]: (counts[cause] ?? 0) + 1 }), {}));
    expect(listed?.files.map((file) => [file.name, file.format]).sort()).toEqual([
      ["gateway-calls.json", "json_document"],
      ["gateway-trace.log", "text"],
      ["gateway-trace.ndjson", "json_lines"],
    ]);
    // When its lines were written, across the three files: the text trace's first line, the JSON document's last call.
    expect([listed?.firstTime, listed?.lastTime]).toEqual(["2026-11-20T14:03:11.482Z", "2026-11-20T16:00:01.000Z"]);
  });

  it("adds nothing when the same bytes are uploaded again, and says so", async () => {
    const before = await tableCounts();
    const { status, body } = await upload(server.url, sampleParts());
    expect(status).toBe(200);
    expect(body).toMatchObject({ uploadId: null, duplicateFiles: 3, callsAdded: 0 });
    expect(body.files.every((file) => file.duplicate)).toBe(true);
    expect(await tableCounts()).toEqual(before);
  });

  it("adds nothing for the same content in other bytes (gzipped, or plain again after a gzip), and says so", async () => {
    const trace = fs.readFileSync(path.join(samplesDir, "gateway-trace.log"));
    const before = await tableCounts();
    const gzipped = await upload(server.url, [{ name: "gateway-trace.log.gz", content: gzipSync(trace) }]);
    expect(gzipped.body).toMatchObject({ uploadId: null, duplicateFiles: 1, callsAdded: 0, callsUpdated: 0 });
    expect(await tableCounts()).toEqual(before);

    // A gzip stored first: its plain text, and another compression of it, are the same file.
    const fresh = Buffer.from(trace.toString("utf8").replaceAll("traceId=b77", "traceId=gz-first"));
    const first = await upload(server.url, [{ name: "fresh.log.gz", content: gzipSync(fresh) }]);
    expect(first.body).toMatchObject({ duplicateFiles: 0, callsAdded: 1 });
    for (const content of [fresh, gzipSync(fresh, { level: 1 })]) {
      expect((await upload(server.url, [{ name: "fresh-again.log", content }])).body).toMatchObject({ uploadId: null, duplicateFiles: 1, callsAdded: 0 });
    }
    // Gone again, with the call it added: the tests below count the samples' calls.
    expect((await fetch(`${server.url}/api/uploads/${first.body.uploadId}`, { method: "DELETE" })).status).toBe(200);
    expect(await tableCounts()).toEqual(before);
  });

  it("answers a call with its whole trace, evidence and masked credential", async () => {
    const { status, body } = await api<CallDetail>("/api/calls/b77");
    expect(status).toBe(200);
    expect(body.cause).toBe("malformed_credential");
    expect(body.explanation?.title).toBeTruthy();
    expect(body.evidence.decisive?.line).toBe(15);
    expect(body.evidence.gatewayVerdict?.line).toBe(16);
    expect(body.trace.map((line) => line.line)).toEqual([14, 15, 16, 19]);
    expect(body.credentials).toEqual([
      expect.objectContaining({ location: "header", name: "access_token", trailingWhitespace: true, lineBreak: true, length: 18 }),
    ]);
    expect(JSON.stringify(body)).not.toContain("9fK2mQ7xL0pR4tV8");
    expect((await api("/api/calls/no-such-call")).status).toBe(404);
    expect((await api("/api/calls/no-such%00call")).status).toBe(404);
  });

  it("answers a call's unknown fields as they were read, a field named __proto__ included", async () => {
    const record = '{"callId":"fields-1","status":200,"__proto__":"p","constructor":"c","env":"prod"}\n';
    const stored = await upload(server.url, [{ name: "fields.ndjson", content: record }]);
    expect(stored.status).toBe(201);
    try {
      const { body } = await api<CallDetail>("/api/calls/fields-1");
      expect(Object.entries(body.extraFields).sort()).toEqual([["__proto__", "p"], ["constructor", "c"], ["env", "prod"]]);
    } finally {
      await fetch(`${server.url}/api/uploads/${stored.body.uploadId}`, { method: "DELETE" });
    }
  });

  it("keeps each trace line's text as read (quotes, backslashes, tabs, braces, non-ASCII, stack traces) and finds words in it", async () => {
    const lines = [
      '2026-11-21T11:00:00.001Z INFO [callId=texts-1] Request: GET /a\\b "quoted" {1,2} NULL',
      "2026-11-21T11:00:00.002Z ERROR [callId=texts-1] boom\tcafé ✓ \\N",
      "\tat com.example.Gateway.run(Gateway.java:42)",
      "2026-11-21T11:00:00.003Z INFO [callId=texts-1] Response: 200",
    ];
    const stored = await upload(server.url, [{ name: "texts.log", content: `${lines.join("\n")}\n` }]);
    expect(stored.status).toBe(201);
    const { body } = await api<CallDetail>("/api/calls/texts-1");
    expect(body.trace.map((line) => [line.line, line.level, line.text])).toEqual([
      [1, "INFO", lines[0]],
      [2, "ERROR", `${lines[1]}\n${lines[2]}`],
      [4, "INFO", lines[3]],
    ]);
    const found = await api<CallPage>(`/api/calls?q=${encodeURIComponent("Gateway.java:42")}`);
    expect(found.body.items.map((item) => item.callId)).toEqual(["texts-1"]);
    await fetch(`${server.url}/api/uploads/${stored.body.uploadId}`, { method: "DELETE" });
  });
});

describe("GET /api/calls/{id} on overlapping files", () => {
  // A log rotated with overlap: the rotated file repeats the last lines of the first, and a line of the call only it holds.
  const lines = [
    '2026-11-22T09:00:00.000Z INFO [callId=overlap-1] Request: GET /payments/v2/charges api="Payments" app="Mobile App"',
    "2026-11-22T09:00:00.010Z DEBUG [callId=overlap-1] Running interceptor: OAuth",
    "2026-11-22T09:00:00.020Z WARN [callId=overlap-1] token store said: Zx9…Ts6 unknown",
    "2026-11-22T09:00:00.030Z INFO [callId=overlap-1] Response: 401",
  ];
  const text = (from: number, to: number) => `${lines.slice(from, to).join("\n")}\n`;

  it("lists each line once, with the first file's line number, naming the other file that held it", async () => {
    const first = await upload(server.url, [{ name: "gateway.log", content: text(0, 3) }]);
    const rotated = await upload(server.url, [{ name: "rotated.log.1.gz", content: gzipSync(text(1, 4)) }]);
    try {
      expect([first.status, rotated.status]).toEqual([201, 201]);
      const { body } = await api<CallDetail>("/api/calls/overlap-1");
      expect(body.trace.map((line) => [line.file, line.line, line.text, line.alsoIn])).toEqual([
        ["gateway.log", 1, lines[0], []],
        ["gateway.log", 2, lines[1], [{ file: "rotated.log.1.gz", line: 1 }]],
        ["gateway.log", 3, lines[2], [{ file: "rotated.log.1.gz", line: 2 }]],
        ["rotated.log.1.gz", 3, lines[3], []],
      ]);
      expect(body.uploads.map((stored) => stored.name)).toEqual(["gateway.log", "rotated.log.1.gz"]);
    } finally {
      for (const stored of [rotated, first]) await fetch(`${server.url}/api/uploads/${stored.body.uploadId}`, { method: "DELETE" });
    }
  });
});

describe("GET /api/uploads/{id}/events", () => {
  it("lists the lines of the upload that name no call, with their file, line and time", async () => {
    const { body: listing } = await api<{ items: UploadListing[] }>("/api/uploads");
    const [samples] = listing.items;
    const { status, body } = await api<UploadEvents>(`/api/uploads/${samples?.id}/events`);
    expect(status).toBe(200);
    expect(body.total).toBe(1);
    expect(body.events).toEqual([
      { file: "gateway-trace.log", line: 6, time: "2026-11-20T14:03:12.001Z", level: "INFO", text: "2026-11-20T14:03:12.001Z INFO Gateway node gw-2 reloaded 14 APIs" },
    ]);
  });

  it("pages through an upload's events with a cursor, every event once and in trace order, and back again", async () => {
    // Two files of one upload, their events at times that tie across and within the files.
    const events = (file: string, count: number) =>
      Array.from({ length: count }, (_, i) => `2026-11-22T08:00:0${i % 3}.000Z WARN Token store unreachable (${file} event ${i})`).join("\n");
    const stored = await upload(server.url, [
      { name: "node-a.log", content: `${events("a", 7)}\n` },
      { name: "node-b.log", content: `${events("b", 4)}\n` },
    ]);
    expect(stored.status).toBe(201);
    const eventsAt = `/api/uploads/${stored.body.uploadId}/events`;
    try {
      const { body: whole } = await api<UploadEvents>(eventsAt);
      expect(whole.total).toBe(11);
      expect(whole.nextCursor).toBeNull();
      const pages: UploadEvents[] = [];
      for (let cursor: string | null = ""; cursor !== null; cursor = pages.at(-1)?.nextCursor ?? null) {
        const { status, body } = await api<UploadEvents>(`${eventsAt}?limit=4${cursor ? `&cursor=${cursor}` : ""}`);
        expect(status).toBe(200);
        pages.push(body);
      }
      expect(pages.map((page) => [page.offset, page.events.length])).toEqual([[0, 4], [4, 4], [8, 3]]);
      expect(pages.flatMap((page) => page.events)).toEqual(whole.events);

      const last = pages[2];
      const { body: back } = await api<UploadEvents>(`${eventsAt}?limit=4&cursor=${last?.prevCursor}`);
      expect(back).toEqual(pages[1]);
      expect(pages[0]?.prevCursor).toBeNull();
    } finally {
      await fetch(`${server.url}/api/uploads/${stored.body.uploadId}`, { method: "DELETE" });
    }
  });

  it.each([
    ["offset=1000", "offset", 'unknown parameter "offset"'],
    ["cursor=-4", "cursor", '"cursor": "-4" is not a page cursor'],
    ["limit=1001", "limit", '"limit": "1001" is not a whole number from 1 to 1000'],
    ["limit=2&limit=3", "limit", 'parameter "limit" may be given only once'],
  ])("refuses %s with 400 naming the parameter, as /api/calls does", async (query, parameter, message) => {
    const { body: listing } = await api<{ items: UploadListing[] }>("/api/uploads");
    const { status, body } = await api<ApiError>(`/api/uploads/${listing.items[0]?.id}/events?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_parameter");
    expect(body.error.message).toContain(message);
    expect(body.error.message).toContain(parameter);
  });

  it.each(["7f3c9a1e-2b4d-4c8e-9f10-5a6b7c8d9e0f", "not-an-id"])("answers 404 for an upload that does not exist (%s)", async (id) => {
    const { status, body } = await api<ApiError>(`/api/uploads/${id}/events`);
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
  });
});

describe("GET /api/events", () => {
  const SAMPLE_EVENT = "2026-11-20T14:03:12.001Z INFO Gateway node gw-2 reloaded 14 APIs";

  it("lists every upload's gateway events with their upload, and keeps to a level and a text", async () => {
    const { body: listing } = await api<{ items: UploadListing[] }>("/api/uploads");
    const [samples] = listing.items;
    const { status, body } = await api<GatewayEventsPage>("/api/events");
    expect(status).toBe(200);
    expect(body).toEqual({
      events: [{ file: "gateway-trace.log", line: 6, time: "2026-11-20T14:03:12.001Z", level: "INFO", text: SAMPLE_EVENT, upload: { id: samples?.id, name: samples?.name } }],
      nextCursor: null,
      prevCursor: null,
      offset: 0,
      total: 1,
    });
    expect((await api<GatewayEventsPage>("/api/events?level=other&level=warn&q=GW-2&from=2026-11-20T14:00:00Z")).body.total).toBe(1);
    expect((await api<GatewayEventsPage>("/api/events?level=error")).body).toMatchObject({ events: [], total: 0 });
  });

  it.each([
    ["colour=red", "colour", 'unknown parameter "colour"'],
    ["level=debug", "level", '"level": "debug" is not an event level'],
    ["range=1h&to=2026-11-20", "range", "use one or the other"],
    ["upload=gateway-trace.log", "upload", "is not an upload id"],
    ["limit=1001", "limit", "is not a whole number from 1 to 1000"],
  ])("refuses %s with 400 naming the parameter", async (query, parameter, message) => {
    const { status, body } = await api<ApiError>(`/api/events?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_parameter");
    expect(body.error.message).toContain(parameter);
    expect(body.error.message).toContain(message);
  });
});

describe("GET /api/calls filters", () => {
  it("returns exactly the calls a filter combination matches, with the exact total", async () => {
    const reference = expected().filter(
      (call) => call.rejected && call.credential?.location === "header" && call.cause !== null && ["no_resource_access", "invalid_expired_revoked"].includes(call.cause),
    );
    const { status, body } = await api<CallPage>("/api/calls?rejected=true&location=header&cause=no_resource_access&cause=invalid_expired_revoked");
    expect(status).toBe(200);
    expect(body.total).toBe(reference.length);
    expect(body.items.map((item) => item.callId).sort()).toEqual(reference.map((call) => call.callId).sort());
    expect(reference.length).toBeGreaterThanOrEqual(3);
  });

  // Sorts on columns with nulls (status of i9, api of most JSON calls) in both directions.
  it.each(["-time", "time", "status", "-status", "api", "-api", "cause"])("pages with a cursor through every call once, in order, and back again (sort=%s)", async (sort) => {
    const pageAt = async (cursor: string | null) => (await api<CallPage>(`/api/calls?limit=3&sort=${sort}${cursor ? `&cursor=${cursor}` : ""}`)).body;
    const forward: CallPage[] = [];
    let body = await pageAt(null);
    forward.push(body);
    while (body.nextCursor) forward.push((body = await pageAt(body.nextCursor)));
    const seen = forward.flatMap((each) => each.items.map((item) => item.callId));
    const { body: all } = await api<CallPage>(`/api/calls?limit=1000&sort=${sort}`);
    expect(seen).toEqual(all.items.map((item) => item.callId));
    expect(new Set(seen).size).toBe(10);
    expect(forward.map((each) => [each.offset, each.total])).toEqual([[0, 10], [3, 10], [6, 10], [9, 10]]);

    const backward: CallPage[] = [body];
    while (body.prevCursor) backward.unshift((body = await pageAt(body.prevCursor)));
    // The same answers, cursors included: a page reached backwards is the page it was going forwards.
    expect(backward).toEqual(forward);
  });

  it("sorts by cause in the rules table's order, as the facet and the charts list causes, not by the causes' codes", async () => {
    const { body } = await api<CallPage>("/api/calls?rejected=true&sort=cause&limit=1000");
    const causes = [...new Set(body.items.map((item) => item.cause))];
    expect(causes).toEqual(CAUSE_ORDER.filter((cause) => causes.includes(cause)));
    expect(causes.length).toBeGreaterThanOrEqual(4);
  });

  it("filters by a missing response (status=none) and excludes values (not_cause)", async () => {
    const { body: none } = await api<CallPage>("/api/calls?status=none");
    expect(none.items.map((item) => item.callId)).toEqual(["i9"]);
    // status=none is status's spelling of missing=status: the same calls.
    expect((await api<CallPage>("/api/calls?missing=status")).body.items.map((item) => item.callId)).toEqual(["i9"]);
    const { body: withNone } = await api<CallPage>("/api/calls?status=none&status=200");
    expect(withNone.items.map((item) => item.callId).sort()).toEqual(["c01", "i9"]);
    const { body: notAccess } = await api<CallPage>("/api/calls?rejected=true&not_cause=no_resource_access");
    expect(notAccess.total).toBe(6);
  });

  it.each([
    ["/api/calls?colour=red", "colour"],
    ["/api/calls?cause=bogus", "cause"],
    ["/api/calls?limit=0", "limit"],
    ["/api/calls?from=yesterday", "from"],
    ["/api/calls?cursor=xyz", "cursor"],
    // Well-formed cursors whose value does not fit the sort column: PostgreSQL must never see them.
    [`/api/calls?sort=-time&cursor=${cursorHolding("abc")}`, "cursor"],
    [`/api/calls?sort=status&cursor=${cursorHolding("abc")}`, "cursor"],
    [`/api/calls?sort=-time&cursor=${cursorHolding("0000-01-01T00:00:00Z")}`, "cursor"],
    ["/api/calls?from=0000-01-01", "from"],
    [`/api/export?format=csv&sort=-time&cursor=${cursorHolding("abc")}`, "cursor"],
    [`/api/export?format=ndjson&sort=status&cursor=${cursorHolding("abc")}`, "cursor"],
    // PostgreSQL refuses a NUL character in text outright: it must never be sent one.
    ["/api/calls?api=a%00b", "api"],
    ["/api/calls?q=a%00b", "q"],
    [`/api/calls?sort=api&cursor=${cursorHolding("a\u0000b")}`, "cursor"],
    ["/api/export?format=xml", "format"],
    ["/api/export?format=csv&cause=bogus", "cause"],
    ["/api/calls?missing=colour", "missing"],
    ["/api/export?format=csv&not_missing=none", "not_missing"],
  ])("answers 400 naming the parameter for %s", async (query, parameter) => {
    const { status, body } = await api<ApiError>(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_parameter");
    expect(body.error.message).toContain(`"${parameter}"`);
  });
});

describe("refusals in plain words", () => {
  it.each([
    ["/api/calls?from=yesterday", '"from": "yesterday" is not a date or time (use 2026-11-20, 2026-11-20T14:00 or a time copied from a trace line, read as UTC unless a zone such as Z or -03:00 ends it)'],
    ["/api/calls?status=abc", '"status": "abc" is not an HTTP status from 100 to 599, or "none"'],
    ["/api/export?format=xml", '"format": "xml" is not an export format; known: csv, ndjson'],
    [
      "/api/calls?missing=API",
      '"missing": "API" is not a facet field; known: cause (Cause), status (Status), element (Credential element), location (Credential location), name (Credential name), api (API), app (App), agent (User-Agent), method (Method), interceptor (Interceptor)',
    ],
  ])("%s says what the value should be", async (query, message) => {
    expect((await api<ApiError>(query)).body.error.message).toBe(message);
  });
});

describe("calls spread over uploads", () => {
  const response = (callId: string) =>
    JSON.stringify({ callId, timestamp: "2026-11-21T10:00:00Z", method: "GET", uri: "/split", status: 401,
      responseBody: "Access Token in the request, identified by HEADER access_token, is invalid. Check docs.sensedia.com" });
  const traceLine = (callId: string) =>
    `2026-11-21T10:00:00.001Z WARN [callId=${callId}] Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired or revoked); rejecting call`;

  it("joins a call across two uploads, re-classifies it, and undoes that when an upload is removed", async () => {
    const before = await tableCounts();
    const first = await upload(server.url, [{ name: "responses.ndjson", content: `${response("split-1")}\n` }]);
    expect((await api<CallDetail>("/api/calls/split-1")).body.cause).toBe("invalid_unspecified");
    const second = await upload(server.url, [{ name: "trace.log", content: `${traceLine("split-1")}\n` }]);
    expect(second.body).toMatchObject({ callsAdded: 0, callsUpdated: 1 });
    const joined = (await api<CallDetail>("/api/calls/split-1")).body;
    expect(joined.cause).toBe("invalid_expired_revoked");
    expect(joined.status).toBe(401);
    expect(joined.trace).toHaveLength(2);
    expect(joined.uploads.map((stored) => stored.id)).toEqual([first.body.uploadId, second.body.uploadId]);
    for (const { body: { uploadId } } of [first, second]) {
      expect((await api<CallPage>(`/api/calls?upload=${uploadId}`)).body.items.map((item) => item.callId)).toEqual(["split-1"]);
    }

    // Asked first, what a removal would do is what it then does, and asking changes nothing.
    const counts = await tableCounts();
    const preview = await api(`/api/uploads/${second.body.uploadId}/removal`);
    expect(preview.body).toEqual({ uploadId: second.body.uploadId, callsRemoved: 0, callsReclassified: 1 });
    expect((await api(`/api/uploads/${first.body.uploadId}/removal`)).body).toMatchObject({ callsRemoved: 0, callsReclassified: 1 });
    expect(await tableCounts()).toEqual(counts);
    const removed = await fetch(`${server.url}/api/uploads/${second.body.uploadId}`, { method: "DELETE" });
    expect(removed.status).toBe(200);
    expect(await removed.json()).toEqual(preview.body);
    expect((await api(`/api/uploads/${first.body.uploadId}/removal`)).body).toMatchObject({ callsRemoved: 1, callsReclassified: 0 });
    const unjoined = (await api<CallDetail>("/api/calls/split-1")).body;
    expect(unjoined.cause).toBe("invalid_unspecified");
    expect(unjoined.trace).toHaveLength(1);
    expect(unjoined.uploads.map((stored) => stored.id)).toEqual([first.body.uploadId]);
    expect((await api<CallPage>(`/api/calls?upload=${second.body.uploadId}`)).body.total).toBe(0);
    await fetch(`${server.url}/api/uploads/${first.body.uploadId}`, { method: "DELETE" });
    expect((await api("/api/calls/split-1")).status).toBe(404);
    expect(await tableCounts()).toEqual(before);
  });

  it("lands two concurrent uploads of overlapping calls with the right totals", async () => {
    const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => `overlap-${from + index}`);
    const responses = ids(1, 50).map(response).join("\n");
    const traces = ids(26, 75).map(traceLine).join("\n");
    const [a, b] = await Promise.all([
      upload(server.url, [{ name: "responses.ndjson", content: responses }]),
      upload(server.url, [{ name: "traces.log", content: traces }]),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.callsAdded + b.body.callsAdded).toBe(75);
    expect(a.body.callsUpdated + b.body.callsUpdated).toBe(25);
    const byCause = async (cause: string) => (await api<CallPage>(`/api/calls?q=overlap-&cause=${cause}&limit=1`)).body.total;
    expect(await byCause("invalid_unspecified")).toBe(25);
    expect(await byCause("invalid_expired_revoked")).toBe(50);
  });
});

describe("bad uploads change nothing", () => {
  /** 3 MiB of trace lines in 256 KiB chunks: past the server's 2 MiB limit. */
  const pastTheLimit = () => Array.from({ length: 12 }, () => Buffer.alloc(256 * 1024, "2026-11-22T09:00:00Z INFO [callId=big] x\n"));

  it("rejects a truncated gzip among good files with 422 naming it, and stores nothing of the others", async () => {
    const before = await tableCounts();
    const good = { name: "fresh.log", content: "2026-11-22T09:00:00Z INFO [callId=fresh-1] Response: 401 nope\n" };
    const truncated = gzipSync(fs.readFileSync(path.join(samplesDir, "gateway-trace.log"))).subarray(0, 120);
    const { status, body } = await upload<ApiError>(server.url, [good, { name: "broken.log.gz", content: truncated }]);
    expect(status).toBe(422);
    expect(body.error.code).toBe("unreadable_file");
    expect(body.error.message).toMatch(/^broken\.log\.gz: byte \d+: /);
    // Whoever runs the server reads it in its log too.
    expect(server.output()).toContain(`POST /api/uploads refused (422 unreadable_file): ${body.error.message}`);
    expect(await tableCounts()).toEqual(before);
    expect((await upload(server.url, [good])).status).toBe(201);
  });

  it("names every file it cannot read with its reason and position, says the readable one was not stored, and stores nothing", async () => {
    const before = await tableCounts();
    const line = (callId: string) => `2026-11-22T09:00:00Z INFO [callId=${callId}] Response: 401 nope\n`;
    const fine = { name: "fine.log", content: line("fine-1") };
    const parts = [
      { name: "evil.log", content: `${line("evil-1")}2026-11-22T09:00:01Z INFO [callId=evil-2] ${"x".repeat(1024 * 1024)}\n` },
      fine,
      { name: "truncated.log.gz", content: gzipSync(fs.readFileSync(path.join(samplesDir, "gateway-trace.log"))).subarray(0, 120) },
      { name: "binary.log", content: Buffer.concat([Buffer.from(line("binary-1")), Buffer.from([0x00, 0x01, 0x0a])]) },
    ];
    const { status, body } = await upload<ApiError>(server.url, parts);
    expect(status).toBe(422);
    // The one-line message still leads with the first file and where it failed.
    expect(body.error).toMatchObject({ code: "unreadable_file", message: "evil.log: line 2: line longer than 1 MiB, and 2 more files cannot be read; nothing was stored" });
    expect(body.error.files).toEqual([
      { name: "evil.log", readable: false, message: "line 2: line longer than 1 MiB" },
      { name: "fine.log", readable: true, message: "readable, but not stored: an upload is stored whole or not at all" },
      { name: "truncated.log.gz", readable: false, message: "byte 120: truncated gzip data" },
      { name: "binary.log", readable: false, message: "line 2: binary data (NUL byte), not a trace" },
    ]);
    expect(await tableCounts()).toEqual(before);
    // Its transaction and the merge lock are gone: the next upload lands.
    const next = await upload(server.url, [fine]);
    expect(next.status).toBe(201);
    await fetch(`${server.url}/api/uploads/${next.body.uploadId}`, { method: "DELETE" });
    expect(await tableCounts()).toEqual(before);
  });

  it("reads on past a file it cannot read, and still stops at the upload's size limit (413)", async () => {
    const before = await tableCounts();
    // Sent chunked (no Content-Length): the limit is passed only by bytes read after the unreadable file.
    const { status, body } = await uploadChunked<ApiError>(server.url, [
      { name: "binary.log", chunks: [Buffer.from([0x00, 0x01, 0x0a])] },
      { name: "big.log", chunks: pastTheLimit() },
    ]);
    expect(status).toBe(413);
    expect(body.error.code).toBe("upload_too_large");
    expect(await tableCounts()).toEqual(before);
  });

  it("rejects a file whose bad line comes deep inside it (after lines were already streamed), and keeps serving", async () => {
    const before = await tableCounts();
    const good = Array.from({ length: 10_000 }, (_, index) => `2026-11-22T09:00:00Z INFO [callId=deep-${index}] Running interceptor: OAuth`).join("\n");
    const content = Buffer.concat([Buffer.from(`${good}\n`), Buffer.from([0xc3, 0x28, 0x0a])]);
    const { status, body } = await upload<ApiError>(server.url, [{ name: "deep.log", content }]);
    expect(status).toBe(422);
    expect(body.error.message).toContain("deep.log: line 10001: invalid UTF-8");
    expect(await tableCounts()).toEqual(before);
    expect((await api("/api/calls?limit=1")).status).toBe(200);
  });

  it("stores nothing of an upload whose client goes away in the middle of a file, and takes the next upload", async () => {
    const before = await tableCounts();
    const boundary = "tracelens-abort-boundary";
    const request = http.request(`${server.url}/api/uploads`, {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "transfer-encoding": "chunked" },
    });
    request.on("error", () => undefined); // the connection is cut on purpose
    request.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.log"\r\n\r\n`);
    const lines = Array.from({ length: 5_000 }, (_, index) => `2026-11-22T09:00:00Z INFO [callId=cut-${index}] Running interceptor: OAuth\n`).join("");
    request.write(lines);
    // Long enough for the server to have read and parsed those lines, not to finish the upload.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    request.destroy();
    // The next upload waits for the cut one's transaction (the merge lock): it lands once that is rolled back.
    const next = await upload(server.url, [{ name: "after-cut.log", content: "2026-11-22T09:00:01Z INFO [callId=after-cut] Response: 200\n" }]);
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ callsAdded: 1 });
    await fetch(`${server.url}/api/uploads/${next.body.uploadId}`, { method: "DELETE" });
    expect(await tableCounts()).toEqual(before);
    // A client going away is an answer like any other, not an exception nothing caught in the server.
    expect(server.output()).not.toMatch(/uncaught/i);
  });

  it("stores fractional durations rounded and an impossible epoch as an unknown field, instead of failing", async () => {
    const text = '2026-11-22T10:00:00Z INFO [callId=num-1] Response: 401 body="nope" duration_ms=3.5\n';
    const json = '{"callId":"num-2","durationMs":12.7,"ts":1763647391482000000,"status":401}\n';
    const { status } = await upload(server.url, [{ name: "numbers.log", content: text }, { name: "numbers.ndjson", content: json }]);
    expect(status).toBe(201);
    const stored = await withClient(database.url, (client) =>
      client.query(`SELECT call_ref, duration_ms, time, extra_fields FROM calls WHERE call_ref LIKE 'num-%' ORDER BY 1`),
    );
    expect(stored.rows).toEqual([
      { call_ref: "num-1", duration_ms: 4, time: new Date("2026-11-22T10:00:00Z"), extra_fields: {} },
      { call_ref: "num-2", duration_ms: 13, time: null, extra_fields: { ts: 1763647391482000000 } },
    ]);
  });

  it("answers 413 past the configured upload size, and 400/415 for bodies that are not uploads", async () => {
    const big = { name: "big.log", content: Buffer.alloc(3 * 1024 * 1024, "x") };
    const { status, body } = await upload<ApiError>(server.url, [big]);
    expect(status).toBe(413);
    expect(body.error.code).toBe("upload_too_large");
    // Sent chunked (no Content-Length): the limit is enforced while the file streams in.
    const streamed = await uploadChunked<ApiError>(server.url, [
      { name: "big.log", chunks: pastTheLimit() },
    ]);
    expect(streamed.status).toBe(413);
    expect(streamed.body.error.code).toBe("upload_too_large");
    const plain = await fetch(`${server.url}/api/uploads`, { method: "POST", body: "hello", headers: { "content-type": "text/plain" } });
    expect(plain.status).toBe(415);
    const before = await tableCounts();
    const empty = await fetch(`${server.url}/api/uploads`, { method: "POST", body: new FormData() });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toEqual({ code: "no_file", message: 'the upload holds no file: send them in the multipart field "file"' });
    expect(await tableCounts()).toEqual(before);
    expect((await fetch(`${server.url}/api/uploads/not-a-uuid`, { method: "DELETE" })).status).toBe(404);
    expect((await fetch(`${server.url}/api/uploads/00000000-0000-4000-8000-000000000000/removal`)).status).toBe(404);
  });
});
