import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { jsonDocumentRecord, jsonLines, textLines, type Format } from "./render";
import { CallFactory, Random, type Outcome } from "./scenarios";

export type GenerateOptions = { format: Format; bytes: number; gzip: boolean; seed?: number };
export type GeneratedTrace = { calls: number; lines: number; outcomes: Record<string, Outcome> };

/** Calls in flight at once: their lines interleave. */
const IN_FLIGHT = 8;
const GATEWAY_EVENT_EVERY = 500;

/**
 * Writes a synthetic gateway trace of about `bytes` (uncompressed) to `out`:
 * a realistic mix of passing calls and all six causes of rejection. Returns
 * what each call's outcome was, so a reader of the file can be checked.
 */
export async function generateTrace(out: Writable, options: GenerateOptions): Promise<GeneratedTrace> {
  const random = new Random(options.seed ?? 20261120);
  const factory = new CallFactory(random);
  const sink = options.gzip ? gzipInto(out) : out;
  const writer = new BatchWriter(sink);
  const outcomes: Record<string, Outcome> = {};
  const nextCall = () => {
    const call = factory.next();
    outcomes[call.ref] = call.outcome;
    return call;
  };
  if (options.format === "json_document") {
    await writer.write('{"calls": [\n');
    for (let first = true; writer.bytes < options.bytes; first = false) await writer.write((first ? "" : ",\n") + jsonDocumentRecord(nextCall()));
    await writer.write("\n]}\n");
  } else {
    const render = options.format === "text" ? textLines : jsonLines;
    const inFlight: string[][] = [];
    while (writer.bytes < options.bytes || inFlight.length > 0) {
      while (inFlight.length < IN_FLIGHT && writer.bytes < options.bytes) inFlight.push(render(nextCall(), random));
      const i = random.int(inFlight.length);
      const lines = inFlight[i] as string[];
      await writer.write(lines.shift() + "\n");
      if (lines.length === 0) inFlight.splice(i, 1);
      if (options.format === "text" && writer.lines % GATEWAY_EVENT_EVERY === 0) {
        await writer.write(`${new Date(Date.UTC(2026, 10, 20, 14)).toISOString()} INFO Gateway node gw-${random.int(4)} reloaded ${random.int(40)} APIs\n`);
      }
    }
  }
  await writer.end();
  // With gzip, `out` is still being written to when the gzip stream ends.
  if (options.gzip) await finished(out);
  return { calls: Object.keys(outcomes).length, lines: writer.lines, outcomes };
}

function gzipInto(out: Writable): Writable {
  const gzip = createGzip();
  gzip.pipe(out);
  return gzip;
}

/** Writes in large pieces and waits when the stream asks. */
class BatchWriter {
  private pending: string[] = [];
  private pendingBytes = 0;
  bytes = 0;
  lines = 0;

  constructor(private readonly out: Writable) {}

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingBytes += text.length;
    this.bytes += Buffer.byteLength(text);
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.lines++;
    if (this.pendingBytes >= 1 << 20) await this.flush();
  }

  async end(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.out.on("error", reject);
      this.out.end(resolve);
    });
  }

  private async flush(): Promise<void> {
    const text = this.pending.join("");
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.out.write(text)) await new Promise((resolve) => this.out.once("drain", resolve));
  }
}

/** `50MB`, `200mb`, `512KB`, or a number of bytes. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(kb|mb|gb)?$/i.exec(text.trim());
  if (m === null) throw new Error(`not a size: ${text} (try 50MB)`);
  const unit = { kb: 1 << 10, mb: 1 << 20, gb: 1 << 30 }[(m[2] ?? "").toLowerCase() as "kb" | "mb" | "gb"] ?? 1;
  return Math.round(Number(m[1]) * unit);
}

async function main(argv: string[]): Promise<void> {
  const { Command } = await import("commander");
  const program = new Command("generate")
    .description("write a synthetic Sensedia trace with a realistic mix of the six causes")
    .requiredOption("--out <file>", "where to write it")
    .option("--size <size>", "uncompressed size, e.g. 50MB", "50MB")
    .option("--format <format>", "text | json_lines | json_document", "text")
    .option("--gzip", "gzip the output", false)
    .parse(argv);
  const options = program.opts<{ out: string; size: string; format: Format; gzip: boolean }>();
  const trace = await generateTrace(createWriteStream(options.out), { format: options.format, bytes: parseSize(options.size), gzip: options.gzip });
  console.log(`${options.out}: ${trace.calls} calls, ${trace.lines} lines`);
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, "/"))) await main(process.argv);
