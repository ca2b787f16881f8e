import type pg from "pg";
import { CallLinker, storedFacts, type CallFacts } from "../calls";
import type { CallEvent } from "../trace-reading";
import { copyRows } from "./copy-buffer";
import type { ValueKey } from "./carried-value-keys";
import { copyArray, copyRowOf, copyValue } from "./copy-format";
import { TimestampText } from "./timestamp-text";

const COLUMNS = ["call_ref", "file_id", "first_seq", "seqs", "lines", "times", "levels", "texts", "facts", "value_fingerprints", "value_lengths"] as const;

/** One call's lines from one file, in file order, as the columns of trace_segments hold them, and the values they carried. */
type Segment = { seqs: number[]; lines: Array<number | null>; times: Array<number | null>; levels: Array<string | null>; texts: string[]; valueKeys: ValueKey[] };

/**
 * The calls of one file read since the last batch was written: what their
 * lines say (linked into facts) and the lines themselves. Written as one
 * trace_segments row per call.
 */
export class CallBatch implements Iterable<CallFacts> {
  private readonly calls = new CallLinker();
  private readonly segments = new Map<string, Segment>();
  /** Characters of trace text held (what a batch's memory grows with, besides its calls). */
  textLength = 0;

  constructor(private readonly fileId: string) {}

  apply(event: CallEvent): void {
    this.calls.apply(event);
    let segment = this.segments.get(event.callRef);
    if (!segment) {
      segment = { seqs: [], lines: [], times: [], levels: [], texts: [], valueKeys: [] };
      this.segments.set(event.callRef, segment);
    }
    segment.seqs.push(event.seq);
    segment.lines.push(event.line);
    segment.times.push(event.time);
    segment.levels.push(event.level);
    segment.texts.push(event.text);
    this.textLength += event.text.length;
  }

  get size(): number {
    return this.calls.size;
  }

  /** Lines of this call are in the batch already. */
  has(callRef: string): boolean {
    return this.segments.has(callRef);
  }

  /** Stores with this call's lines the keys of values they carried. */
  keepValueKeys(callRef: string, keys: readonly ValueKey[]): void {
    this.segments.get(callRef)?.valueKeys.push(...keys);
  }

  /** The text of this call's lines in the batch (masked as the readers could). */
  linesOf(callRef: string): readonly string[] {
    return this.segments.get(callRef)?.texts ?? [];
  }

  [Symbol.iterator](): Iterator<CallFacts> {
    return this.calls[Symbol.iterator]();
  }

  /** Writes each call's lines and facts as its segment, with COPY. */
  async writeSegments(client: pg.PoolClient): Promise<void> {
    await copyRows(client, "trace_segments", COLUMNS, this.segmentRows());
  }

  private *segmentRows(): Generator<string> {
    const timestamps = new TimestampText();
    const timeText = (epochMs: number | null) => (epochMs === null ? null : timestamps.of(epochMs));
    for (const [callRef, segment] of this.segments) {
      const facts = this.calls.get(callRef);
      yield copyRowOf([
        copyValue(callRef), this.fileId, String(segment.seqs[0]), copyArray(segment.seqs), copyArray(segment.lines),
        copyArray(segment.times.map(timeText)), copyArray(segment.levels), copyArray(segment.texts), copyValue(facts && storedFacts(facts)),
        copyArray(segment.valueKeys.map((kept) => kept.fingerprint)), copyArray(segment.valueKeys.map((kept) => kept.length)),
      ]);
    }
  }
}
