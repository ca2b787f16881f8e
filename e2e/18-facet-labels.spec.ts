import { expect, test, type Locator, type Page } from "@playwright/test";
import { generatedTrace } from "../test/support/generated-trace";
import { open } from "./support/open";
import { readableAcross } from "./support/readable";

// A thousand calls of all six causes (four of them "Credential …"), counted in hundreds as in a real trace, and one from an app whose name has no blank to wrap at, its client a browser with a long User-Agent.
const LONG_APP = "CorporateTreasuryReconcilerNightlyBatch2026";
const BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const WIDE_CALL = [
  `2026-11-20T14:00:00.000Z INFO [callId=wide-labels] Request: GET /cards/v1/limits api="Cards" app="${LONG_APP}"`,
  `2026-11-20T14:00:00.001Z DEBUG [callId=wide-labels] Request header User-Agent: "${BROWSER}"`,
  '2026-11-20T14:00:00.002Z INFO [callId=wide-labels] Response: 401 body="no"',
  "",
].join("\n");

let uploadId = "";

test.use({ viewport: { width: 1440, height: 900 } });
test.beforeAll(async ({ request }) => {
  const buffer = Buffer.concat([await generatedTrace(1_000_000), Buffer.from(`\n${WIDE_CALL}`)]);
  const response = await request.post("/api/uploads", { multipart: { file: { name: "facet-labels.log", mimeType: "text/plain", buffer } } });
  expect(response.status()).toBe(201);
  uploadId = (await response.json()).uploadId;
});
test.afterAll(async ({ request }) => {
  await request.delete(`/api/uploads/${uploadId}`);
});

const facet = (page: Page, title: string) => page.getByRole("complementary", { name: "Facets" }).getByRole("region", { name: title, exact: true });

/** Each row's label box, count box and line height, to check that a label stays on its side of its count and within two lines. */
const rowsOf = (section: Locator) =>
  section.locator("button.facet-value").evaluateAll((buttons) =>
    buttons.map((button) => {
      const label = button.querySelector(".facet-label");
      const count = button.querySelector(".facet-count");
      if (!label || !count) throw new Error("a facet row without its label or count");
      return { text: label.textContent, label: label.getBoundingClientRect().toJSON(), count: count.getBoundingClientRect().toJSON(), lineHeight: parseFloat(getComputedStyle(label).lineHeight) };
    }),
  );

test("at 1440 px every cause's name is read whole, wrapping rather than cut short, with its count at the right", async ({ page }) => {
  await open(page, `/?upload=${uploadId}&rejected=true`);
  const labels = facet(page, "Cause").locator(".facet-label");
  await expect(labels).toHaveCount(6);
  await expect(labels.filter({ hasText: /^Credential/ })).toHaveCount(4);
  for (const label of await labels.all()) expect(await readableAcross(label), await label.innerText()).toBe(true);
  for (const row of await rowsOf(facet(page, "Cause"))) expect(row.label.right, row.text ?? "").toBeLessThanOrEqual(row.count.left);
});

test("a long app name and a browser's User-Agent keep to two lines beside their counts, and every count lines up at the right", async ({ page }) => {
  await open(page, `/?upload=${uploadId}`);
  await expect(facet(page, "App").getByRole("button", { name: new RegExp(`^${LONG_APP}`) })).toBeVisible();
  await expect(facet(page, "User-Agent").getByRole("button", { name: /^Mozilla/ })).toBeVisible();
  const rights = new Set<number>();
  for (const title of ["App", "User-Agent"]) {
    for (const row of await rowsOf(facet(page, title))) {
      expect(row.label.right, row.text ?? "").toBeLessThanOrEqual(row.count.left);
      expect(row.label.height, row.text ?? "").toBeLessThanOrEqual(row.lineHeight * 2 + 1);
    }
  }
  for (const title of ["Cause", "Status", "API", "App", "User-Agent"]) for (const row of await rowsOf(facet(page, title))) rights.add(Math.round(row.count.right));
  expect([...rights]).toHaveLength(1);
});
