import { expect, test, type Page } from "@playwright/test";
import { open } from "./support/open";
import { useUploadedTrace } from "./support/uploaded-trace";
import { readableAcross } from "./support/readable";
import { ensureSamplesStored } from "./support/samples";

test.beforeAll(async ({ request }) => ensureSamplesStored(request));

const rowIds = (page: Page) => page.locator("tr[data-call-id]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-call-id")));

test("on a 1280 × 900 laptop the calls start in the first screen: the facets count the APIs and apps, so no card above the calls repeats them", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page, "/?rejected=true");
  const header = await page.getByRole("region", { name: "Calls" }).getByRole("columnheader").first().boundingBox();
  expect(header && header.y + header.height).toBeLessThan(900);
  await expect(page.getByRole("figure", { name: "Top APIs" })).toBeHidden();
  await expect(page.getByRole("figure", { name: "Causes" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Top failing credentials" })).toBeVisible();
  await expect(page.getByRole("region", { name: "API", exact: true })).toBeVisible();

  // Folded facets leave the cards to say it.
  await page.setViewportSize({ width: 1024, height: 900 });
  await expect(page.getByRole("figure", { name: "Top APIs" })).toBeVisible();
});

for (const width of [1024, 1280, 1440]) {
  test(`at ${width} px no word of an API, app or interceptor, or of a column's title, is broken across lines`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await open(page, "/");
    const cells = page.locator(":is(th, td):is(.col-api, .col-app, .col-interceptor)");
    await expect(cells.first()).toBeVisible();
    // Each word's own line boxes: one, unless the word is longer than a column could hold.
    const broken = await cells.evaluateAll((elements) =>
      elements.flatMap((element) => {
        const range = document.createRange();
        const words: string[] = [];
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of (node.textContent ?? "").matchAll(/\S+/g)) {
            range.setStart(node, match.index ?? 0);
            range.setEnd(node, (match.index ?? 0) + match[0].length);
            if (match[0].length < 16 && new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1) words.push(match[0]);
          }
        }
        return words;
      }),
    );
    expect(broken).toEqual([]);
  });
}

test("Next then Previous shows each page's rows again, with where they stand in the view", async ({ page }) => {
  await open(page, "/?limit=3&sort=time");
  const position = page.getByTestId("position");
  const button = (name: string) => page.getByRole("navigation", { name: "Pages" }).getByRole("button", { name });
  await expect(position).toHaveText("1–3 of 10");
  await expect(button("Previous page")).toBeDisabled();
  const first = await rowIds(page);

  await button("Next page").click();
  await expect(position).toHaveText("4–6 of 10");
  const second = await rowIds(page);
  expect(second).not.toEqual(first);
  await button("Next page").click();
  await expect(position).toHaveText("7–9 of 10");

  // Back from the third page: the previous-page cursor, read backwards.
  await button("Previous page").click();
  await expect(position).toHaveText("4–6 of 10");
  expect(await rowIds(page)).toEqual(second);
  // Back to the first page: the view's own link, with no cursor.
  await button("Previous page").click();
  await expect(position).toHaveText("1–3 of 10");
  await expect(page).toHaveURL(/\/\?limit=3&sort=time$/);
  expect(await rowIds(page)).toEqual(first);
  await expect(button("Previous page")).toBeDisabled();
  await expect(button("First page")).toBeDisabled();
});

test("the Columns menu closes on Escape, giving the focus back to its button, and on a click outside it", async ({ page }) => {
  await open(page, "/");
  const columns = page.getByRole("group", { name: "Visible columns" });
  const summary = page.locator(".column-chooser summary");
  await summary.click();
  await expect(columns).toBeVisible();
  await columns.getByRole("checkbox", { name: "Method" }).focus();
  await page.keyboard.press("Escape");
  await expect(columns).toBeHidden();
  await expect(summary).toBeFocused();

  await summary.click();
  await expect(columns).toBeVisible();
  // A click inside (a checkbox) keeps it open; one outside closes it.
  await columns.getByRole("checkbox", { name: "Method" }).click();
  await expect(page).toHaveURL(/columns=/);
  await expect(columns).toBeVisible();
  await page.getByRole("heading", { level: 1, name: "Calls" }).click();
  await expect(columns).toBeHidden();
});

test("the first Tab shows a “Skip to calls” link that takes the focus past the facets to the calls table", async ({ page }) => {
  await open(page, "/");
  const skip = page.getByRole("link", { name: "Skip to calls" });
  await expect(skip).not.toBeInViewport();
  await page.keyboard.press("Tab");
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("#calls-table")).toBeFocused();
  await expect(page).not.toHaveURL(/#/);
  // The next Tab is in the table (its first sort button), not among the facets.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("columnheader", { name: /Time/ }).getByRole("button")).toBeFocused();
});

