import type { TraceSink } from "../events";
import { TraceFormatError } from "../errors";
import type { CredentialScrubber } from "../scrubber";
import { emitRecord } from "./record";

/** JSON Lines: every non-blank line one JSON object (a call record, a trace event, or both). */
export class JsonLinesReader {
  private seq = 0;
  eventCount = 0;
  gatewayEventCount = 0;

  constructor(
    private readonly file: string,
    private readonly sink: TraceSink,
    private readonly scrubber: CredentialScrubber,
  ) {}

  line(text: string, lineNumber: number): void {
    if (text.trim() === "") return;
    const record = parseRecord(text, lineNumber);
    const place = { file: this.file, line: lineNumber, nextSeq: () => this.seq++ };
    this.gatewayEventCount += emitRecord(record, place, this.sink, this.scrubber);
    this.eventCount++;
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

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
