import { beforeAll, expect, it } from "vitest";
import { parseCallFilters, readExplorerView } from "../../lib/explorer";
import { ingestTrace } from "../support/ingest-trace";
import { useTestDatabase } from "../support/test-database";

// Unexplained 401s (no credential message names their cause) told apart by what the backend answered.
const database = useTestDatabase();

const call = (ref: string, status: number, body: string) =>
  [`2026-11-20T14:00:00Z INFO [callId=${ref}] Request: GET /orders api="Orders"`, `2026-11-20T14:00:01Z INFO [callId=${ref}] Response: ${status} body="${body}"`].join("\n");
const trace = [
  call("u-1", 401, "backend: session expired"),
  call("u-2", 401, "backend: session expired"),
  call("u-3", 401, "  backend: session expired  "),
  call("u-4", 401, "upstream auth failed"),
  call("u-6", 401, "😀".repeat(150)),
  call("u-5", 401, ""),
  call("k-1", 401, "Access Token in the request, identified by HEADER access_token, is invalid"),
  call("ok-1", 200, "backend: session expired"),
  // A call whose trace mentions the body, answered otherwise: a search finds it, the body filter does not.
  '2026-11-20T14:00:00Z INFO [callId=t-1] Note: upstream said "backend: session expired" once',
  call("t-1", 200, "{}"),
].join("\n");

beforeAll(() => ingestTrace(database.url, "bodies.log", trace));

it("ranks the bodies of the view's unexplained 401s, blanks around them left out, and none of other causes or of calls not rejected", async () => {
  const view = await readExplorerView(database.db, {});
  expect(view.calls?.charts.unexplainedBodies).toEqual([
    { value: "backend: session expired", count: 3 },
    { value: "upstream auth failed", count: 1 },
    { value: "😀".repeat(100), count: 1 },
  ]);
  // Each row links to the `body` filter, which finds exactly the calls answered so, and not a call whose trace only mentions the text.
  for (const { value, count } of view.calls?.charts.unexplainedBodies ?? []) {
    const filtered = await readExplorerView(database.db, { body: value ?? undefined, rejected: "true" });
    expect(filtered.calls?.page.total).toBe(count);
  }
  const answeredSo = await readExplorerView(database.db, { body: "backend: session expired" });
  expect(answeredSo.calls?.page.items.map((item) => item.callId).sort()).toEqual(["ok-1", "u-1", "u-2", "u-3"]);
  const searched = await readExplorerView(database.db, { q: "backend: session expired" });
  expect(searched.calls?.page.items.map((item) => item.callId)).toContain("t-1");
});

it("is empty under a filter that leaves no unexplained 401", async () => {
  const view = await readExplorerView(database.db, { cause: "invalid_unspecified" });
  expect(view.calls?.charts.unexplainedBodies).toEqual([]);
});
