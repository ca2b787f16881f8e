import { beforeAll, describe, expect, it } from "vitest";
import { parseCallFilters, readHistogram, type HistogramBucket } from "../../lib/explorer";
import { ingestTrace } from "../support/ingest-trace";
import { useTestDatabase } from "../support/test-database";

// Gateway events (lines that name no call) on the "Calls over time" chart: counted by period, under the view's time and upload alone.
const database = useTestDatabase();

const call = (ref: string, time: string, status: number, api = "Orders") =>
  [`${time} INFO [callId=${ref}] Request: GET /orders api="${api}"`, `${time} INFO [callId=${ref}] Response: ${status} body="no"`].join("\n");

// Calls from 14:00:10 to 14:09:40 (10-second bars); a token store failing at 14:05:2x, amid a reload and a warning.
const gateway = [
  call("e-1", "2026-11-20T14:00:10Z", 401),
  "2026-11-20T14:03:00Z INFO Gateway node gw-1 reloaded 3 APIs",
  "2026-11-20T14:05:21Z WARN Token store tokens-db slow to answer",
  "2026-11-20T14:05:22Z INFO Gateway node gw-2 reloaded 14 APIs",
  "2026-11-20T14:05:25Z ERROR Token store tokens-db unreachable",
  call("e-2", "2026-11-20T14:05:26Z", 401),
  call("e-3", "2026-11-20T14:09:40Z", 200, "Payments"),
  // Before the first call: off the axis of a view with no time window.
  "2026-11-20T13:00:00Z ERROR Gateway node gw-1 lost its configuration",
].join("\n");
// Another upload, of another node: an event in the same period, and no call.
const otherNode = "2026-11-20T14:05:29Z FATAL Gateway node gw-3 out of memory";

let gatewayUpload = "";

beforeAll(async () => {
  await ingestTrace(database.url, "gateway.log", gateway);
  await ingestTrace(database.url, "other-node.log", otherNode);
  // The reload's line shipped again in a later upload (logs sent twice, a rotated file): still one event.
  await ingestTrace(database.url, "shipped-again.log", "2026-11-20T14:03:00Z INFO Gateway node gw-1 reloaded 3 APIs\n");
  const uploads = await database.db.upload.findMany({ select: { id: true, name: true } });
  gatewayUpload = uploads.find((upload) => upload.name === "gateway.log")?.id ?? "";
});

const withEvents = (buckets: HistogramBucket[]) => buckets.flatMap((bucket) => (bucket.events ? [{ start: bucket.start, ...bucket.events }] : []));

