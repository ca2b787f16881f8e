import { createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { generateTrace } from "../classify/generate";

export type TraceFile = { path: string; bytes: number; lines: number; calls: number };

/**
 * Writes a synthetic text trace of about `bytes` to `path` with the classify
 * bench's generator. A thin wrapper: the generator writes to a stream and
 * returns counts; this adds the file and its exact size.
 */
export async function writeTextTrace(path: string, bytes: number): Promise<TraceFile> {
  const trace = await generateTrace(createWriteStream(path), { format: "text", bytes, gzip: false });
  return { path, bytes: (await stat(path)).size, lines: trace.lines, calls: trace.calls };
}
