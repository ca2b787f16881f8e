import { beforeAll, describe, expect, it } from "vitest";
import { parseCallFilters, readHistogram } from "../../lib/explorer";
import { ingestTrace } from "../support/ingest-trace";
import { useTestDatabase } from "../support/test-database";

// The "Calls over time" chart: what it counts and where its bars fall.
const database = useTestDatabase();

const call = (ref: string, time: string, status: number) =>
  [`${time} INFO [callId=${ref}] Request: GET /orders api="Orders"`, `${time} INFO [callId=${ref}] Response: ${status} body="no"`].join("\n");
// Rejections at 14:00 and 14:05 and a burst at 14:09, with nothing between: the chart must show the quiet minutes.
const trace = [
  call("h-1", "2026-11-20T14:00:10Z", 401),
  call("h-2", "2026-11-20T14:05:20Z", 401),
  call("h-3", "2026-11-20T14:09:30Z", 401),
  call("h-4", "2026-11-20T14:09:40Z", 401),
  call("h-5", "2026-11-20T14:03:00Z", 200),
].join("\n");

beforeAll(() => ingestTrace(database.url, "chart.log", trace));

describe("calls over time", () => {
  it("has a bar for every interval from the first rejection to the last, empty where none fell, so gaps show as gaps", async () => {
    const histogram = await readHistogram(database.db, parseCallFilters({}));
    expect(histogram.bucketSeconds).toBe(10);
    const starts = histogram.buckets.map((bucket) => Date.parse(bucket.start));
    expect(starts[0]).toBe(Date.parse("2026-11-20T14:00:10Z"));
    expect(starts.at(-1)).toBe(Date.parse("2026-11-20T14:09:40Z"));
    expect(starts.slice(1).every((start, i) => start - (starts[i] ?? 0) === 10_000)).toBe(true);
    const counted = histogram.buckets.map((bucket) => bucket.counts.unknown ?? 0);
    expect(counted.reduce((sum, count) => sum + count, 0)).toBe(4);
    expect(counted.filter((count) => count === 0).length).toBe(histogram.buckets.length - 4);
  });

  it("counts the calls not rejected beside the rejections, so that traffic can be told from failures, each under the view's own filter", async () => {
    const notRejected = async (rejected?: string) => {
      const { buckets } = await readHistogram(database.db, parseCallFilters(rejected === undefined ? {} : { rejected }));
      return { notRejected: buckets.filter((bucket) => bucket.notRejected > 0).map((bucket) => [bucket.start, bucket.notRejected]), rejections: buckets.filter((bucket) => Object.keys(bucket.counts).length > 0).length };
    };
    expect(await notRejected()).toEqual({ notRejected: [["2026-11-20T14:03:00.000Z", 1]], rejections: 4 });
    expect(await notRejected("false")).toEqual({ notRejected: [["2026-11-20T14:03:00.000Z", 1]], rejections: 0 });
    expect(await notRejected("true")).toEqual({ notRejected: [], rejections: 4 });
  });

  it("spans the view's time window, not only the calls in it: the last hour reads as an hour though its calls fill ten minutes", async () => {
    const now = new Date("2026-11-20T14:30:00Z");
    const histogram = await readHistogram(database.db, parseCallFilters({ range: "1h" }), now);
    expect(histogram.bucketSeconds).toBe(60);
    expect(histogram.buckets[0]?.start).toBe("2026-11-20T13:30:00.000Z");
    expect(histogram.buckets.at(-1)?.start).toBe("2026-11-20T14:30:00.000Z");
    const fixed = await readHistogram(database.db, parseCallFilters({ from: "2026-11-20T13:00:00Z", to: "2026-11-20T16:00:00Z" }));
    expect([fixed.buckets[0]?.start, fixed.buckets.at(-1)?.start]).toEqual(["2026-11-20T13:00:00.000Z", "2026-11-20T15:55:00.000Z"]);
    expect(fixed.buckets.reduce((sum, bucket) => sum + (bucket.counts.unknown ?? 0) + bucket.notRejected, 0)).toBe(5);
    // Calls after "now" (a gateway clock ahead) are in a relative range, and on its chart.
    const early = await readHistogram(database.db, parseCallFilters({ range: "1h" }), new Date("2026-11-20T14:05:00Z"));
    expect(early.buckets.reduce((sum, bucket) => sum + (bucket.counts.unknown ?? 0) + bucket.notRejected, 0)).toBe(5);
  });
});
