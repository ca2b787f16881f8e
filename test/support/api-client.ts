import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import type { ErrorAnswer, UploadResult } from "../../lib/ingest";
import { SAMPLE_NAMES, samplesDir } from "./samples";

export type FilePart = { name: string; content: Buffer | string };

/** What the API answers a request it refuses (lib/http/api-route.ts). */
export type ApiError = ErrorAnswer;

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

/**
 * POST /api/uploads with its multipart body sent chunked (no Content-Length), as
 * a client streaming files of unknown size does: each part's bytes as the chunks given.
 */
export async function uploadChunked<Body>(baseUrl: string, parts: Array<{ name: string; chunks: Array<Buffer | string> }>): Promise<ApiAnswer<Body>> {
  const boundary = "tracelens-test-boundary";
  const body = Readable.from([
    ...parts.flatMap(({ name, chunks }) => [`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n`, ...chunks, "\r\n"]),
    `--${boundary}--\r\n`,
  ]);
  const response = await fetch(`${baseUrl}/api/uploads`, {
    method: "POST",
    body: Readable.toWeb(body) as ReadableStream,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    duplex: "half",
  } as RequestInit);
  return { status: response.status, body: (await response.json()) as Body };
}

export async function getJson<Body>(url: string): Promise<ApiAnswer<Body>> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Body };
}
