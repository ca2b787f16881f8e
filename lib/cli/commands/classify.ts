import { createReadStream } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { z } from "zod";
import { CallLinker, compareCalls, type CallFacts } from "../../calls";
import { loadFingerprintKey } from "../../credentials";
import { classifyCall } from "../../rules";
import { readTraceFile, TraceReadError, type TraceInput, type TraceSink } from "../../trace-reading";

const argumentsSchema = z.array(z.string().min(1, "a file name is empty")).min(1, "name at least one trace file");

export function registerClassify(program: Command): void {
  program
    .command("classify")
    .description("read trace files (text, JSON Lines or a JSON document, gzip or not) and print one JSON line per call: whether it was rejected, why, and the evidence; no database")
    .argument("<files...>", "trace files; records of one call may be spread over several")
    .action(async (files: string[]) => {
      process.exitCode = await classifyCommand(argumentsSchema.parse(files));
    });
}

async function classifyCommand(files: string[]): Promise<number> {
  try {
    const calls = await linkTraceFiles(openEach(files), loadFingerprintKey());
    await writeVerdicts(calls, process.stdout);
    return 0;
  } catch (error) {
    if (!(error instanceof TraceReadError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
}

/** Opens each file only when its turn comes: an open stream that fails before it is read would go unheard. */
function* openEach(files: string[]): Generator<TraceInput> {
  for (const file of files) yield { name: path.basename(file), stream: createReadStream(file, { highWaterMark: 1024 * 1024 }) };
}

/** Calls are joined across all files of one run. */
export async function linkTraceFiles(inputs: Iterable<TraceInput>, fingerprintKey: Buffer): Promise<CallLinker> {
  const linker = new CallLinker({ keepSummary: false });
  const sink: TraceSink = { evidenceOnly: true, callEvent: (event) => linker.apply(event), gatewayEvent: () => {} };
  for (const input of inputs) await readTraceFile(input, sink, { fingerprintKey });
  return linker;
}

/** One line of the output (spec section 6): exactly these keys, in this order, null where they do not apply. */
export function verdictRow(facts: CallFacts) {
  const verdict = classifyCall(facts);
  return {
    callId: facts.callRef,
    status: facts.response?.status ?? null,
    rejected: verdict.rejected,
    cause: verdict.cause,
    credential: verdict.credential,
    interceptor: verdict.interceptor,
    evidence: verdict.evidence,
  };
}

const LINES_PER_WRITE = 2000;

/** Stops quietly when the reader of the output goes away (`tracelens classify x | head`). */
async function writeVerdicts(calls: Iterable<CallFacts>, out: NodeJS.WritableStream): Promise<void> {
  let closed = false;
  out.on("error", () => (closed = true));
  const ordered = [...calls].sort(compareCalls);
  for (let start = 0; start < ordered.length && !closed; start += LINES_PER_WRITE) {
    const batch = ordered.slice(start, start + LINES_PER_WRITE).map((facts) => JSON.stringify(verdictRow(facts))).join("\n") + "\n";
    if (!out.write(batch)) await new Promise((resolve) => out.once("drain", resolve).once("error", resolve));
  }
}
