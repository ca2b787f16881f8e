import { expect, test, type Locator, type Page } from "@playwright/test";
import { open } from "./support/open";
import { readableAcross } from "./support/readable";
import { ensureSamplesStored } from "./support/samples";

test.beforeAll(async ({ request }) => ensureSamplesStored(request));

const PHONE = { width: 390, height: 844 };
const facets = (page: Page) => page.getByRole("complementary", { name: "Facets" });
const top = async (element: Locator) => (await element.boundingBox())?.y ?? 0;

test.describe("on a 390 px phone", () => {
  test.use({ viewport: PHONE });

  test("why calls were rejected comes first: the causes are in the first screen, above the calls", async ({ page }) => {
    await open(page, "/");
    const causes = page.getByRole("figure", { name: "Causes" });
    await expect(causes.getByRole("button", { name: /^Credential invalid, expired or revoked/ })).toBeVisible();
    await expect(causes.locator("figcaption")).toBeInViewport();
    expect(await top(causes)).toBeLessThan(await top(page.locator("tr[data-call-id]").first()));
  });

  test("the first call's cause and credential fit its card without a sideways scroll, j moves the focus to its card, and a tap on it opens the call", async ({ page }) => {
    await open(page, "/?api=Payments");
    await expect(page.getByTestId("total")).toHaveText("1");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const call = page.locator("tr[data-call-id]").first();
    await call.scrollIntoViewIfNeeded();
    const cause = call.locator(".col-cause");
    const credential = call.locator(".col-credential");
    await expect(cause).toHaveText("Credential invalid, expired or revoked");
    await expect(credential).toContainText("access_token in header");
    for (const cell of [cause, cause.locator(".cause-badge-title"), credential]) {
      await expect(cell).toBeInViewport();
      expect(await readableAcross(cell)).toBe(true);
    }

    await page.keyboard.press("j");
    await expect(call).toBeFocused();
    await expect(call).toHaveAttribute("aria-selected", "true");
    await call.locator(".col-time").click();
    await expect(page).toHaveURL(/\/calls\/7f3c9a1e-2b4d-4c8e-9f10-5a6b7c8d9e0f(\?|$)/);
    await expect(page.getByRole("heading", { level: 2, name: "Credential invalid, expired or revoked" })).toBeVisible();
  });

  test("a link in the first screen, beside Filters, jumps past the chart and the cards to the calls", async ({ page }) => {
    await open(page, "/?rejected=true");
    const total = await page.getByTestId("total").textContent();
    const jump = page.getByRole("link", { name: `${total} calls ↓` });
    await expect(jump).toBeInViewport();
    const firstCall = page.locator("tr[data-call-id]").first();
    await expect(firstCall).not.toBeInViewport();
    await jump.click();
    await expect(firstCall).toBeInViewport();
  });

  test("above the call cards, the columns are a short line of sort buttons after 'Sort by', each as wide as its title", async ({ page }) => {
    await open(page, "/");
    const header = page.getByRole("region", { name: "Calls" }).locator("thead tr");
    await expect(header).toContainText("Time");
    // Two lines of buttons at most (they took four, the cause's and the credential's as wide as their cells).
    expect((await header.boundingBox())?.height).toBeLessThan(80);
    expect(await header.evaluate((row) => getComputedStyle(row, "::before").content)).toBe('"Sort by"');
  });

  test("each headline count says what is stored in one line under it, not a word a line beside it", async ({ page }) => {
    await open(page, "/");
    for (const stored of await page.locator(".headline-counts .headline-stored").all()) {
      expect((await stored.boundingBox())?.height).toBeLessThan(20);
    }
  });

  test("the facets are folded under a Filters button in the first screen, which unfolds them above the calls and keeps them open while filtering", async ({ page }) => {
    await open(page, "/");
    const toggle = page.getByRole("button", { name: "Filters" });
    await expect(toggle).toBeInViewport();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(facets(page)).toBeHidden();

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(facets(page)).toBeInViewport();
    expect(await top(facets(page))).toBeLessThan(await top(page.getByRole("region", { name: "Calls" })));

    await facets(page).getByRole("region", { name: "Cause" }).getByRole("button", { name: /^No access to this resource/ }).click();
    await expect(page).toHaveURL(/[?&]cause=no_resource_access/);
    await expect(page.getByTestId("total")).toHaveText("3");
    await expect(facets(page)).toBeVisible();
  });

  test.describe("with a finger", () => {
    test.use({ hasTouch: true, isMobile: true });

    test("a facet's value and its button to leave it out are targets of 44 px", async ({ page }) => {
      await open(page, "/");
      await page.getByRole("button", { name: "Filters" }).tap();
      const cause = facets(page).getByRole("region", { name: "Cause" });
      for (const target of [cause.locator(".facet-value").first(), cause.locator(".facet-exclude").first()]) {
        const box = await target.boundingBox();
        expect(box?.height).toBeGreaterThanOrEqual(44);
      }
      expect((await cause.locator(".facet-exclude").first().boundingBox())?.width).toBeGreaterThanOrEqual(44);
    });

    test("the uploads page asks for files to upload, not to drop: a phone has nothing to drag them from", async ({ page }) => {
      await open(page, "/uploads");
      await expect(page.getByText("Upload gateway trace files", { exact: true })).toBeVisible();
      await expect(page.getByText("Drop gateway trace files here")).toBeHidden();
    });
  });

  test("a short trace that shows its evidence line is not scrolled: its request line stays whole at the top", async ({ page, request }) => {
    const query = Array.from({ length: 24 }, (_, index) => `filter${index}=value${index}`).join("&");
    const trace = [
      `2026-11-24T12:00:00.100Z INFO [callId=phone-1] Request: GET /accounts/v2/statements/monthly/summary?${query} api="Statements" app="Phone App"`,
      "2026-11-24T12:00:00.120Z DEBUG [callId=phone-1] Running interceptor: Access Token Validation",
      "2026-11-24T12:00:00.130Z WARN [callId=phone-1] Access token in HEADER access_token HAS NOT BEEN FOUND; rejecting call",
      "2026-11-24T12:00:00.140Z DEBUG [callId=phone-1] Interceptor Access Token Validation finished",
      `2026-11-24T12:00:00.150Z INFO [callId=phone-1] Response: 401 body="${"Access Token in the request, identified by HEADER access_token, is invalid. ".repeat(5).trim()}"`,
    ].join("\n");
    const upload = await request.post("/api/uploads", { multipart: { file: { name: "phone.log", mimeType: "text/plain", buffer: Buffer.from(trace) } } });
    expect(upload.status()).toBe(201);
    try {
      await open(page, "/calls/phone-1");
      const box = page.getByRole("list", { name: "Trace" });
      // The trace overflows its box, but its evidence line shows in it without scrolling.
      const overflow = await box.evaluate((list) => list.scrollHeight - list.clientHeight);
      expect(overflow).toBeGreaterThan(0);
      expect(await box.evaluate((list) => list.scrollTop)).toBe(0);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await box.scrollIntoViewIfNeeded();
      await expect(page.getByTestId("decisive-line")).toBeInViewport({ ratio: 1 });
      await expect(box.getByRole("listitem").first()).toContainText("Request: GET /accounts/v2/statements");
    } finally {
      await request.delete(`/api/uploads/${(await upload.json()).uploadId}`);
    }
  });

  test("the uploads are cards: no sideways scroll, and the first upload's counts and its Remove button are in view", async ({ page }) => {
    await open(page, "/uploads");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const upload = page.getByRole("region", { name: "Past uploads" }).getByRole("row").nth(1);
    const counts = [upload.getByRole("cell", { name: /\badded\b/ }), upload.getByRole("cell", { name: /now/ }), upload.locator(".col-events")];
    for (const cell of [...counts, upload.getByRole("button", { name: "Remove" })]) {
      await expect(cell).toBeInViewport();
      expect(await readableAcross(cell)).toBe(true);
    }
  });
});
