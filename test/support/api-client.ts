import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { SAMPLE_NAMES, samplesDir } from "./samples";

export const repoRoot = path.resolve(import.meta.dirname, "../..");
export { SAMPLE_NAMES as SAMPLE_FILES, samplesDir } from "./samples";

export type FilePart = { name: string; content: Buffer | string };

export function sampleParts(): FilePart[] {
  return SAMPLE_NAMES.map((name) => ({ name, content: fs.readFileSync(path.join(samplesDir, name)) }));
}

/** POST /api/uploads as a browser or curl would: multipart, field "file", repeated. */
export async function upload(baseUrl: string, parts: FilePart[]): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const part of parts) form.append("file", new Blob([typeof part.content === "string" ? part.content : new Uint8Array(part.content)]), part.name);
  const response = await fetch(`${baseUrl}/api/uploads`, { method: "POST", body: form });
  return { status: response.status, body: await response.json() };
}

export async function getJson(url: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

/** What `tracelens classify` says about files: the reference the stored calls must agree with. */
export function classifyFiles(files: string[], env: NodeJS.ProcessEnv): Array<Record<string, any>> {
  const output = execFileSync(process.execPath, [path.join(repoRoot, "bin/tracelens.mjs"), "classify", ...files], { env });
  return output.toString().trim().split("\n").map((line) => JSON.parse(line));
}
