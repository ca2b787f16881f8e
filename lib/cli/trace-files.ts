import path from "node:path";
import { z } from "zod";
import type { TraceReadError } from "../trace-reading";

/** The trace files a command names: at least one, none empty. */
export const traceFilePaths = z.array(z.string().min(1, "a file name is empty")).min(1, "name at least one trace file");

/** A file named on the command line, and the name its lines are quoted under (evidence, the dashboard). */
export type TraceFile = { path: string; name: string };

/**
 * Each file under its base name, as evidence quotes it; where two files share
 * a base name, under the fewest trailing folders that tell them apart
 * (`node-a/gateway.log`, `node-b/gateway.log`). One file named twice
 * (`gateway.log`, `./gateway.log`) is one name.
 */
export function namedTraceFiles(paths: string[]): TraceFile[] {
  const resolved = paths.map((given) => path.resolve(given));
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

/** Prints why a file could not be read, as one line naming it as the user gave it; the exit code for that. */
export function reportReadFailure(error: TraceReadError, files: TraceFile[], note = ""): number {
  const given = files.find((file) => file.name === error.file)?.path ?? error.file;
  process.stderr.write(`tracelens: ${given}${error.message.slice(error.file.length)}${note}\n`);
  return 2;
}
