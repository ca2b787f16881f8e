import { expect, test, type Page } from "@playwright/test";
import { open } from "./support/open";
import { useUploadedTrace } from "./support/uploaded-trace";

// A hundred rejections: more rows than a window holds, so the calls table scrolls.
const trace = Array.from({ length: 100 }, (_, i) => {
  const time = new Date(Date.UTC(2026, 10, 24, 9, 0, i)).toISOString();
  return [`${time} INFO [callId=scrolled-${i}] Request: GET /loans/v1/offers/${i} api="Loans" app="Mobile App"`, `${time} INFO [callId=scrolled-${i}] Response: 401 body="no"`].join("\n");
}).join("\n");

const uploadId = useUploadedTrace("scrolled.log", trace);

/** The header cells that the site header hides: a click at the middle of each lands on something else. */
const coveredHeaders = (page: Page) =>
  page.locator(".calls-table th").evaluateAll((cells) => {
    const siteHeader = document.querySelector(".app-header")?.getBoundingClientRect().bottom ?? 0;
    return cells.flatMap((cell) => {
      const box = cell.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return box.top < siteHeader || !hit || !cell.contains(hit) ? [cell.textContent] : [];
    });
  });

for (const { width, height } of [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
  { width: 800, height: 1000 },
]) {
  test(`at ${width} × ${height}, scrolled down to the calls and through them, the table's column titles stand whole below the site header`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await open(page, `/?upload=${uploadId()}&rejected=true`);
    await expect(page.getByTestId("total")).toHaveText("100");
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await coveredHeaders(page)).toEqual([]);

    // Through the rows, the titles stay at the top of the table's box.
    await page.locator("#calls-table").evaluate((box) => box.scrollTo(0, 600));
    expect(await coveredHeaders(page)).toEqual([]);
    await page.getByRole("columnheader", { name: "Status" }).getByRole("button").click();
    await expect(page).toHaveURL(/sort=-?status/);
  });
}
