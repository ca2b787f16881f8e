import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { open } from "./support/open";
import { SAMPLE_PATHS } from "./support/samples";

const openUploads = (page: import("@playwright/test").Page) => open(page, "/uploads");

test("uploading the sample files through the page shows what was stored and why calls were rejected", async ({ page }) => {
  await openUploads(page);
  await page.getByTestId("file-input").setInputFiles(SAMPLE_PATHS);

  const result = page.getByTestId("upload-result");
  await expect(result.getByRole("heading")).toContainText("10 calls added");
  for (const file of ["gateway-trace.log", "gateway-trace.ndjson", "gateway-calls.json"]) {
    await expect(page.getByRole("progressbar", { name: `${file} stored` })).toBeVisible();
  }
  await expect(result.getByRole("link", { name: "3 × No access to this resource" })).toBeVisible();
  await expect(result.getByRole("link", { name: "1 × Credential sent with extra whitespace" })).toBeVisible();
  await expect(page.getByRole("table").getByRole("link", { name: "gateway-trace.log and 2 more" })).toBeVisible();

  await result.getByRole("link", { name: "3 × No access to this resource" }).click();
  await expect(page).toHaveURL(/[?&]cause=no_resource_access/);
  await expect(page.getByTestId("total")).toHaveText("3");
});

test("uploading the same files again stores nothing and says so", async ({ page }) => {
  await openUploads(page);
  await page.getByTestId("file-input").setInputFiles(SAMPLE_PATHS);
  await expect(page.getByTestId("upload-result").getByRole("heading")).toHaveText("Nothing new: every file was already uploaded");
  await expect(page.getByText("3 duplicate files skipped")).toBeVisible();
});

test("a file that cannot be read is refused with its name and position, and nothing is stored", async ({ page }) => {
  await openUploads(page);
  await page.getByTestId("file-input").setInputFiles([
    { name: "fine.ndjson", mimeType: "application/x-ndjson", buffer: Buffer.from('{"callId":"fine-1","status":401}\n') },
    { name: "broken.ndjson", mimeType: "application/x-ndjson", buffer: Buffer.from('{"callId":"ok-1","status":401}\n{"callId": oops\n') },
  ]);
  const panel = page.getByRole("region", { name: "Upload trace files" });
  await expect(panel.getByRole("alert")).toHaveText("Upload failed: broken.ndjson: line 2: invalid JSON; nothing was stored");
  // The file at fault is named as such; the good one is only not stored, with the rest of the upload.
  const files = panel.getByRole("list", { name: "Files" });
  await expect(files.getByRole("listitem").filter({ hasText: "broken.ndjson" })).toContainText("unreadable");
  await expect(files.getByRole("listitem").filter({ hasText: "fine.ndjson" })).toContainText("not stored");
  await open(page, "/");
  await expect(page.getByTestId("stored-calls")).toHaveText("10");
});

test("every file that cannot be read is named with its reason and position; the readable ones are said to be readable, not stored", async ({ page }) => {
  await openUploads(page);
  const traceLine = (callId: string) => `2026-11-22T09:00:00Z INFO [callId=${callId}] Response: 401 nope\n`;
  await page.getByTestId("file-input").setInputFiles([
    { name: "evil.log", mimeType: "text/plain", buffer: Buffer.from(`${traceLine("evil-1")}${"x".repeat(1024 * 1024 + 1)}\n`) },
    { name: "truncated.log.gz", mimeType: "application/gzip", buffer: gzipSync(traceLine("truncated-1").repeat(200)).subarray(0, 60) },
    { name: "binary.log", mimeType: "text/plain", buffer: Buffer.concat([Buffer.from(traceLine("binary-1")), Buffer.from([0x00, 0x01, 0x0a])]) },
    { name: "fine.log", mimeType: "text/plain", buffer: Buffer.from(traceLine("fine-2")) },
  ]);
  const panel = page.getByRole("region", { name: "Upload trace files" });
  await expect(panel.getByRole("alert")).toHaveText("Upload failed: evil.log: line 2: line longer than 1 MiB, and 2 more files cannot be read; nothing was stored");
  const files = panel.getByRole("list", { name: "Files" });
  const row = (name: string) => files.getByRole("listitem").filter({ hasText: name });
  await expect(row("evil.log")).toContainText("unreadable: line 2: line longer than 1 MiB");
  await expect(row("truncated.log.gz")).toContainText("unreadable: byte 60: truncated gzip data");
  await expect(row("binary.log")).toContainText("unreadable: line 2: binary data (NUL byte), not a trace");
  await expect(row("fine.log")).toContainText("readable, but not stored: an upload is stored whole or not at all");
  await open(page, "/");
  await expect(page.getByTestId("stored-calls")).toHaveText("10");
});

test("the terminal hint names the address the dashboard answers on", async ({ page }) => {
  await openUploads(page);
  const { host } = new URL(page.url());
  await expect(page.getByText(`curl -F file=@gateway-trace.log http://${host}/api/uploads`)).toBeVisible();
});
