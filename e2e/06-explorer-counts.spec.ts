import { expect, test } from "@playwright/test";
import { SHARED_CREDENTIAL_TRACE, SHARED_TOKEN, SHARED_TOKEN_PREVIEW } from "../test/support/shared-credential";
import { open } from "./support/open";
import { ensureSamplesStored } from "./support/samples";

test.beforeAll(async ({ request }) => ensureSamplesStored(request));

test("a failing credential's bar leads to exactly the rejections it counts, under a chip that names the credential", async ({ page, request }) => {
  const upload = await request.post("/api/uploads", {
    multipart: { file: { name: "shared-credential.log", mimeType: "text/plain", buffer: Buffer.from(SHARED_CREDENTIAL_TRACE) } },
  });
  expect(upload.status()).toBe(201);
  try {
    await open(page, "/");
    const chart = page.getByRole("figure", { name: "Top failing credentials" });
    const label = `access_token ${SHARED_TOKEN_PREVIEW}`;
    const bar = chart.locator(".recharts-bar-rectangle").first();
    await bar.hover();
    const tooltip = chart.locator(".recharts-tooltip-wrapper");
    await expect(tooltip).toContainText(label);
    await expect(tooltip).toContainText("2 rejections");

    await bar.click();
    await expect(page.getByTestId("total")).toHaveText("2");
    await expect(page).toHaveURL(/[?&]refused=[0-9a-f]+/);
    await expect(page.getByRole("list", { name: "Active filters" })).toContainText(`Refused credential = ${label}`);
    expect(await page.content()).not.toContain(SHARED_TOKEN);
  } finally {
    await request.delete(`/api/uploads/${(await upload.json()).uploadId}`);
  }
});
