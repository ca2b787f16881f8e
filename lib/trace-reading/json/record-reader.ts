import { FormatReader } from "../format-reader";
import { emitRecord } from "./record";

/** A reader of JSON records (one a line, or the elements of a document's array). */
export abstract class RecordReader extends FormatReader {
  /** `line` is null where records span lines and their events are not tied to one. */
  protected emitRecord(record: Record<string, unknown>, line: number | null): void {
    const place = { file: this.file, line, nextSeq: () => this.seq++ };
    this.gatewayEventCount += emitRecord(record, place, this.sink, this.scrubber);
    this.eventCount++;
  }
}
