import { beforeAll, describe, expect, it } from "vitest";
import { exportCalls, listCalls, parseCallFilters, readFacets } from "../../lib/explorer";
import { searchOnce } from "../../lib/explorer/search";
import { ingestTrace } from "../support/ingest-trace";
import { useTestDatabase } from "../support/test-database";

// The explorer's text search, run once for a whole view (searchOnce) and
// shared by its queries, must find exactly what each query finds searching
// on its own.
const database = useTestDatabase();

const line = (ref: number, message: string) => `2026-11-20T14:00:${String(ref % 60).padStart(2, "0")}Z INFO [callId=s-${ref}] ${message}`;
const trace = Array.from({ length: 300 }, (_, ref) => [
  line(ref, `Request: GET /orders/${ref}${ref % 7 === 0 ? "/100%_done" : ""} api="Orders"`),
  line(ref, ref % 5 === 0 ? "TokenStore lookup failed" : "cache hit"),
  line(ref, `Response: ${ref % 3 === 0 ? 401 : 200} body="${ref % 11 === 0 ? "quota_exceeded" : "ok"}"`),
]).flat().join("\n");

beforeAll(() => ingestTrace(database.url, "search.log", trace));

const refsOf = (items: Array<{ callId: string }>) => items.map((item) => item.callId).sort();

describe("text search shared by a view's queries", () => {
  it.each([
    ["tokenstore", 60, "none"], // a trace line, any case
    ["quota_exceeded", 28, "none"], // a response body; "_" is a character, not a wildcard
    ["100%_done", 43, "none"], // a URI; "%" too
    ["nowhere to be found", 0, "matching"],
    ["2026-11-20", 300, "notMatching"], // every call
  ])("finds the same calls for q=%s shared as searched by each query (%i calls)", async (q, expected, sharedWhenTight) => {
    const filters = parseCallFilters({ q, limit: "1000" });
    const shared = await searchOnce(database.db, filters);
    expect(shared.sharedSearch).toEqual({ matching: expect.any(Array) });
    // Too many matches to pass around: shared as the calls that do not match, or not at all.
    const tight = await searchOnce(database.db, filters, Math.max(expected - 1, 0));
    expect(tight.sharedSearch === null ? "none" : Object.keys(tight.sharedSearch ?? {})[0]).toBe(sharedWhenTight);
    const views = [filters, shared, tight];
    const lists = await Promise.all(views.map((view) => listCalls(database.db, view)));
    expect(lists[0]?.total).toBe(expected);
    for (const list of lists) expect(refsOf(list.items)).toEqual(refsOf(lists[0]?.items ?? []));
    const facets = await Promise.all(views.map((view) => readFacets(database.db, view)));
    for (const facet of facets) expect(facet).toEqual(facets[0]);
    let exported = "";
    for await (const chunk of exportCalls(database.db, filters, "ndjson")) exported += chunk;
    const exportedCalls = exported.split("\n").filter(Boolean).map((text) => JSON.parse(text) as { callId: string });
    expect(refsOf(exportedCalls)).toEqual(refsOf(lists[0]?.items ?? []));
  });
});
