/**
 * Why a trace file could not be read, with where. The message is one line,
 * safe to print as is: it never quotes the file's content (which may hold
 * credentials).
 */
export class TraceReadError extends Error {
  readonly file: string;
  /** Where and why, without the file's name: said beside a name given otherwise (a path, a list of files). */
  readonly problem: string;
  readonly line?: number;
  readonly byteOffset?: number;

  constructor(file: string, reason: string, where: { line?: number; byteOffset?: number } = {}) {
    const problem = `${describeWhere(where)}${reason}`;
    super(`${file}: ${problem}`);
    this.name = "TraceReadError";
    this.file = file;
    this.problem = problem;
    if (where.line !== undefined) this.line = where.line;
    if (where.byteOffset !== undefined) this.byteOffset = where.byteOffset;
  }
}

/**
 * A file that reads as text but holds no trace record at all (an empty file,
 * a README given with the traces): nothing of it was handed on, so a caller
 * may pass over it rather than fail.
 */
export class NoTraceRecordsError extends TraceReadError {
  constructor(file: string) {
    super(file, "no trace records");
    this.name = "NoTraceRecordsError";
  }
}

function describeWhere(where: { line?: number; byteOffset?: number }): string {
  if (where.line !== undefined) return `line ${where.line}: `;
  if (where.byteOffset !== undefined) return `byte ${where.byteOffset}: `;
  return "";
}

/** Raised inside a format reader, which knows the line but not the file name. */
export class TraceFormatError extends Error {
  constructor(
    readonly reason: string,
    readonly line?: number,
  ) {
    super(reason);
  }
}
