import { expect, test, type Locator, type Page } from "@playwright/test";
import { CAUSES } from "../lib/rules";
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
    // With when its rejections began and ended (UTC, the browser's zone here).
    await expect(bar).toHaveText(`${label} 2026-11-22 09:00:01 → 09:00:02 2`);
    await expect(bar).toHaveAttribute("title", `${label}: 2 rejections`);

    await bar.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("total")).toHaveText("2");
    await expect(page).toHaveURL(/[?&]refused=[0-9a-f]+/);
    await expect(page.getByRole("list", { name: "Active filters" })).toContainText(`Refused credential = ${label}`);
    await expect(chart.getByRole("button", { pressed: true })).toHaveText(new RegExp(`^${label} .* 2$`));
    expect(await page.content()).not.toContain(SHARED_TOKEN);
  } finally {
    await request.delete(`/api/uploads/${(await upload.json()).uploadId}`);
  }
});

test("a failing credential refused under two names says so on its bar, which counts its rejections under both", async ({ page, request }) => {
  const token = "Yp41nBv7QaZ2Lm9XcR3t";
  const refused = (id: string, second: number, name: string, element: string) =>
    [
      `2026-09-14T10:00:0${second}.000Z DEBUG [callId=${id}] Request header ${name}: "${token}"`,
      `2026-09-14T10:00:0${second}.001Z WARN [callId=${id}] ${element} in HEADER ${name} HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call`,
    ].join("\n");
  const trace = [refused("names-1", 1, "access_token", "Access token"), refused("names-2", 2, "access_token", "Access token"), refused("names-3", 3, "client_id", "Client Id"), ""];
  const upload = await request.post("/api/uploads", { multipart: { file: { name: "two-names.log", mimeType: "text/plain", buffer: Buffer.from(trace.join("\n")) } } });
  expect(upload.status()).toBe(201);
  try {
    await open(page, "/?from=2026-09-14&to=2026-09-15");
    const bar = page.getByRole("figure", { name: "Top failing credentials" }).getByRole("button").first();
    await expect(bar).toHaveAttribute("title", "access_token Yp41…R3t (and 1 other name): 3 rejections");
  } finally {
    await request.delete(`/api/uploads/${(await upload.json()).uploadId}`);
  }
});

test("the Status facet counts calls with no response in a \"— no response\" row, written as the other facets write theirs, adds up to the total, and filters them in and out", async ({ page }) => {
  await open(page, "/");
  const all = await total(page);
  const status = facet(page, "Status");
  expect((await counts(status)).reduce((sum, count) => sum + count, 0)).toBe(all);
  const noResponse = status.getByRole("button", { name: /^— no response/ });
  const unanswered = Number(await noResponse.locator(".facet-count").textContent());
  expect(unanswered).toBeGreaterThan(0);

  await noResponse.click();
  await expect(page).toHaveURL(/[?&]status=none/);
  await expect(page.getByTestId("total")).toHaveText(String(unanswered));
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText("Status = — no response");

  await status.getByRole("button", { name: "Exclude — no response" }).click();
  await expect(page).toHaveURL(/[?&]not_status=none/);
  await expect(page.getByTestId("total")).toHaveText(String(all - unanswered));
});

test("Credential name's \"— no credential named\" filters to the calls that name none, under a chip that says so, and excludes them", async ({ page }) => {
  await open(page, "/");
  const all = await total(page);
  const name = facet(page, "Credential name");
  const noName = name.getByRole("button", { name: /^— no credential named/ });
  const unnamed = Number(await noName.locator(".facet-count").textContent());
  expect(unnamed).toBeGreaterThan(0);
  expect(unnamed).toBeLessThan(all);
  const chips = page.getByRole("list", { name: "Active filters" });

  await noName.click();
  await expect(page).toHaveURL(/[?&]missing=name(&|$)/);
  await expect(page.getByTestId("total")).toHaveText(String(unnamed));
  await expect(noName).toHaveAttribute("aria-pressed", "true");
  await expect(chips.getByRole("listitem").filter({ hasText: "Credential name = — no credential named" })).toHaveCount(1);
  // The facet leaves out its own filter, so its other values stay there to choose, and it still adds up to every call.
  expect((await counts(name)).reduce((sum, count) => sum + count, 0)).toBe(all);
  // Every row left names no credential.
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(unnamed + 1);

  await name.getByRole("button", { name: "Exclude — no credential named" }).click();
  await expect(page).toHaveURL(/[?&]not_missing=name(&|$)/);
  expect(new URL(page.url()).searchParams.getAll("missing")).toEqual([]);
  await expect(page.getByTestId("total")).toHaveText(String(all - unnamed));
  await expect(chips.getByRole("listitem").filter({ hasText: "Credential name ≠ — no credential named" })).toHaveCount(1);
  await expect(name.getByRole("button", { name: "Exclude — no credential named" })).toHaveAttribute("aria-pressed", "true");

  await chips.getByRole("button", { name: "Remove filter Credential name ≠ — no credential named" }).click();
  await expect(page.getByTestId("total")).toHaveText(String(all));
});

