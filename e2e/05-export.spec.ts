import { expect, test } from "@playwright/test";
import { open } from "./support/open";
import { ensureSamplesStored, RAW_CREDENTIALS } from "./support/samples";

test.beforeAll(async ({ request }) => ensureSamplesStored(request));

test("exporting a filtered view as CSV gives exactly its calls, with credentials masked", async ({ page }) => {
  await open(page, "/?rejected=true&location=header");
  const total = Number(await page.getByTestId("total").textContent());
  const shown = await page.locator("tr[data-call-id]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-call-id")));

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  // Named for when it was made: a second export does not overwrite the first.
  expect((await download).suggestedFilename()).toMatch(/^tracelens-calls-\d{4}-\d\d-\d\dT\d{4}Z\.csv$/);
  const file = await (await download).path();
  const bytes = (await import("node:fs")).readFileSync(file);
  // A UTF-8 byte order mark first, for spreadsheets.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.toString("utf8").slice(1);
  const [header, ...rows] = csv.trim().split("\r\n");
  expect(header?.split(",")).toContain("credentialPreview");
  expect(rows).toHaveLength(total);
  expect(rows.map((row) => row.split(",")[0]).sort()).toEqual([...shown].sort());
  expect(csv).toContain("2Yot…pAA");
  for (const raw of RAW_CREDENTIALS) expect(csv).not.toContain(raw);
  // The file explains itself: each rejection with its cause in words, what to do, and the line that proves it.
  const a91 = rows.find((row) => row.startsWith("a91,"));
  expect(a91).toContain("No access to this resource");
  expect(a91).toContain("Grant the app Partner Portal access to the Orders API's plan");
  expect(a91).toContain("gateway-trace.log,10,");
  expect(a91).toContain("DOES NOT HAVE ACCESS TO THIS RESOURCE");

  const ndjson = await page.request.get("/api/export?format=ndjson&rejected=true&location=header");
  expect(ndjson.headers()["content-type"]).toContain("application/x-ndjson");
  expect((await ndjson.text()).trim().split("\n")).toHaveLength(total);
});

test("an export keeps the columns the view shows, and always names the call", async ({ page }) => {
  await open(page, "/?rejected=true&columns=time&columns=cause");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = (await import("node:fs")).readFileSync(await (await download).path(), "utf8").slice(1);
  expect(csv.split("\r\n")[0]).toBe("callId,time,rejected,cause,causeTitle,remedy,evidenceFile,evidenceLine,evidenceText,responseBody");
});

test("an exported unexplained 401 carries its response body, all there is to tell it by", async ({ page }) => {
  const csv = await (await page.request.get("/api/export?format=csv&cause=unknown&columns=cause")).text();
  const [header, g7] = csv.slice(1).trim().split("\r\n");
  expect(header?.split(",").at(-1)).toBe("responseBody");
  expect(g7).toMatch(/^g7,.*Unauthorized/);
});
