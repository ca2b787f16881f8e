import type pg from "pg";
import type { CallEvent } from "../trace-reading";
import { copyArray, CopyBuffer, copyRowOf, copyValue } from "./copy-buffer";

const COLUMNS = ["call_ref", "file_id", "first_seq", "seqs", "lines", "times", "levels", "texts"] as const;

/** One call's lines from one file, in file order, as the columns of trace_segments hold them. */
type Segment = { seqs: number[]; lines: Array<number | null>; times: Array<number | null>; levels: Array<string | null>; texts: string[] };

/**
 * The trace lines of one file's calls, held per call until their batch is
 * written: each call's lines become one trace_segments row.
 */
export class TraceSegments {
  private segments = new Map<string, Segment>();

  constructor(private readonly fileId: string) {}

  add(event: CallEvent): void {
    let segment = this.segments.get(event.callRef);
    if (!segment) {
      segment = { seqs: [], lines: [], times: [], levels: [], texts: [] };
      this.segments.set(event.callRef, segment);
    }
    segment.seqs.push(event.seq);
    segment.lines.push(event.line);
    segment.times.push(event.time);
    segment.levels.push(event.level);
    segment.texts.push(event.text);
  }

  /** Writes the segments held so far with COPY and starts over. */
  async write(client: pg.PoolClient): Promise<void> {
    const rows = new CopyBuffer("trace_segments", COLUMNS);
    for (const [callRef, segment] of this.segments) {
      rows.pushRow(
        copyRowOf([
          copyValue(callRef), this.fileId, String(segment.seqs[0]), copyArray(segment.seqs), copyArray(segment.lines),
          copyArray(segment.times.map(isoTime)), copyArray(segment.levels), copyArray(segment.texts),
        ]),
      );
      if (rows.full) await rows.flush(client);
    }
    this.segments = new Map();
    await rows.flush(client);
  }
}

const isoTime = (epochMs: number | null) => (epochMs === null ? null : new Date(epochMs).toISOString());
