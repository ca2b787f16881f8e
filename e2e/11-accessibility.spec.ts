import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { PARTNERS_TRACE } from "../test/support/partners-trace";
import { open } from "./support/open";
import { ensureSamplesStored } from "./support/samples";

test.beforeAll(async ({ request }) => ensureSamplesStored(request));

/** What axe-core finds wrong on the page as it is now, one line a rule: impact, rule and where. */
async function violationsOn(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map(({ id, impact, nodes }) => `${impact} ${id}: ${nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

for (const url of ["/", "/?rejected=true&cause=no_resource_access", "/calls/a91", "/calls/f6", "/uploads", "/events"]) {
  test(`${url} has no accessibility violations axe-core can find`, async ({ page }) => {
    await open(page, url);
    expect(await violationsOn(page)).toEqual([]);
  });
}

test("the explorer and call pages in the dark colour scheme have no violations axe-core can find", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  for (const url of ["/?rejected=true", "/calls/a91", "/calls/f6", "/uploads", "/events"]) {
    await open(page, url);
    expect(await violationsOn(page)).toEqual([]);
  }
});

test("an upload's gateway events page has no accessibility violations axe-core can find", async ({ page, request }) => {
  const { items } = (await (await request.get("/api/uploads")).json()) as { items: Array<{ id: string }> };
  await open(page, `/uploads/${items[0]?.id}`);
  expect(await violationsOn(page)).toEqual([]);
});

test("the explorer on a 390 px phone, its calls as cards and its filters unfolded, has no violations axe-core can find", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await open(page, "/");
    await page.getByRole("button", { name: "Filters" }).click();
    expect(await violationsOn(page)).toEqual([]);
  }
});

test("the explorer with a row focused and selected by j, and the chart unfolded as a table, has no violations axe-core can find", async ({ page }) => {
  await open(page, "/?rejected=true");
  await page.getByText("Show as a table").click();
  await page.keyboard.press("j");
  await expect(page.locator("tr[data-call-id]").first()).toBeFocused();
  expect(await violationsOn(page)).toEqual([]);
});

test("long facets, one listing all its values and one filtered by what was typed, in both colour schemes, have no violations axe-core can find", async ({ page, request }) => {
  const upload = await request.post("/api/uploads", { multipart: { file: { name: "partners.log", mimeType: "text/plain", buffer: Buffer.from(PARTNERS_TRACE) } } });
  expect(upload.status()).toBe(201);
  const { uploadId } = (await upload.json()) as { uploadId: string };
  try {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await open(page, `/?upload=${uploadId}`);
      const facets = page.getByRole("complementary", { name: "Facets" });
      await facets.getByRole("region", { name: "App" }).getByRole("button", { name: "Show all 15" }).click();
      await expect(facets.getByRole("region", { name: "App" }).getByRole("status")).toHaveText("All 15 values");
      await facets.getByRole("searchbox", { name: "Filter API values" }).fill("1");
      await expect(facets.getByRole("region", { name: "API" }).getByRole("status")).toHaveText("6 values contain “1”");
      expect(await violationsOn(page)).toEqual([]);
    }
  } finally {
    await request.delete(`/api/uploads/${uploadId}`);
  }
});
