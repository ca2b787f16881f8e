import type { Readable } from "node:stream";
import { DECOMPRESSION_LIMITS, GzipError, openByteSource, ByteTally, type DecompressionLimits } from "./byte-source";
import { detectFormat } from "./detect-format";
import { NoTraceRecordsError, TraceFormatError, TraceReadError } from "./errors";
import type { TraceFileSummary, TraceFormat, TraceSink } from "./events";
import type { FormatReader } from "./format-reader";
import { JsonDocumentReader } from "./json/json-document-reader";
import { JsonLinesReader } from "./json/json-lines-reader";
import { LineSplitter } from "./line-splitter";
import { LookBackMasking } from "./look-back";
import { CredentialScrubber, type CarriedValueListener } from "./scrubber";
import { TextTraceReader } from "./text/text-reader";

export type TraceInput = { name: string; stream: NodeJS.ReadableStream | Readable };
export type ReadOptions = {
  fingerprintKey: Buffer;
  decompression?: DecompressionLimits;
  /**
   * The values the earlier files of the same upload or run carried
   * (rememberCarriedValues): a token carried in one file is masked where a
   * file read after it echoes it (rotated logs, records of one call spread
   * over files). Without it, each file starts knowing none.
   */
  carriedSoFar?: CarriedValueMemory;
};

/**
 * What files read one after another remember of the values their calls
 * carried; `scrub(callRef, text)` masks them in a text quoted later.
 */
export type CarriedValueMemory = CredentialScrubber;

export function rememberCarriedValues(fingerprintKey: Buffer, listener?: CarriedValueListener): CarriedValueMemory {
  return new CredentialScrubber(fingerprintKey, listener);
}

type OpenFormat = { format: TraceFormat; reader: FormatReader; splitter: LineSplitter; masking: LookBackMasking };

const READERS: Record<TraceFormat, new (file: string, sink: TraceSink, scrubber: CredentialScrubber) => FormatReader> = {
  text: TextTraceReader,
  json_lines: JsonLinesReader,
  json_document: JsonDocumentReader,
};

/**
 * Reads one trace file as a stream and hands its events to `sink`. Any way
 * the file cannot be read ends in a TraceReadError naming the file and where;
 * errors thrown by the sink itself pass through unchanged.
 */
export async function readTraceFile(input: TraceInput, sink: TraceSink, options: ReadOptions): Promise<TraceFileSummary> {
  const tally = new ByteTally();
  const source = await openByteSource(input.stream as AsyncIterable<unknown>, tally, options.decompression ?? DECOMPRESSION_LIMITS).catch((error: unknown) => {
    throw sourceFailure(input.name, error, tally);
  });
  const chunks = source.chunks[Symbol.asyncIterator]();
  const nextChunk = () =>
    chunks.next().catch((error: unknown) => {
      throw sourceFailure(input.name, error, tally);
    });
  const { open, ended } = await detect(input.name, nextChunk, (format) => {
    const scrubber = options.carriedSoFar ?? new CredentialScrubber(options.fingerprintKey);
    const masking = new LookBackMasking(sink, scrubber);
    const reader = new READERS[format](input.name, masking, scrubber);
    return { format, reader, masking, splitter: new LineSplitter((text, lineNumber) => reader.line(text, lineNumber)) };
  });
  for (let next = ended ? null : await nextChunk(); next !== null && !next.done; next = await nextChunk()) {
    const chunk = next.value;
    await sink.drain?.();
    readLines(input.name, () => open.splitter.push(chunk));
  }
  readLines(input.name, () => {
    open.splitter.end();
    open.reader.flush();
  });
  open.masking.flush();
  if (open.reader.eventCount === 0) throw new NoTraceRecordsError(input.name);
  return {
    name: input.name,
    format: open.format,
    gzip: source.gzip,
    sha256: tally.sha256(),
    contentSha256: source.contentSha256(),
    byteCount: tally.byteCount,
    lineCount: open.splitter.lineCount,
    gatewayEventCount: open.reader.gatewayEventCount,
  };
}

/** Reads until the format shows, then feeds what was read to that format's reader. */
async function detect(
  file: string,
  nextChunk: () => Promise<IteratorResult<Buffer>>,
  openFormat: (format: TraceFormat) => OpenFormat,
): Promise<{ open: OpenFormat; ended: boolean }> {
  let head: Buffer = Buffer.alloc(0);
  for (;;) {
    const next = await nextChunk();
    if (!next.done) head = head.length === 0 ? next.value : Buffer.concat([head, next.value]);
    const detected = detectFormat(head, next.done === true);
    if (detected === "empty") throw new NoTraceRecordsError(file);
    if (detected === "need_more") continue;
    const open = openFormat(detected);
    readLines(file, () => open.splitter.push(head));
    return { open, ended: next.done === true };
  }
}

function readLines(file: string, step: () => void): void {
  try {
    step();
  } catch (error) {
    if (error instanceof TraceFormatError) {
      throw new TraceReadError(file, error.reason, error.line === undefined ? {} : { line: error.line });
    }
    throw error;
  }
}

const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "is a folder, not a file",
  EACCES: "permission denied",
  ENOTDIR: "a part of its path is a file, not a folder",
  ENAMETOOLONG: "its name is too long",
};

/**
 * The raw stream or gzip failed: only the byte offset is known (none when the
 * file could not even be opened). Only the file's own failures become a
 * TraceReadError; a stream stopped by its source (an upload over its size
 * limit, say) passes through as it is.
 */
function sourceFailure(file: string, error: unknown, tally: ByteTally): unknown {
  const where = tally.byteCount > 0 ? { byteOffset: tally.byteCount } : {};
  if (error instanceof GzipError) return new TraceReadError(file, error.message, { byteOffset: tally.byteCount });
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === "string" && error instanceof Error && "syscall" in error) {
    return new TraceReadError(file, `cannot read: ${SYSTEM_ERRORS[code] ?? code}`, where);
  }
  return error;
}
