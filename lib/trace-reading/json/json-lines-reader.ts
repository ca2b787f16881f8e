import { TraceFormatError } from "../errors";
import { isRecord } from "./fields";
import { RecordReader } from "./record-reader";

/** JSON Lines: every non-blank line one JSON object (a call record, a trace event, or both). */
export class JsonLinesReader extends RecordReader {
  line(text: string, lineNumber: number): void {
    if (text.trim() === "") return;
    this.emitRecord(parseRecord(text, lineNumber), lineNumber);
  }

  flush(): void {}
}

function parseRecord(text: string, lineNumber: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new TraceFormatError("invalid JSON", lineNumber);
  }
  if (!isRecord(value)) throw new TraceFormatError("not a JSON object (each line must be one record)", lineNumber);
  return value;
}
