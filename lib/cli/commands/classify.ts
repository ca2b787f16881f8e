import { createReadStream } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { z } from "zod";
import { CallLinker, compareCalls, type CallFacts } from "../../calls";
import { loadFingerprintKey } from "../../credentials";
import { classifyCall } from "../../rules";
import { readTraceFile, TraceReadError, type TraceSink } from "../../trace-reading";

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
    const calls = await linkCalls(files, loadFingerprintKey());
    await writeVerdicts(calls, process.stdout);
    return 0;
  } catch (error) {
    if (!(error instanceof TraceReadError)) throw error;
    process.stderr.write(`tracelens classify: ${error.message}\n`);
    return 2;
  }
}

/** Calls are joined across all files of one run. */
async function linkCalls(files: string[], fingerprintKey: Buffer): Promise<CallLinker> {
  const linker = new CallLinker();
  const sink: TraceSink = { callEvent: (event) => linker.apply(event), gatewayEvent: () => {} };
  for (const file of files) {
    const stream = createReadStream(file, { highWaterMark: 1024 * 1024 });
    await readTraceFile({ name: path.basename(file), stream }, sink, { fingerprintKey });
  }
  return linker;
}

/** Spec section 6: exactly these keys, in this order, null where they do not apply. */
function verdictLine(facts: CallFacts): string {
  const verdict = classifyCall(facts);
  return JSON.stringify({
    callId: facts.callRef,
    status: facts.response?.status ?? null,
    rejected: verdict.rejected,
    cause: verdict.cause,
    credential: verdict.credential,
    interceptor: verdict.interceptor,
    evidence: verdict.evidence,
  });
}

const LINES_PER_WRITE = 2000;

async function writeVerdicts(calls: Iterable<CallFacts>, out: NodeJS.WritableStream): Promise<void> {
  const ordered = [...calls].sort(compareCalls);
  for (let start = 0; start < ordered.length; start += LINES_PER_WRITE) {
    const batch = ordered.slice(start, start + LINES_PER_WRITE).map(verdictLine).join("\n") + "\n";
    if (!out.write(batch)) await new Promise((resolve) => out.once("drain", resolve));
  }
}
