import { expect, test, type Page } from "@playwright/test";
import { open } from "./support/open";
import { ensureSamplesStored } from "./support/samples";

test.beforeAll(async ({ request }) => ensureSamplesStored(request));

const rowIds = (page: Page) => page.locator("tr[data-call-id]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-call-id")));

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
