import { expect, test, type Locator, type Page } from "@playwright/test";
import { SHARED_CREDENTIAL_TRACE, SHARED_TOKEN, SHARED_TOKEN_PREVIEW } from "../test/support/shared-credential";
import { open } from "./support/open";
import { ensureSamplesStored } from "./support/samples";

test.beforeAll(async ({ request }) => ensureSamplesStored(request));

const total = async (page: Page) => Number((await page.getByTestId("total").textContent())?.replace(/,/g, ""));
const facet = (page: Page, title: string) => page.getByRole("complementary", { name: "Facets" }).getByRole("region", { name: title });
const counts = (region: Locator) => region.locator(".facet-count").evaluateAll((cells) => cells.map((cell) => Number(cell.textContent?.replace(/,/g, ""))));

test("a failing credential's bar, chosen by keyboard, leads to exactly the rejections it counts, under a chip that names the credential", async ({ page, request }) => {
  const upload = await request.post("/api/uploads", {
    multipart: { file: { name: "shared-credential.log", mimeType: "text/plain", buffer: Buffer.from(SHARED_CREDENTIAL_TRACE) } },
  });
  expect(upload.status()).toBe(201);
  try {
    await open(page, "/");
    const chart = page.getByRole("figure", { name: "Top failing credentials" });
    const label = `access_token ${SHARED_TOKEN_PREVIEW}`;
    const bar = chart.getByRole("button").first();
    await expect(bar).toHaveText(`${label}2`);
    await expect(bar).toHaveAttribute("title", `${label}: 2 rejections`);

    await bar.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("total")).toHaveText("2");
    await expect(page).toHaveURL(/[?&]refused=[0-9a-f]+/);
    await expect(page.getByRole("list", { name: "Active filters" })).toContainText(`Refused credential = ${label}`);
    await expect(chart.getByRole("button", { pressed: true })).toHaveText(`${label}2`);
    expect(await page.content()).not.toContain(SHARED_TOKEN);
  } finally {
    await request.delete(`/api/uploads/${(await upload.json()).uploadId}`);
  }
});

test("the Status facet counts calls with no response, adds up to the total, and filters them in and out", async ({ page }) => {
  await open(page, "/");
  const all = await total(page);
  const status = facet(page, "Status");
  expect((await counts(status)).reduce((sum, count) => sum + count, 0)).toBe(all);
  const noResponse = status.getByRole("button", { name: /^no response/ });
  const unanswered = Number(await noResponse.locator(".facet-count").textContent());
  expect(unanswered).toBeGreaterThan(0);

  await noResponse.click();
  await expect(page).toHaveURL(/[?&]status=none/);
  await expect(page.getByTestId("total")).toHaveText(String(unanswered));
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText("Status = no response");

  await status.getByRole("button", { name: "Exclude no response" }).click();
  await expect(page).toHaveURL(/[?&]not_status=none/);
  await expect(page.getByTestId("total")).toHaveText(String(all - unanswered));
});

test("calls without an API are counted in the API facet, with nothing to click where the URL has no filter for them", async ({ page }) => {
  await open(page, "/");
  const api = facet(page, "API");
  await expect(api.getByText("— none")).toBeVisible();
  expect((await counts(api)).reduce((sum, count) => sum + count, 0)).toBe(await total(page));
  await expect(api.getByRole("button", { name: /none/ })).toHaveCount(0);
  // A call without a cause is one that was not rejected, and the facet says so.
  await expect(facet(page, "Cause").getByText("— not rejected")).toBeVisible();
});

test("a facet's exclude button is large enough, legible without hovering, and shows keyboard focus", async ({ page }) => {
  await open(page, "/");
  const row = facet(page, "Cause").getByRole("listitem").first();
  const exclude = row.getByRole("button", { name: /^Exclude / });
  const box = await exclude.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(24);
  expect(box?.height).toBeGreaterThanOrEqual(24);
  expect(await exclude.evaluate(contrastAgainstBackground)).toBeGreaterThanOrEqual(3);

  await row.getByRole("button").first().focus();
  await page.keyboard.press("Tab");
  await expect(exclude).toBeFocused();
  expect(await exclude.evaluate(contrastAgainstBackground)).toBeGreaterThanOrEqual(3);
  const outline = await exclude.evaluate((element) => ({ style: getComputedStyle(element).outlineStyle, width: parseFloat(getComputedStyle(element).outlineWidth) }));
  expect(outline.style).toBe("solid");
  expect(outline.width).toBeGreaterThanOrEqual(2);
});

/** WCAG contrast of an element's text, as drawn (its and its ancestors' opacity included), against the background behind it. */
function contrastAgainstBackground(element: Element): number {
  const channels = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
  let opacity = 1;
  let background: number[] | undefined;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    opacity *= Number(style.opacity);
    const [r = 0, g = 0, b = 0, a = 1] = channels(style.backgroundColor);
    if (!background && a > 0) background = [r, g, b];
  }
  const behind = background ?? [255, 255, 255];
  const [r = 0, g = 0, b = 0, a = 1] = channels(getComputedStyle(element).color);
  const drawn = [r, g, b].map((value, index) => value * a * opacity + (behind[index] ?? 255) * (1 - a * opacity));
  const luminance = (rgb: number[]) => {
    const [R = 0, G = 0, B = 0] = rgb.map((value) => (value / 255 <= 0.03928 ? value / 255 / 12.92 : ((value / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const [light, dark] = [luminance(drawn), luminance(behind)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}
