import { beforeAll, describe, expect, it } from "vitest";
import { InvalidFilterError, listGatewayEvents, parseEventFilters, readExplorerView, type GatewayEventsPage } from "../../lib/explorer";
import { ingestTrace } from "../support/ingest-trace";
import { useTestDatabase } from "../support/test-database";

// Every upload's gateway events (lines that name no call), as the /events page and GET /api/events list them.
const database = useTestDatabase();

const call = (ref: string, time: string) => [`${time} INFO [callId=${ref}] Request: GET /orders api="Orders"`, `${time} INFO [callId=${ref}] Response: 401 body="no"`].join("\n");

const RELOADED = "2026-11-20T14:00:00Z INFO Gateway node gw-1 reloaded 3 APIs";
const SLOW = "2026-11-20T14:02:00Z WARN Token store tokens-db slow to answer";
const UNREACHABLE = "2026-11-20T14:03:00Z ERROR Token store tokens-db unreachable";
const BUSY = "2026-11-20T14:04:00Z WARNING Gateway node gw-1 at 100%_busy";
const OUT_OF_MEMORY = "2026-11-20T14:03:30Z FATAL Gateway node gw-3 out of memory";
const HEARTBEAT = "2026-11-20T14:05:00Z DEBUG Gateway node GW-3 heartbeat";

const uploads = new Map<string, string>();

beforeAll(async () => {
  await ingestTrace(database.url, "gw-a.log", [RELOADED, call("c-1", "2026-11-20T14:01:00Z"), SLOW, UNREACHABLE, BUSY].join("\n"));
  await ingestTrace(database.url, "gw-b.log", [OUT_OF_MEMORY, HEARTBEAT].join("\n"));
  // The failure's line shipped again in a later upload (logs sent twice): still one event, from the first file by name.
  await ingestTrace(database.url, "shipped-again.log", `${UNREACHABLE}\n`);
  for (const { id, name } of await database.db.upload.findMany({ select: { id: true, name: true } })) uploads.set(name, id);
});

const list = (params: Record<string, string | string[]>, now?: Date) => listGatewayEvents(database.db, parseEventFilters(params), now);
const texts = (page: GatewayEventsPage) => page.events.map((event) => event.text);

