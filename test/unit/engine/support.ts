import { onTestFinished } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { classifyTraceFiles, VERDICT_LIMITS, type VerdictLimits } from "../../../lib/verdicts";
import { runCli, type CliResult, type VerdictRow } from "../../support/cli";
import { readTraceFile, TraceReadError, type CallEvent, type GatewayEvent, type TraceFileSummary } from "../../../lib/trace-reading";

export { samplesDir } from "../../support/samples";
export const fingerprintKey = Buffer.from("tracelens unit tests");

/** `tracelens classify` as a user runs it, with a test key so nothing is written to the home folder, and `stdin` piped in. */
export function runClassify(paths: string[], stdin?: string | Buffer): CliResult {
  return runCli(["classify", ...paths], { env: { TRACELENS_FINGERPRINT_KEY: fingerprintKey.toString("utf8") }, timeoutMs: 60_000, stdin });
}

export type TraceFile = { name: string; content: string | Buffer };

/** The classify pipeline in this process, on contents: the rows `tracelens classify` would print for these files. */
export async function classifyInProcess(files: TraceFile[], limits: VerdictLimits = VERDICT_LIMITS): Promise<VerdictRow[]> {
  const openers = files.map((file) => () => ({ name: file.name, stream: Readable.from([Buffer.from(file.content)]) }));
  const rows: VerdictRow[] = [];
  const collect = async (lines: string[]) => {
    for (const line of lines) rows.push(JSON.parse(line) as VerdictRow);
    return true;
  };
  await classifyTraceFiles(openers, fingerprintKey, collect, { limits });
  return rows;
}

export async function classifyText(content: string, name = "trace.log") {
  return classifyInProcess([{ name, content }]);
}

/** A file on disk for the test that calls it; removed when that test finishes. */
export function writeTemp(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tracelens-engine-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

export type ReadResult = { calls: CallEvent[]; gateway: GatewayEvent[]; summary: TraceFileSummary };

/** Every event one file gives, in order, with its summary. */
export async function readEvents(content: string | Buffer, name = "trace.log"): Promise<ReadResult> {
  const calls: CallEvent[] = [];
  const gateway: GatewayEvent[] = [];
  const sink = { callEvent: (event: CallEvent) => calls.push(event), gatewayEvent: (event: GatewayEvent) => gateway.push(event) };
  const summary = await readTraceFile({ name, stream: Readable.from([Buffer.from(content)]) }, sink, { fingerprintKey });
  return { calls, gateway, summary };
}

/** The error reading this content fails with (the test fails if it reads). */
export async function readError(content: string | Buffer, name = "trace.log"): Promise<TraceReadError> {
  try {
    await readEvents(content, name);
  } catch (error) {
    if (error instanceof TraceReadError) return error;
    throw error;
  }
  throw new Error(`${name} was read without error`);
}
