import { expect, test, type Page } from "@playwright/test";
import { generatedTrace } from "../test/support/generated-trace";
import { open } from "./support/open";
import { useUploadedTrace } from "./support/uploaded-trace";

// A burst of 2,000 calls at 10:00, three rejections at 10:05 that a linear
// axis drew under a pixel high, and the gateway's own lines between them.
const call = (ref: string, time: string, status: number) =>
  [`${time} INFO [callId=${ref}] Request: GET /loans/v1/offers api="Loans"`, `${time} INFO [callId=${ref}] Response: ${status} body="no"`].join("\n");
const burst = Array.from({ length: 2_000 }, (_, i) => call(`burst-${i}`, `2026-11-23T10:00:0${i % 10}Z`, i % 4 === 0 ? 200 : 401));
const trace = [
  ...burst,
  "2026-11-23T10:02:00Z WARN Gateway node gw-2 slow to reload its APIs",
  "2026-11-23T10:04:58Z ERROR Token store tokens-db unreachable",
  ...["late-1", "late-2", "late-3"].map((ref) => call(ref, "2026-11-23T10:05:00Z", 401)),
].join("\n");

test.use({ timezoneId: "UTC" });
const uploadId = useUploadedTrace("chart-events.log", trace);

const chart = (page: Page) => page.getByRole("figure", { name: "Calls over time" });

test("a period of three rejections beside one of 2,000 calls still shows a bar", async ({ page }) => {
  await open(page, `/?upload=${uploadId()}`);
  const bars = chart(page).locator(".recharts-bar-rectangle path");
  // The burst's two parts (rejected, not rejected) and the three late rejections.
  await expect(bars).toHaveCount(3);
  const heights = await bars.evaluateAll((paths) => paths.map((path) => (path as SVGGraphicsElement).getBBox().height));
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(3);
  // Drawn taller than its count, but said as it is.
  await chart(page).getByText("Show as a table").click();
  await expect(chart(page).getByRole("row", { name: /10:05:00/ }).getByRole("cell").first()).toHaveText("3");
});

test("gateway events are marked on the chart by period, coloured by the worst, described under the pointer, and a click zooms to their period", async ({ page }) => {
  await open(page, `/?upload=${uploadId()}`);
  const markers = chart(page).getByRole("img", { name: /gateway event/ });
  await expect(markers).toHaveCount(2);
  const error = chart(page).getByRole("img", { name: "1 gateway event, ERROR or FATAL" });
  await expect(error).toHaveAttribute("data-severity", "error");
  await expect(chart(page).getByRole("img", { name: "1 gateway event, WARN" })).toHaveAttribute("data-severity", "warning");

  // On its flag: the middle of its box is a gap in its dashed line.
  const flag = { position: { x: 5, y: 3 } };
  await error.hover(flag);
  const tooltip = page.locator(".chart-tooltip");
  await expect(tooltip).toContainText("2026-11-23 10:04:50");
  await expect(tooltip).toContainText("ERROR Token store tokens-db unreachable");
  await expect(tooltip).toContainText("only its time and upload apply");

  await error.click(flag);
  await expect(page).toHaveURL(/from=2026-11-23T10%3A04%3A50\.000Z&to=2026-11-23T10%3A05%3A00\.000Z/);
  // The period held the event and no call: zoomed in, the event is still there to see.
  await expect(chart(page).getByRole("img", { name: "1 gateway event, ERROR or FATAL" })).toHaveCount(1);
});

