import { TraceFormatError } from "../errors";
import { isRecord, RECORD_ARRAYS } from "./fields";
import { jsonErrorOffset } from "./json-error-offset";
import { RecordReader } from "./record-reader";

/** A single record larger than this is not a trace record: refuse rather than hold it all. */
const MAX_RECORD_CHARS = 16 * 1024 * 1024;

const RECORD_ARRAY_NAMES = [...RECORD_ARRAYS].join(", ").replace(/, (\w+)$/, " or $1");

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

type Stage = "start" | "container" | "records" | "rest" | "done";

/**
 * A JSON document read as a stream: a small scanner follows strings and
 * nesting, and hands each element of the record array (the top-level array,
 * or the `calls`/`items`/`data`/`records` array of a top-level object) to
 * JSON.parse on its own, so the whole document is never in memory.
 */
export class JsonDocumentReader extends RecordReader {
  private stage: Stage = "start";
  private depth = 0;
  private inString = false;
  private recordsDepth = 0;
  private expectRecord = true;
  /** Inside the top-level object: the last key read, and whether its value is next. */
  private key: { start: number; text: string } | null = null;
  private lastKey = "";
  private valueNext = false;
  private record: { parts: string[]; start: number; line: number; size: number } | null = null;
  private lineNumber = 0;

  line(text: string, lineNumber: number): void {
    this.lineNumber = lineNumber;
    if (this.record !== null) this.record.start = 0;
    if (this.key !== null) this.key.start = 0;
    let i = 0;
    while (i < text.length) i = this.inString ? this.skipString(text, i) : this.structural(text, i);
    if (this.record !== null) this.keepRecordPart(text.slice(this.record.start) + "\n");
    if (this.key !== null) this.key.text += text.slice(this.key.start) + "\n";
  }

  flush(): void {
    if (this.stage === "done") return;
    if (this.stage === "start") throw new TraceFormatError("no trace records");
    throw new TraceFormatError("JSON document ends before it is complete (truncated?)", this.lineNumber);
  }

  /** Returns the index after the string's end, or the line's end when the string goes on. */
  private skipString(text: string, from: number): number {
    let quote = text.indexOf('"', from);
    while (quote >= 0 && isEscaped(text, quote)) quote = text.indexOf('"', quote + 1);
    if (quote < 0) return text.length;
    this.inString = false;
    if (this.key !== null) this.endKey(text, quote);
    return quote + 1;
  }

  private structural(text: string, i: number): number {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0d) return i + 1;
    if (this.stage === "done") throw new TraceFormatError("unexpected text after the JSON document", this.lineNumber);
    if (this.stage === "start") return this.begin(c, i);
    if (this.stage === "records" && this.record === null && this.depth === this.recordsDepth) return this.betweenRecords(c, i);
    if (this.stage === "container" && this.depth === 1) this.containerMember(c, i);
    if (c === QUOTE) this.inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) this.depth++;
    else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) this.close(text, i);
    return i + 1;
  }

  private begin(c: number, i: number): number {
    if (c === OPEN_ARRAY) this.enterRecords(1);
    else if (c === OPEN_OBJECT) this.stage = "container";
    else throw new TraceFormatError("not a JSON array or object", this.lineNumber);
    this.depth = 1;
    this.valueNext = false;
    return i + 1;
  }

  private enterRecords(depth: number): void {
    this.stage = "records";
    this.recordsDepth = depth;
    this.expectRecord = true;
  }

  /** Keys of the top-level object, and the start of the record array's value. */
  private containerMember(c: number, i: number): void {
    if (c === QUOTE && !this.valueNext) this.key = { start: i, text: "" };
    else if (c === COLON) this.valueNext = true;
    else if (c === COMMA) this.valueNext = false;
    else if (this.valueNext) {
      this.valueNext = false;
      if (c === OPEN_ARRAY && RECORD_ARRAYS.has(this.lastKey.toLowerCase())) this.enterRecords(2);
    }
  }

  private endKey(text: string, quote: number): void {
    const key = this.key;
    this.key = null;
    if (key === null) return;
    try {
      this.lastKey = JSON.parse(key.text + text.slice(key.start, quote + 1)) as string;
    } catch {
      this.lastKey = "";
    }
  }

  private betweenRecords(c: number, i: number): number {
    if (c === CLOSE_ARRAY) {
      const afterComma = this.expectRecord && this.eventCount > 0;
      if (afterComma) throw this.invalidAt(this.lineNumber);
      this.depth--;
      this.stage = this.depth === 0 ? "done" : "rest";
      return i + 1;
    }
    if (c === COMMA && !this.expectRecord) {
      this.expectRecord = true;
      return i + 1;
    }
    if (c !== OPEN_OBJECT || !this.expectRecord) {
      throw new TraceFormatError(this.expectRecord && c !== COMMA ? "a call record must be a JSON object" : "invalid JSON", this.lineNumber);
    }
    this.record = { parts: [], start: i, line: this.lineNumber, size: 0 };
    this.depth++;
    return i + 1;
  }

  private close(text: string, i: number): void {
    this.depth--;
    if (this.depth < 0) throw this.invalidAt(this.lineNumber);
    if (this.record !== null && this.depth === this.recordsDepth) this.endRecord(text, i);
    else if (this.stage === "rest" && this.depth === 0) this.stage = "done";
    else if (this.stage === "container" && this.depth === 0) {
      throw new TraceFormatError(`no ${RECORD_ARRAY_NAMES} array in the JSON document`, this.lineNumber);
    }
  }

  private endRecord(text: string, i: number): void {
    const record = this.record;
    if (record === null) return;
    this.keepRecordPart(text.slice(record.start, i + 1));
    this.record = null;
    this.expectRecord = false;
    const json = record.parts.join("");
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      throw this.invalidAt(record.line + newlinesBefore(json, jsonErrorOffset(json)));
    }
    if (!isRecord(value)) throw new TraceFormatError("a call record must be a JSON object", record.line);
    this.emitRecord(value, null);
  }

  private keepRecordPart(part: string): void {
    const record = this.record;
    if (record === null) return;
    record.parts.push(part);
    record.size += part.length;
    if (record.size > MAX_RECORD_CHARS) throw new TraceFormatError("call record larger than 16 MiB", record.line);
  }

  private invalidAt(line: number): TraceFormatError {
    return new TraceFormatError("invalid JSON", line);
  }
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let j = quote - 1; j >= 0 && text.charCodeAt(j) === BACKSLASH; j--) backslashes++;
  return backslashes % 2 === 1;
}

function newlinesBefore(text: string, offset: number): number {
  let count = 0;
  const end = offset < 0 ? text.length : offset;
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) count++;
  return count;
}
