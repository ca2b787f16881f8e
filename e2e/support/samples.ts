import path from "node:path";
import { samplePaths } from "../../test/support/samples";

export { SAMPLE_RAW_CREDENTIALS as RAW_CREDENTIALS } from "../../test/support/samples";
export const SAMPLE_FILES = samplePaths();

/** Makes sure the samples are stored; uploading the same bytes again adds nothing, so this is safe to repeat. */
export async function ensureSamplesStored(request: import("@playwright/test").APIRequestContext): Promise<void> {
  const fs = await import("node:fs");
  const multipart = new FormData();
  for (const file of SAMPLE_FILES) multipart.append("file", new Blob([fs.readFileSync(file)]), path.basename(file));
  const response = await request.post("/api/uploads", { multipart });
  if (response.status() >= 300 && response.status() !== 200) throw new Error(`seeding the samples failed: ${response.status()}`);
}
