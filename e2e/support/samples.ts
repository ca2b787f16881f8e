import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { samplePaths } from "../../test/support/samples";

export { SAMPLE_RAW_CREDENTIALS as RAW_CREDENTIALS } from "../../test/support/samples";
export const SAMPLE_PATHS = samplePaths();

/** Makes sure the samples are stored; uploading the same bytes again adds nothing, so this is safe to repeat. */
export async function ensureSamplesStored(request: APIRequestContext): Promise<void> {
  const multipart = new FormData();
  for (const file of SAMPLE_PATHS) multipart.append("file", new Blob([fs.readFileSync(file)]), path.basename(file));
  const response = await request.post("/api/uploads", { multipart });
  if (!response.ok()) throw new Error(`seeding the samples failed: ${response.status()}`);
}
