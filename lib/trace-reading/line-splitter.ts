import { isUtf8 } from "node:buffer";
import { TraceFormatError } from "./errors";

export const MAX_LINE_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const DECODED_BLOCK_BYTES = 64 * 1024;

export type LineHandler = (line: string, lineNumber: number) => void;

/**
 * Cuts decompressed bytes into lines (LF or CRLF, leading BOM dropped) and hands
 * each to `onLine` with its 1-based number. Whole runs of lines are checked and
 * decoded at once: per-line native calls would cost more than the parsing.
 */
export class LineSplitter {
  private carry: Buffer = Buffer.alloc(0);
  private started = false;
  lineCount = 0;

  constructor(private readonly onLine: LineHandler) {}

  push(chunk: Buffer): void {
    let data = chunk;
    if (!this.started) {
      data = this.dropBom(this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk);
      this.carry = Buffer.alloc(0);
    }
    const lastNewline = data.lastIndexOf(NEWLINE);
    if (lastNewline < 0) {
      this.carry = this.carry.length > 0 ? Buffer.concat([this.carry, data]) : data;
      if (this.carry.length > MAX_LINE_BYTES) throw tooLong(this.lineCount + 1);
      return;
    }
    let firstWhole = 0;
    if (this.carry.length > 0) {
      // The line cut at the end of the previous chunk is joined on its own:
      // copying the whole chunk behind it would allocate a megabyte for one line.
      firstWhole = data.indexOf(NEWLINE) + 1;
      this.emitLines(Buffer.concat([this.carry, data.subarray(0, firstWhole - 1)]));
    }
    if (firstWhole <= lastNewline) this.emitLines(data.subarray(firstWhole, lastNewline));
    this.carry = data.subarray(lastNewline + 1);
  }

  end(): void {
    if (this.carry.length > 0) this.emitLines(this.carry);
    this.carry = Buffer.alloc(0);
  }

  private dropBom(data: Buffer): Buffer {
    if (data.length < BOM.length) return data;
    this.started = true;
    return data.subarray(0, BOM.length).equals(BOM) ? data.subarray(BOM.length) : data;
  }

  /**
   * `bytes` holds whole lines separated by LF, without the final LF. They are
   * decoded in blocks small enough for V8's young generation: a string of a
   * whole megabyte would go straight to the old one, and make every garbage
   * collection there come sooner.
   */
  private emitLines(bytes: Buffer): void {
    this.started = true;
    if (bytes.indexOf(0) >= 0 || !isUtf8(bytes)) throw this.firstUnreadableLine(bytes);
    let start = 0;
    while (bytes.length - start > DECODED_BLOCK_BYTES) {
      const newline = bytes.lastIndexOf(NEWLINE, start + DECODED_BLOCK_BYTES);
      if (newline < start) break;
      this.emitBlock(bytes.toString("utf8", start, newline));
      start = newline + 1;
    }
    this.emitBlock(bytes.toString("utf8", start));
  }

  private emitBlock(text: string): void {
    let start = 0;
    for (;;) {
      const newline = text.indexOf("\n", start);
      const end = newline < 0 ? text.length : newline;
      this.lineCount++;
      if (end - start > MAX_LINE_BYTES / 4 && Buffer.byteLength(text.slice(start, end)) > MAX_LINE_BYTES) {
        throw tooLong(this.lineCount);
      }
      const crlf = end > start && text.charCodeAt(end - 1) === 13;
      this.onLine(text.slice(start, crlf ? end - 1 : end), this.lineCount);
      if (newline < 0) return;
      start = newline + 1;
    }
  }

  /** Only on the error path: walks line by line to name the one at fault. */
  private firstUnreadableLine(bytes: Buffer): TraceFormatError {
    let start = 0;
    for (let line = this.lineCount + 1; ; line++) {
      const newline = bytes.indexOf(NEWLINE, start);
      const end = newline < 0 ? bytes.length : newline;
      const lineBytes = bytes.subarray(start, end);
      if (lineBytes.indexOf(0) >= 0) return new TraceFormatError("binary data (NUL byte), not a trace", line);
      if (!isUtf8(lineBytes)) return new TraceFormatError("invalid UTF-8", line);
      if (newline < 0) return new TraceFormatError("invalid UTF-8", line);
      start = end + 1;
    }
  }
}

const tooLong = (line: number) => new TraceFormatError("line longer than 1 MiB", line);
