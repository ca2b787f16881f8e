import fs from "node:fs";
import path from "node:path";
import type { UploadResult } from "../../lib/ingest";
import { SAMPLE_NAMES, samplesDir } from "./samples";

export type FilePart = { name: string; content: Buffer | string };

/** What the API answers a request it refuses (lib/http/api-route.ts). */
export type ApiError = { error: { code: string; message: string } };

/**
 * An answer's status and JSON body. The caller names the body it expects
 * (a lib type, or ApiError for a refusal) and asserts the status that goes with it.
 */
export type ApiAnswer<Body> = { status: number; body: Body };

export function sampleParts(): FilePart[] {
  return SAMPLE_NAMES.map((name) => ({ name, content: fs.readFileSync(path.join(samplesDir, name)) }));
}

/** POST /api/uploads as a browser or curl would: multipart, field "file", repeated. */
export async function upload<Body = UploadResult>(baseUrl: string, parts: FilePart[]): Promise<ApiAnswer<Body>> {
  const form = new FormData();
  for (const part of parts) form.append("file", new Blob([typeof part.content === "string" ? part.content : new Uint8Array(part.content)]), part.name);
  const response = await fetch(`${baseUrl}/api/uploads`, { method: "POST", body: form });
  return { status: response.status, body: (await response.json()) as Body };
}

export async function getJson<Body>(url: string): Promise<ApiAnswer<Body>> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Body };
}
