import { PassThrough } from "node:stream";
import { generateTrace } from "../../bench/classify/generate";

/** A synthetic text trace of about `bytes` (bench/classify/generate.ts), in memory: passing calls, all six causes and gateway events. */
export async function generatedTrace(bytes: number, seed?: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  await generateTrace(out, { format: "text", bytes, gzip: false, seed });
  return Buffer.concat(chunks);
}
