import path from "node:path";
import { z } from "zod";
import type { TraceReadError } from "../trace-reading";

/** The trace files a command names: at least one, none empty. */
export const traceFilePaths = z.array(z.string().min(1, "a file name is empty")).min(1, "name at least one trace file");

/** A file named on the command line, and the name its lines are quoted under (evidence, the dashboard). */
export type TraceFile = { path: string; name: string };

/**
 * Each file under its base name, as evidence quotes it; where two share a
 * base name (`node-a/gateway.log`, `node-b/gateway.log`) both keep the path
 * as given, so their evidence can be told apart.
 */
export function namedTraceFiles(paths: string[]): TraceFile[] {
  const baseNames = paths.map((given) => path.basename(given));
  return paths.map((given, index) => {
    const name = baseNames[index] ?? given;
    return { path: given, name: baseNames.indexOf(name) === baseNames.lastIndexOf(name) ? name : given };
  });
}

/** Prints why a file could not be read, as one line naming it as the user gave it; the exit code for that. */
export function reportReadFailure(error: TraceReadError, files: TraceFile[], note = ""): number {
  const given = files.find((file) => file.name === error.file)?.path ?? error.file;
  process.stderr.write(`tracelens: ${given}${error.message.slice(error.file.length)}${note}\n`);
  return 2;
}