/** One call whose every field is as long as gateways write them: the row the table must fit. */
const LONG_URI = "/open-banking/payments/v2/consents/4f8e1c7a-9b2d-4e3f-8a1b-7c6d5e4f3a2b/authorisations";
const WIDE_CALL = [
  `2026-11-21T09:00:00.000Z INFO [callId=wide-1] Request: GET ${LONG_URI} api="Open Finance Payments" app="CorporateTreasuryReconcilerNightlyBatch2026"`, // an app name with no blank to wrap at
  '2026-11-21T09:00:00.001Z DEBUG [callId=wide-1] Request header access_token: "Yt7Qp2Lm9Xc4Vb8Nz1Rk"',
  "2026-11-21T09:00:00.001Z DEBUG [callId=wide-1] Running interceptor: Access Token Validation",
  "2026-11-21T09:00:00.002Z WARN [callId=wide-1] Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call",
  '2026-11-21T09:00:00.003Z INFO [callId=wide-1] Response: 401 body="Access Token in the request, identified by HEADER access_token, is invalid."',
].join("\n");

test.describe("a call with long values, on a tablet's screen, a laptop's and a large one", () => {
  const uploadId = useUploadedTrace("wide.log", WIDE_CALL);
  const view = () => `/?upload=${uploadId()}`;

  const headers = (page: Page) => page.getByRole("region", { name: "Calls" }).getByRole("columnheader");
  const fitsItsCard = (page: Page) => page.locator("#calls-table").evaluate((scroller) => scroller.scrollWidth <= scroller.clientWidth);

  const SEVEN_COLUMNS = [/^Time/, "Status", "URI", "API", "App", "Cause", "Credential"];
  // Under 1,200 px the facets fold under their button, and under 960 px the API and the app give way as well.
  const shownAt = [
    { width: 700, columns: [/^Time/, "Status", "URI", "Cause", "Credential"] },
    { width: 1024, columns: SEVEN_COLUMNS },
    { width: 1280, columns: SEVEN_COLUMNS },
    { width: 1400, columns: SEVEN_COLUMNS },
  ];
  for (const { width, columns } of shownAt) {
    test(`at ${width} px the table fits its card, the call's cause and credential whole, its URI cut short until its row is chosen`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await open(page, view());
      await expect(page.getByTestId("total")).toHaveText("1");
      await expect(headers(page)).toHaveText(columns);
      expect(await fitsItsCard(page)).toBe(true);

      const call = page.locator("tr[data-call-id]").first();
      const cause = call.locator(".cause-badge-title");
      const credential = call.locator(".col-credential");
      await expect(cause).toHaveText("Credential invalid, expired or revoked");
      await expect(credential).toHaveText(/^access_token in header \S+$/);
      for (const whole of [cause, credential, call.locator(".col-app")]) {
        if ((await whole.count()) > 0) expect(await readableAcross(whole)).toBe(true);
      }

      const uri = call.getByRole("link", { name: LONG_URI });
      await expect(uri).toHaveAttribute("title", LONG_URI);
      expect(await readableAcross(uri)).toBe(false);
      await page.keyboard.press("j");
      await expect(call).toHaveAttribute("aria-selected", "true");
      expect(await readableAcross(uri)).toBe(true);
      expect(await fitsItsCard(page)).toBe(true);
    });
  }

  test("at 1920 px all nine columns show, and still fit", async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await open(page, view());
    await expect(headers(page)).toHaveText([/^Time/, "Status", "Method", "URI", "API", "App", "Cause", "Credential", "Interceptor"]);
    expect(await fitsItsCard(page)).toBe(true);
    expect(await readableAcross(page.locator("tr[data-call-id] .col-interceptor"))).toBe(true);
  });

  test("a column chosen in the Columns menu at 1280 px, one it leaves out there, stays as chosen at any width", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await open(page, view());
    await page.locator(".column-chooser summary").click();
    const menu = page.getByRole("group", { name: "Visible columns" });
    await expect(menu.getByRole("checkbox", { name: "Interceptor" })).not.toBeChecked();
    await menu.getByRole("checkbox", { name: "Method" }).click();
    await expect(menu.getByRole("checkbox", { name: "Method" })).toBeChecked();
    await expect(page).toHaveURL(/columns=method/);
    await expect(headers(page)).toHaveText([/^Time/, "Status", "Method", "URI", "API", "App", "Cause", "Credential"]);

    // On a large screen the choice holds: the interceptor, left out, stays out.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await open(page, page.url());
    await expect(headers(page)).toHaveText([/^Time/, "Status", "Method", "URI", "API", "App", "Cause", "Credential"]);
  });
});