test("the chart's table has a column of gateway events, each period's linking to the page of the upload holding them", async ({ page }) => {
  await open(page, `/?upload=${uploadId()}`);
  await chart(page).getByText("Show as a table").click();
  await expect(chart(page).getByRole("columnheader", { name: "Gateway events" })).toBeVisible();
  const row = chart(page).getByRole("row", { name: /10:04:50/ });
  await expect(row).toContainText("1 gateway event, ERROR or FATAL");
  await expect(row).toContainText("Token store tokens-db unreachable");
  await expect(chart(page).getByRole("row", { name: /All periods/ }).getByRole("cell").last()).toHaveText("2");
  await row.getByRole("link", { name: "Gateway events of chart-events.log" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Upload chart-events.log");
});

test.describe("in Tokyo", () => {
  test.use({ timezoneId: "Asia/Tokyo" });

  test("the events page shows each event's date and time in the zone chosen, and opens the calls around it", async ({ page }) => {
    await open(page, `/uploads/${uploadId()}`);
    await expect(page.getByRole("region", { name: "Gateway events" })).toContainText("Asia/Tokyo");
    const line = page.getByRole("list", { name: "Trace" }).getByRole("listitem").filter({ hasText: "tokens-db unreachable" });
    await expect(line).toContainText("2026-11-23 19:04:58.000");
    await line.getByRole("link", { name: "calls around this time" }).click();
    await expect(page).toHaveURL(/\/\?from=2026-11-23T10%3A03%3A58\.000Z&to=2026-11-23T10%3A09%3A58\.000Z$/);
    await expect(page.getByTestId("total")).toHaveText("3");
  });
});

test.describe("the chart's table beside all six causes", () => {
  // A generated trace (its calls of every cause, and its gateway reloads, at 14:00:00) and another node's errors in that second, each a long line, before two calls that make periods of calls alone.
  const STORE_DOWN = `2026-11-20T14:00:00.000Z ERROR Token store tokens-db unreachable: ${"connection refused by 10.0.3.17:5432, retrying in 250 ms; ".repeat(3)}giving up`;
  const uploads: string[] = [];

  test.use({ viewport: { width: 1280, height: 900 } });
  test.beforeAll(async ({ request }) => {
    const files = [
      { name: "generated.log", buffer: await generatedTrace(150_000) },
      { name: "other-node.log", buffer: Buffer.from([STORE_DOWN, `${STORE_DOWN} (again)`, call("calm-1", "2026-11-20T14:00:05Z", 200), call("calm-2", "2026-11-20T14:00:09Z", 401), ""].join("\n")) },
    ];
    for (const { name, buffer } of files) {
      const response = await request.post("/api/uploads", { multipart: { file: { name, mimeType: "text/plain", buffer } } });
      expect(response.status()).toBe(201);
      uploads.push((await response.json()).uploadId);
    }
  });
  test.afterAll(async ({ request }) => {
    for (const id of uploads) await request.delete(`/api/uploads/${id}`);
  });

  test("fits its card on a laptop, a period's gateway events in two lines: how many, one link, the first of the worst cut short", async ({ page }) => {
    await open(page, `/?${uploads.map((id) => `upload=${id}`).join("&")}`);
    await chart(page).getByText("Show as a table").click();
    const scroll = chart(page).locator(".chart-table-scroll");
    await expect(chart(page).getByRole("columnheader")).toHaveCount(10);
    // No sideways scroll: every column and its total in sight.
    expect(await scroll.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(0);

    const row = chart(page).getByRole("row").filter({ hasText: "gateway events, 2 ERROR or FATAL" });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("link")).toHaveCount(1);
    await expect(row.getByRole("link", { name: "Gateway events of other-node.log" })).toBeVisible();
    await expect(row).toContainText("and 1 more upload");
    await expect(row.getByTitle(STORE_DOWN)).toBeVisible();
    await expectRowsOfTwoLinesAtMost(page);

    // On a phone the table scrolls sideways in its box, as it did, and its rows stay as short.
    await page.setViewportSize({ width: 390, height: 844 });
    await expectRowsOfTwoLinesAtMost(page);
  });
});

/** Each period's row is one or two lines high: no taller than two of its shortest. */
async function expectRowsOfTwoLinesAtMost(page: Page) {
  const heights = await chart(page).locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().height));
  expect(Math.max(...heights)).toBeLessThanOrEqual(2 * Math.min(...heights));
}
