import path from "node:path";

export const samplesDir = path.resolve(import.meta.dirname, "../../../shared/samples");
export const SAMPLE_FILES = ["gateway-trace.log", "gateway-trace.ndjson", "gateway-calls.json"].map((name) => path.join(samplesDir, name));

/** Every raw credential value the samples carry: none may ever reach a page or an export. */
export const RAW_CREDENTIALS = ["2YotnFZFEjr1zCsicMWpAA", "f3b1c2d4e5", "9fK2mQ7xL0pR4tV8", "Q1w2E3r4T5", "k-777-abc", "Zx9Yw8Vu7Ts6", "s3cr3t-cookie"];

/** Makes sure the samples are stored; uploading the same bytes again adds nothing, so this is safe to repeat. */
export async function ensureSamplesStored(request: import("@playwright/test").APIRequestContext): Promise<void> {
  const fs = await import("node:fs");
  const multipart = new FormData();
  for (const file of SAMPLE_FILES) multipart.append("file", new Blob([fs.readFileSync(file)]), path.basename(file));
  const response = await request.post("/api/uploads", { multipart });
  if (response.status() >= 300 && response.status() !== 200) throw new Error(`seeding the samples failed: ${response.status()}`);
}
