import { expect, test } from "@playwright/test";
import { open } from "./support/open";
import { ensureSamplesStored } from "./support/samples";

test.beforeAll(async ({ request }) => ensureSamplesStored(request));
// A browser three hours behind UTC, where the gateway's traces are written.
test.use({ timezoneId: "America/Sao_Paulo" });

test("times show in the browser's zone, or in UTC as the traces write them once chosen, and the choice is kept", async ({ page }) => {
  await open(page, "/?cause=no_resource_access&api=Orders");
  const row = page.locator('tbody tr[data-call-id="a91"]');
  const zone = page.getByRole("columnheader", { name: /Time/ }).locator(".zone-name");
  await expect(row).toContainText("2026-11-20 11:03:12.010");
  await expect(zone).toHaveText("America/Sao_Paulo");

  await page.getByRole("group", { name: "Show times in" }).getByRole("button", { name: "UTC" }).click();
  await expect(row).toContainText("2026-11-20 14:03:12.010");
  await expect(zone).toHaveText("UTC");

  await page.reload();
  await expect(page.getByRole("group", { name: "Show times in" }).getByRole("button", { name: "UTC" })).toHaveAttribute("aria-pressed", "true");
  await expect(row).toContainText("2026-11-20 14:03:12.010");
  await row.getByRole("link").click();
  // The call's trace follows the choice, so its times match the raw lines beside them.
  await expect(page.getByRole("list", { name: "Trace" })).toContainText("14:03:12.012");
});