test("calls without an API are counted in the API facet and filtered on like a value, one API or the other", async ({ page }) => {
  await open(page, "/");
  const all = await total(page);
  const api = facet(page, "API");
  expect((await counts(api)).reduce((sum, count) => sum + count, 0)).toBe(all);
  const none = api.getByRole("button", { name: /^— none/ });
  const withoutApi = Number(await none.locator(".facet-count").textContent());
  const payments = api.getByRole("button", { name: /^Payments/ });
  const inPayments = Number(await payments.locator(".facet-count").textContent());
  // A call without a cause is one that was not rejected, and the facet says so.
  await expect(facet(page, "Cause").getByText("— not rejected")).toBeVisible();

  await none.click();
  await expect(page.getByTestId("total")).toHaveText(String(withoutApi));
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText("API = — none");
  await payments.click();
  await expect(page.getByTestId("total")).toHaveText(String(withoutApi + inPayments));
});

test("missing=status is the Status facet's \"no response\", under either spelling, and a bad field is set aside in plain words", async ({ page }) => {
  await open(page, "/?missing=status");
  const noResponse = facet(page, "Status").getByRole("button", { name: /^— no response/ });
  await expect(noResponse).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("total")).toHaveText(String(await noResponse.locator(".facet-count").textContent()));
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText("Status = — no response");
  await noResponse.click();
  await expect(noResponse).toHaveAttribute("aria-pressed", "false");
  expect([...new URL(page.url()).searchParams.keys()]).toEqual([]);

  await open(page, "/?missing=API");
  const notice = page.getByRole("region", { name: "Filters" }).getByRole("alert");
  await expect(notice).toContainText('"missing": "API" is not a facet field; known: cause (Cause), status (Status)');
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

test("the rejections chart reads as a table: a row for each period with rejections, counts by cause adding up to the rejections shown, and a button to zoom to each period", async ({ page }) => {
  await open(page, "/?rejected=true");
  const chart = page.getByRole("figure", { name: "Rejections over time" });
  await chart.getByText("Show as a table").click();
  const table = chart.getByRole("table", { name: /^Rejections per .+, by cause/ });
  await expect(table).toBeVisible();
  // The periods the chart draws a bar in: the x of each bar segment of some height.
  const drawn = await chart.locator(".recharts-bar-rectangle path").evaluateAll((bars) => new Set(bars.filter((bar) => bar.getBoundingClientRect().height > 0).map((bar) => Math.round(bar.getBoundingClientRect().x))).size);
  expect(drawn).toBeGreaterThan(1);
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(drawn);

  const titles = await table.locator("thead th").allTextContents();
  const causeTitles = titles.filter((title) => Object.values(CAUSES).some((cause) => cause.title === title));
  const byCause = (await Promise.all(causeTitles.map((title) => columnOf(table, title)))).flat();
  const rowTotals = await columnOf(table, "Total");
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  expect(sum(byCause)).toBe(await total(page));
  expect(sum(rowTotals)).toBe(await total(page));
  await expect(await footOf(table, "Total")).toHaveText(String(await total(page)));

  // The chart's click to zoom, by keyboard: the first period's button shows just its rejections.
  const first = rowTotals[0];
  await rows.first().getByRole("button").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL((url) => url.searchParams.has("from") && url.searchParams.has("to"));
  await expect(page.getByTestId("total")).toHaveText(String(first));
});

test("with rejected and not rejected calls in view, the chart counts both: its table's Not rejected column adds up to the calls not rejected", async ({ page, request }) => {
  await open(page, "/");
  const chart = page.getByRole("figure", { name: "Calls over time" });
  await chart.getByText("Show as a table").click();
  const table = chart.getByRole("table", { name: /^Calls per .+: rejections by cause, and calls not rejected/ });
  const notRejected = (await columnOf(table, "Not rejected")).reduce((sum, count) => sum + count, 0);
  const { total } = (await (await request.get("/api/calls?rejected=false&limit=1")).json()) as { total: number };
  expect(total).toBeGreaterThan(0);
  expect(notRejected).toBe(total);
  await expect(await footOf(table, "Total")).toHaveText(String(await (await request.get("/api/calls?limit=1")).json().then((body: { total: number }) => body.total)));
});

/** The counts in the chart's table under the column of this title, a row a period. */
async function columnOf(table: Locator, title: string): Promise<number[]> {
  const column = await columnIndex(table, title);
  return table.locator(`tbody tr > :nth-child(${column})`).evaluateAll((cells) => cells.map((cell) => Number(cell.textContent?.replace(/,/g, ""))));
}

/** The footer's cell (all periods) under the column of this title. */
const footOf = async (table: Locator, title: string) => table.locator(`tfoot tr > :nth-child(${await columnIndex(table, title)})`);

/** Where the column of this title is, for :nth-child (1-based). */
async function columnIndex(table: Locator, title: string): Promise<number> {
  const index = (await table.locator("thead th").allTextContents()).indexOf(title);
  expect(index, `a column titled ${title}`).toBeGreaterThan(0);
  return index + 1;
}
