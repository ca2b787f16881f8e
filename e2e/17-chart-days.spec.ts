import { expect, test, type Page } from "@playwright/test";
import { open } from "./support/open";
import { useUploadedTrace } from "./support/uploaded-trace";

// A call every quarter hour from 14:15 on 20 Nov to 09:00 on 21 Nov (UTC): a view that spans midnight.
const trace = Array.from({ length: 76 }, (_, i) => {
  const time = new Date(Date.UTC(2026, 10, 20, 14, 15 + 15 * i)).toISOString();
  return [`${time} INFO [callId=overnight-${i}] Request: GET /loans/v1/offers api="Loans"`, `${time} INFO [callId=overnight-${i}] Response: ${i % 3 ? 200 : 401} body="no"`].join("\n");
}).join("\n");

test.use({ viewport: { width: 1280, height: 800 }, timezoneId: "Asia/Tokyo" });
const uploadId = useUploadedTrace("overnight.log", trace);

const ticks = (page: Page) => page.getByRole("figure", { name: "Calls over time" }).locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value");

/** The ticks' labels, once the axis has its width, and whether any two of them overlap. */
async function readAxis(page: Page) {
  await expect(ticks(page).first()).toBeVisible();
  const boxes = await ticks(page).evaluateAll((texts) => texts.map((text) => ({ label: text.textContent ?? "", ...text.getBoundingClientRect().toJSON() })));
  const overlapping = boxes.some((box, i) => i > 0 && (boxes[i - 1]?.right ?? 0) > box.left);
  return { labels: boxes.map((box) => box.label), overlapping };
}

test("a chart across midnight dates its first tick and the first tick of the next day, in the zone the page shows times in", async ({ page }) => {
  await open(page, `/?upload=${uploadId()}`);
  // In Tokyo the calls run from 23:15 on 20 Nov to 18:00 on 21 Nov.
  let axis = await readAxis(page);
  expect(axis.labels[0]).toMatch(/^21 Nov \d\d:\d\d$/);
  expect(axis.labels.slice(1).every((label) => /^\d\d:\d\d$/.test(label))).toBe(true);
  expect(axis.overlapping).toBe(false);

  await page.getByRole("group", { name: "Show times in" }).getByRole("button", { name: "UTC" }).click();
  await expect(ticks(page).first()).toHaveText(/^20 Nov \d\d:\d\d$/);
  axis = await readAxis(page);
  const nextDay = axis.labels.findIndex((label) => label.startsWith("21 Nov"));
  expect(nextDay).toBeGreaterThan(0);
  // Within each day, times alone, running on; the date comes back where the day turns.
  expect(axis.labels.filter((label) => /Nov/.test(label))).toHaveLength(2);
  expect(axis.labels[nextDay - 1]).toMatch(/^2\d:\d\d$/);
  expect(axis.overlapping).toBe(false);

  // On a phone fewer ticks, each day still dated.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(async () => (await readAxis(page)).labels.length).toBeLessThan(axis.labels.length);
  axis = await readAxis(page);
  expect(axis.labels.filter((label) => /Nov/.test(label))).toEqual([expect.stringMatching(/^20 Nov/), expect.stringMatching(/^21 Nov/)]);
  expect(axis.overlapping).toBe(false);
});
