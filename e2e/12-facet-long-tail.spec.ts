import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { CAUSE_ORDER, CAUSES } from "../lib/rules";
import { PARTNER_CAUSES, PARTNER_TOTALS, PARTNERS_TRACE, partnerCalls, partnerName } from "../test/support/partners-trace";
import { open } from "./support/open";
import { useUploadedTrace } from "./support/uploaded-trace";
import { ensureSamplesStored } from "./support/samples";

// Fifteen partner apps in one upload: the App and API facets show twelve
// values each, and the partner someone asks about is one of the other three.
test.beforeAll(async ({ request }) => ensureSamplesStored(request));
const uploadId = useUploadedTrace("partners.log", PARTNERS_TRACE);

const facet = (page: Page, title: string) => page.getByRole("complementary", { name: "Facets" }).getByRole("region", { name: title, exact: true });
const valueButtons = (page: Page, title: string) => facet(page, title).locator("button.facet-value");
const totalOf = async (request: APIRequestContext, query: string) => ((await (await request.get(`/api/calls?limit=1&${query}`)).json()) as { total: number }).total;

test("a partner past the App facet's twelve is reached by keyboard: the facet says how many it hides, and its filter box finds the partner", async ({ page }) => {
  await open(page, `/?upload=${uploadId()}`);
  const app = facet(page, "App");
  await expect(valueButtons(page, "App")).toHaveCount(12);
  await expect(app.getByRole("status")).toHaveText("3 more not shown");
  await expect(app.getByRole("button", { name: /^Partner 13/ })).toHaveCount(0);

  const box = app.getByRole("searchbox", { name: "Filter App values" });
  await box.focus();
  await page.keyboard.type("13");
  await expect(app.getByRole("status")).toHaveText("1 value contains “13”");
  await page.keyboard.press("Tab");
  await expect(app.getByRole("button", { name: /^Partner 13/ })).toBeFocused();
  await expect(app.getByRole("button", { name: /^Partner 13/ })).toHaveText(`${partnerName(13)}${partnerCalls(13)}`);
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL((url) => url.searchParams.get("app") === partnerName(13));
  await expect(page.getByTestId("total")).toHaveText(String(partnerCalls(13)));
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText(`App = ${partnerName(13)}`);
  // Cleared, the facet lists its twelve again, with the partner picked among them, pressed, and charted.
  await box.fill("");
  await expect(app.getByRole("button", { name: /^Partner 13/, pressed: true })).toBeVisible();
  await expect(valueButtons(page, "App")).toHaveCount(13);
  // The Top apps card stands where the facets are folded (a wider screen has the facet instead).
  await page.setViewportSize({ width: 1024, height: 900 });
  await expect(page.getByRole("figure", { name: "Top apps" }).getByRole("button")).toHaveText([`${partnerName(13)} ${partnerCalls(13)}`]);
});

test("Show all lists every value of a long facet with its count, and a value chosen from it filters the view", async ({ page }) => {
  await open(page, `/?upload=${uploadId()}`);
  const api = facet(page, "API");
  await api.getByRole("button", { name: "Show all 15" }).click();
  await expect(api.getByRole("status")).toHaveText("All 15 values");
  await expect(valueButtons(page, "API")).toHaveCount(15);
  await expect(api.getByRole("button", { name: /^Cards 14/ })).toHaveText(`Cards 14${partnerCalls(14)}`);
  await api.getByRole("button", { name: "Exclude Cards 14" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("not_api") === "Cards 14");
  await expect(page.getByTestId("total")).toHaveText(String(PARTNER_TOTALS.calls - partnerCalls(14)));
  // Still listed in full, the value left out marked so.
  await expect(api.getByRole("button", { name: "Exclude Cards 14", pressed: true })).toBeVisible();
  await api.getByRole("button", { name: "Show the top 13" }).click();
  await expect(api.getByRole("status")).toHaveText("2 more not shown");
});

test("the headline counts the view's calls and rejections, each beside what is stored in all", async ({ page, request }) => {
  await open(page, `/?upload=${uploadId()}`);
  const headline = page.locator(".headline-counts");
  await expect(headline.locator("div").nth(0)).toHaveText(`Calls in view${PARTNER_TOTALS.calls}of ${(await totalOf(request, "")).toLocaleString("en")} stored`);
  await expect(headline.locator("div").nth(1)).toHaveText(`Rejections in view${PARTNER_TOTALS.rejections}of ${(await totalOf(request, "rejected=true")).toLocaleString("en")} stored`);
});

test("the calls chart is titled by the view's rejected filter, whatever the calls in it", async ({ page }) => {
  const titled = async (query: string, title: string, caption: RegExp) => {
    await open(page, `/?upload=${uploadId()}${query}`);
    const chart = page.locator("figure").first();
    await expect(chart).toHaveAccessibleName(title);
    await expect(chart.locator("figcaption span").first()).toHaveText(title);
    if (await chart.getByText("Show as a table").isVisible()) {
      await chart.getByText("Show as a table").click();
      await expect(chart.getByRole("table")).toHaveAccessibleName(caption);
    }
  };
  // Every call of this view is rejected: the view is still all calls.
  await titled("&cause=missing_credential", "Calls over time", /^Calls per .+: rejections by cause, and calls not rejected$/);
  await expect(page.getByRole("button", { name: "All calls", pressed: true })).toBeVisible();
  await titled("&app=Nobody", "Calls over time", /./);
  await titled("&rejected=true", "Rejections over time", /^Rejections per .+, by cause$/);
  await titled("&rejected=false", "Calls not rejected over time", /^Calls not rejected per .+$/);
});

test("the six causes keep the rules table's order in the facet, the Causes chart, the chart's table and its tooltip", async ({ page }) => {
  await open(page, `/?upload=${uploadId()}`);
  const titles = CAUSE_ORDER.filter((cause) => cause in PARTNER_CAUSES).map((cause) => CAUSES[cause].title);
  await expect(facet(page, "Cause").locator(".facet-label")).toHaveText([...titles, "— not rejected"]);
  await expect(page.getByRole("figure", { name: "Causes" }).locator(".top-label")).toHaveText(titles);

  const chart = page.getByRole("figure", { name: "Calls over time" });
  await chart.getByText("Show as a table").click();
  await expect(chart.getByRole("table").locator("thead th")).toHaveText(["Period from", ...titles, "Not rejected", "Total"]);

  // A bar with every cause in it: a partner's first call (missing), its fourth (no access) and its tenth (unknown token).
  // Each of the tooltip's lines names a series, then its count ("Credential missing: 3 calls").
  const tooltip = chart.locator(".chart-tooltip li");
  let listed: string[] = [];
  for (const bar of await chart.locator(".recharts-bar-rectangle path").all()) {
    await bar.hover();
    listed = (await tooltip.allTextContents()).map((line) => line.replace(/: [\d,]+ calls?$/, ""));
    if (listed.length > titles.length) break;
  }
  expect(listed).toEqual([...titles, "Not rejected"]);
});
