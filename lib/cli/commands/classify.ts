import type { Command } from "commander";
import { loadFingerprintKey } from "../../credentials";
import { TraceReadError } from "../../trace-reading";
import { classifyTraceFiles, type VerdictWriter } from "../../verdicts";
import { parseArguments } from "../arguments";
import { classifySummary } from "../classify-summary";
import { isRereadable, namedTraceFiles, openTraceFile, reportReadFailure, traceFilePaths, type TraceFile } from "../trace-files";

export function registerClassify(program: Command): void {
  program
    .command("classify")
    .description("read trace files (text, JSON Lines or a JSON document, gzip or not) and print one JSON line per call: whether it was rejected, why, and the evidence; no database")
    .argument("<files...>", "trace files, or - for standard input; records of one call may be spread over several")
    .option("--rejected", "print the rejected calls only", false)
    .option("--summary", "print, instead of JSON lines, the rejections counted by cause, with what to do and the first calls to look at", false)
    .action(async (files: string[], options: ClassifyOptions) => {
      process.exitCode = await classifyCommand(namedTraceFiles(parseArguments(traceFilePaths, files)), options);
    });
}

type ClassifyOptions = { rejected: boolean; summary: boolean };

async function classifyCommand(files: TraceFile[], options: ClassifyOptions): Promise<number> {
  try {
    const rereadable = files.every(isRereadable);
    const summary = options.summary ? classifySummary() : null;
    const write = summary?.write ?? writeLines(process.stdout);
    await classifyTraceFiles(files.map(opener), loadFingerprintKey(), options.rejected ? (lines) => write(lines.filter(isRejection)) : write, {
      rereadable,
      // `classify samples/*` meets the README beside the traces: say so, and go on.
      onFileWithoutRecords: (error) => reportReadFailure(error, files, "; passed over"),
    });
    if (summary) process.stdout.write(summary.report());
    return 0;
  } catch (error) {
    if (!(error instanceof TraceReadError)) throw error;
    return reportReadFailure(error, files);
  }
}

/**
 * Whether a verdict line (verdict-line.ts) is a rejection's. Read in its
 * text, not parsed: `,"rejected":true,` can stand nowhere else in it, since
 * a quote inside a JSON string is always escaped (`\"`).
 */
const isRejection = (line: string) => line.includes(',"rejected":true,');

/** Opens the file only when its turn comes: an open stream that fails before it is read would go unheard. */
const opener = (file: TraceFile) => () => ({ name: file.name, stream: openTraceFile(file) });

/** Waits for "drain" or "error", whichever comes, and leaves no listener behind for the other. */
function drainedOrFailed(out: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off("drain", done);
      out.off("error", done);
      resolve();
    };
    out.on("drain", done);
    out.on("error", done);
  });
}

/** Stops quietly when the reader of the output goes away (`tracelens classify x | head`). */
function writeLines(out: NodeJS.WritableStream): VerdictWriter {
  let closed = false;
  out.on("error", () => (closed = true));
  return async (lines) => {
    if (closed) return false;
    if (!out.write(encodeLines(lines))) await drainedOrFailed(out);
    return !closed;
  };
}

/**
 * The lines as UTF-8, each ended by a line break, encoded one by one: joined
 * first, a single wide character (the `…` of a masked value) would make the
 * whole batch two bytes a character, slower to join and to encode.
 */
function encodeLines(lines: string[]): Buffer {
  const bytes = Buffer.allocUnsafe(lines.reduce((total, line) => total + Buffer.byteLength(line) + 1, 0));
  let used = 0;
  for (const line of lines) {
    used += bytes.write(line, used);
    bytes[used++] = 0x0a;
  }
  return bytes;
}
