import { expect, test } from "@playwright/test";
import { open } from "./support/open";

// Files run in name order on one worker: this one sees the empty database.

test("a first-time user sees the product frame and how to load a trace", async ({ page }) => {
  await open(page, "/");
  await expect(page).toHaveTitle(/Tracelens/);
  await expect(page.getByRole("link", { name: "Tracelens home" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calls" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("stored-calls")).toHaveText("0");
  await expect(page.getByRole("heading", { name: /No calls yet/ })).toBeVisible();
  await expect(page.getByText("npx tracelens ingest path/to/gateway-trace.log")).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Uploads" }).click();
  await expect(page).toHaveURL(/\/uploads$/);
  await expect(page.getByRole("heading", { name: "Uploads", level: 1 })).toBeVisible();
});