describe("gateway events on the chart", () => {
  it("counts a period's events (a line overlapping uploads hold once) with the worst of them, the first of the worst in trace order (their lines as stored), and the uploads that hold them, the first of the worst's first", async () => {
    const { bucketSeconds, buckets } = await readHistogram(database.db, parseCallFilters({}));
    expect(bucketSeconds).toBe(10);
    expect(withEvents(buckets)).toEqual([
      { start: "2026-11-20T14:03:00.000Z", count: 1, severity: "other", worstCount: 1, worst: [{ level: "INFO", text: "2026-11-20T14:03:00Z INFO Gateway node gw-1 reloaded 3 APIs" }], uploads: [{ id: gatewayUpload, name: "gateway.log" }] },
      {
        start: "2026-11-20T14:05:20.000Z",
        count: 4,
        severity: "error",
        worstCount: 2,
        worst: [
          { level: "ERROR", text: "2026-11-20T14:05:25Z ERROR Token store tokens-db unreachable" },
          { level: "FATAL", text: "2026-11-20T14:05:29Z FATAL Gateway node gw-3 out of memory" },
        ],
        // The one holding the first of the worst first: the chart's table links to it.
        uploads: [{ id: gatewayUpload, name: "gateway.log" }, expect.objectContaining({ name: "other-node.log" })],
      },
    ]);
    // The period of the failure also keeps its call: events are beside the bars, never counted in them.
    expect(buckets.find((bucket) => bucket.start === "2026-11-20T14:05:20.000Z")?.counts).toEqual({ unknown: 1 });
  });

  it("keeps to the view's upload and time window, but not to its filters of calls, which events do not have", async () => {
    const counts = async (params: Record<string, string>) => withEvents((await readHistogram(database.db, parseCallFilters(params))).buckets).map(({ start, count }) => [start, count]);
    expect(await counts({ upload: gatewayUpload })).toEqual([
      ["2026-11-20T14:03:00.000Z", 1],
      ["2026-11-20T14:05:20.000Z", 3],
    ]);
    // The Payments call alone spans one period, so the axis is the calls of Orders': every event on it is counted.
    expect(await counts({ api: "Orders", rejected: "true" })).toEqual([
      ["2026-11-20T14:03:00.000Z", 1],
      ["2026-11-20T14:05:20.000Z", 4],
    ]);
    // Minute bars, and a window that starts inside the minute of 14:05: the warning before it is left out, as a call before it would be.
    expect(await counts({ from: "2026-11-20T14:05:22Z", to: "2026-11-20T14:20:00Z" })).toEqual([["2026-11-20T14:05:00.000Z", 3]]);
  });

  it("draws a window that holds events and no call, so that zooming into a period of events alone shows them", async () => {
    const { buckets } = await readHistogram(database.db, parseCallFilters({ from: "2026-11-20T12:59:00Z", to: "2026-11-20T13:01:00Z" }));
    expect(buckets.some((bucket) => bucket.notRejected > 0 || Object.keys(bucket.counts).length > 0)).toBe(false);
    expect(withEvents(buckets).map(({ start, count, severity }) => [start, count, severity])).toEqual([["2026-11-20T13:00:00.000Z", 1, "error"]]);
    const empty = await readHistogram(database.db, parseCallFilters({ from: "2026-11-20T12:00:00Z", to: "2026-11-20T12:30:00Z" }));
    expect(empty.buckets).toEqual([]);
  });
});

describe("a line a file repeats", () => {
  // A reload logged three times and an error twice within one millisecond, as a gateway in trouble writes them.
  const RELOAD = "2026-11-21T09:00:00.000Z INFO Gateway node gw-1 reloaded 3 APIs";
  const STORE_DOWN = "2026-11-21T09:00:00.000Z ERROR Token store tokens-db unreachable";
  const lines = (line: string, copies: number) => Array.from({ length: copies }, () => line);
  let burstUpload = "";

  beforeAll(async () => {
    await ingestTrace(database.url, "burst.log", [...lines(RELOAD, 3), ...lines(STORE_DOWN, 2), ""].join("\n"));
    // The same burst shipped again, cut otherwise: two of the reloads, and four of the errors where burst.log kept two.
    await ingestTrace(database.url, "burst-again.log", [...lines(RELOAD, 2), ...lines(STORE_DOWN, 4), ""].join("\n"));
    burstUpload = (await database.db.upload.findFirst({ where: { name: "burst.log" }, select: { id: true } }))?.id ?? "";
  });

  const burstPeriod = async (params: Record<string, string>) => {
    const { buckets } = await readHistogram(database.db, parseCallFilters({ from: "2026-11-21T08:59:00Z", to: "2026-11-21T09:01:00Z", ...params }));
    return withEvents(buckets).map(({ start, count, severity, worstCount }) => ({ start, count, severity, worstCount }));
  };

  it("counts each of its copies, as the upload's events page lists them", async () => {
    expect(await burstPeriod({ upload: burstUpload })).toEqual([{ start: "2026-11-21T09:00:00.000Z", count: 5, severity: "error", worstCount: 2 }]);
  });

  it("counts as many copies as the file holding it most often has, where overlapping uploads both hold it", async () => {
    expect(await burstPeriod({})).toEqual([{ start: "2026-11-21T09:00:00.000Z", count: 7, severity: "error", worstCount: 4 }]);
  });
});
