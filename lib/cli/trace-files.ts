import crypto from "node:crypto";
import fs, { createReadStream } from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { z } from "zod";
import type { UnreadableFilesError } from "../ingest";
import type { TraceReadError } from "../trace-reading";

/** `-` for a file name reads standard input, as other command-line tools do (`zcat x.gz | tracelens classify -`). */
const STDIN = "-";
/** Standard input's name in messages and evidence; no path resolves to it, so no file can share it. */
const STDIN_NAME = "stdin";

/** The trace files a command names: at least one, none empty, standard input at most once (it can be read only once). */
export const traceFilePaths = z
  .array(z.string().min(1, "a file name is empty"))
  .min(1, "name at least one trace file")
  .refine((paths) => paths.filter((given) => given === STDIN).length <= 1, "standard input (-) is named more than once: it can be read only once");

/** A file named on the command line, and the name its lines are quoted under (evidence, the dashboard). */
export type TraceFile = { path: string; name: string };

/**
 * Each file under its base name, as evidence quotes it; where two files share
 * a base name, under the fewest trailing folders that tell them apart
 * (`node-a/gateway.log`, `node-b/gateway.log`). One file named twice
 * (`gateway.log`, `./gateway.log`) is one name. Standard input is "stdin"
 * (a file called so is then told apart by its folder).
 */
export function namedTraceFiles(paths: string[]): TraceFile[] {
  const resolved = paths.map((given) => (given === STDIN ? STDIN_NAME : path.resolve(given)));
  const distinct = [...new Set(resolved)];
  return paths.map((given, index) => ({ path: given, name: shortestDistinctSuffix(resolved[index] ?? given, distinct) }));
}

function shortestDistinctSuffix(file: string, files: string[]): string {
  const parts = file.split(path.sep);
  const suffixOf = (other: string, count: number) => other.split(path.sep).slice(-count).join("/");
  for (let count = 1; count < parts.length; count++) {
    const suffix = suffixOf(file, count);
    if (files.every((other) => other === file || suffixOf(other, count) !== suffix)) return suffix;
  }
  return file;
}

/** The file's bytes, or standard input's for `-`. */
export function openTraceFile(file: TraceFile): Readable {
  return file.path === STDIN ? process.stdin : createReadStream(file.path, { highWaterMark: 1024 * 1024 });
}

/**
 * A regular file's size and a way to hash its bytes (SHA-256, hex), with
 * which ingest knows a file stored before without reading it; nothing for
 * standard input or a pipe, which can be read once, or a path that cannot
 * be read (reading it says why).
 */
export function knownBytes(file: TraceFile): { size?: number; sha256?: () => Promise<string> } {
  const stat = statOf(file);
  return stat?.isFile() ? { size: stat.size, sha256: () => sha256Of(file.path) } : {};
}

async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * Whether the file can be read a second time: not standard input, a pipe or
 * `/dev/stdin`. A path that cannot be read is reported, file named, when its
 * turn comes.
 */
export function isRereadable(file: TraceFile): boolean {
  if (file.path === STDIN) return false;
  return statOf(file)?.isFile() ?? true;
}

/** The file's status on disk; null for standard input or a path that cannot be read. */
function statOf(file: TraceFile): fs.Stats | null {
  if (file.path === STDIN) return null;
  try {
    return fs.statSync(file.path);
  } catch {
    return null;
  }
}

/** Prints why a file could not be read, as one line naming it as the user gave it (standard input as "stdin"); the exit code for that. */
export function reportReadFailure(error: TraceReadError, files: TraceFile[], note = ""): number {
  printFailure(error.file, error.problem, files, note);
  return 2;
}

/**
 * Prints why an upload was refused: one line for each file that cannot be
 * read, in order, the first as reportReadFailure prints it, then one for the
 * readable ones, which were not stored either. The exit code for that.
 */
export function reportUnreadableFiles(error: UnreadableFilesError, files: TraceFile[]): number {
  const unreadable = error.files.filter((file) => !file.readable);
  unreadable.forEach((file, index) => printFailure(file.name, file.message, files, index === 0 ? " (nothing was stored)" : ""));
  const readable = error.files.length - unreadable.length;
  if (readable > 0) {
    const [count, verbs] = readable === 1 ? ["1 other file is", "was"] : [`${readable} other files are`, "were"];
    process.stderr.write(`tracelens: ${count} readable, but ${verbs} not stored either: an upload is stored whole or not at all\n`);
  }
  return 2;
}

/** One line: the file named as the user gave it (standard input as "stdin"), then what went wrong. */
function printFailure(name: string, problem: string, files: TraceFile[], note: string): void {
  const file = files.find((candidate) => candidate.name === name);
  const given = file === undefined || file.path === STDIN ? name : file.path;
  process.stderr.write(`tracelens: ${given}: ${problem}${note}\n`);
}