describe("every upload's gateway events", () => {
  it("lists them newest first, each with its file, line, time, level and upload, a line two uploads hold once, with an exact total", async () => {
    const page = await list({});
    expect(texts(page)).toEqual([HEARTBEAT, BUSY, OUT_OF_MEMORY, UNREACHABLE, SLOW, RELOADED]);
    expect(page).toMatchObject({ total: 6, offset: 0, nextCursor: null, prevCursor: null });
    expect(page.events[0]).toEqual({ file: "gw-b.log", line: 2, time: "2026-11-20T14:05:00.000Z", level: "DEBUG", text: HEARTBEAT, upload: { id: uploads.get("gw-b.log"), name: "gw-b.log" } });
    expect(page.events[3]).toMatchObject({ file: "gw-a.log", line: 5, upload: { id: uploads.get("gw-a.log"), name: "gw-a.log" } });
  });

  it.each([
    [["error"], [OUT_OF_MEMORY, UNREACHABLE]],
    [["warn"], [BUSY, SLOW]],
    [["other"], [HEARTBEAT, RELOADED]],
    [["error", "warn"], [BUSY, OUT_OF_MEMORY, UNREACHABLE, SLOW]],
  ])("keeps to the levels asked for (level=%s), as the chart ranks them", async (level, expected) => {
    const page = await list({ level });
    expect(texts(page)).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });

  it("finds a text anywhere in a line, in any case, its % and _ taken as typed", async () => {
    expect(texts(await list({ q: "gw-3" }))).toEqual([HEARTBEAT, OUT_OF_MEMORY]);
    expect(texts(await list({ q: "%_" }))).toEqual([BUSY]);
    expect(texts(await list({ q: "TOKENS-DB", level: "error" }))).toEqual([UNREACHABLE]);
    expect((await list({ q: "nowhere" })).total).toBe(0);
  });

  it("keeps to a time window (to left out, a relative range counting back from now) and to uploads", async () => {
    expect(texts(await list({ from: "2026-11-20T14:02:00Z", to: "2026-11-20T14:04:00Z" }))).toEqual([OUT_OF_MEMORY, UNREACHABLE, SLOW]);
    expect(texts(await list({ range: "1h" }, new Date("2026-11-20T15:03:45Z")))).toEqual([HEARTBEAT, BUSY]);
    expect(texts(await list({ upload: uploads.get("gw-b.log") ?? "" }))).toEqual([HEARTBEAT, OUT_OF_MEMORY]);
    // The upload that shipped the line again lists it when asked alone.
    expect(texts(await list({ upload: [uploads.get("shipped-again.log") ?? "", uploads.get("gw-b.log") ?? ""] }))).toEqual([HEARTBEAT, OUT_OF_MEMORY, UNREACHABLE]);
  });

  it("pages with a cursor through every event once, and back", async () => {
    const pages: GatewayEventsPage[] = [await list({ limit: "4" })];
    for (let next = pages[0]?.nextCursor; next; next = pages.at(-1)?.nextCursor) pages.push(await list({ limit: "4", cursor: next }));
    expect(pages.map((page) => [page.offset, page.events.length, page.total])).toEqual([[0, 4, 6], [4, 2, 6]]);
    expect(pages.flatMap(texts)).toEqual(texts(await list({})));
    expect(await list({ limit: "4", cursor: pages[1]?.prevCursor ?? "" })).toEqual(pages[0]);
  });

  it("lists a line its file repeats as often as the file holds it, and once more only where another file holds it more often (as the chart counts it)", async () => {
    const burst = "2026-11-21T08:00:00.001Z WARN Gateway node gw-7 reloaded 2 APIs";
    await ingestTrace(database.url, "burst-a.log", `${[burst, burst, burst].join("\n")}\n`);
    await ingestTrace(database.url, "burst-b.log", `${[burst, burst].join("\n")}\n`);
    try {
      const page = await list({ q: "gw-7" });
      expect(page.events.map((event) => [event.file, event.line])).toEqual([["burst-a.log", 3], ["burst-a.log", 2], ["burst-a.log", 1]]);
      expect(page.total).toBe(3);
    } finally {
      await database.db.upload.deleteMany({ where: { name: { startsWith: "burst-" } } });
    }
  });

  it.each([
    [{ colour: "red" }, "colour", 'unknown parameter "colour"'],
    [{ level: "debug" }, "level", '"level": "debug" is not an event level; known: error, warn, other'],
    [{ range: "1h", from: "2026-11-20" }, "range", "use one or the other"],
    [{ from: "2026-11-21", to: "2026-11-20" }, "to", 'a time after "from"'],
    [{ upload: "gw-a.log" }, "upload", "is not an upload id"],
    [{ q: ["a", "b"] }, "q", 'parameter "q" may be given only once'],
  ])("refuses %j naming the parameter", (params, parameter, message) => {
    const refusal = (() => {
      try {
        parseEventFilters(params);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(InvalidFilterError);
    expect(refusal).toMatchObject({ parameter, message: expect.stringContaining(message) });
  });
});

describe("a search of calls that finds none", () => {
  it("links to the gateway events it finds, under the view's window and uploads", async () => {
    const view = await readExplorerView(database.db, { q: "gw-3", upload: uploads.get("gw-b.log") ?? "", sort: "time" });
    expect(view.calls?.page.total).toBe(0);
    expect(view.gatewayEventsHref).toBe(`/events?q=gw-3&upload=${uploads.get("gw-b.log")}`);
  });

  it("links nowhere when no event matches either, or when calls do", async () => {
    expect((await readExplorerView(database.db, { q: "gw-3", range: "15m" }, new Date("2026-11-20T16:00:00Z"))).gatewayEventsHref).toBeNull();
    expect((await readExplorerView(database.db, { q: "nowhere" })).gatewayEventsHref).toBeNull();
    const found = await readExplorerView(database.db, { q: "orders" });
    expect([found.calls?.page.total, found.gatewayEventsHref]).toEqual([1, null]);
  });
});
