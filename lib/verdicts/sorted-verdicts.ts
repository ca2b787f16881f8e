import fs from "node:fs";
import path from "node:path";
import { compareCalls } from "../calls";
import type { VerdictLine } from "./verdict-line";

/**
 * What reading the runs back holds at once, shared among them, so that the
 * merge stays bounded however many runs there are; but no read smaller than
 * `least`, which would make reading a long line quadratic.
 */
export type MergeReads = { total: number; least: number };
const MERGE_READS: MergeReads = { total: 4 * 1024 * 1024, least: 16 * 1024 };
const NEWLINE = 0x0a;

/**
 * Verdict lines put in call order (time, then call reference) in bounded
 * memory, as sort(1) does: every `linesPerRun` lines are sorted and written
 * to a run file `<name>-<n>.run` in the folder `spillDir()` gives, and
 * reading merges the runs. Fewer lines than that never touch the disk.
 */
export class SortedVerdicts {
  private waiting = new WaitingLines();
  private readonly runs: string[] = [];

  constructor(
    private readonly spillDir: () => string,
    private readonly name: string,
    private readonly linesPerRun: number,
    private readonly mergeReads = MERGE_READS,
  ) {}

  add(line: VerdictLine): void {
    this.waiting.add(line);
    if (this.waiting.count >= this.linesPerRun) this.spill();
  }

  /** Every line added, in call order, less those `skip` names. */
  *inOrder(skip: (callRef: string) => boolean = () => false): Generator<VerdictLine> {
    const { total, least } = this.mergeReads;
    const readBytes = Math.max(least, Math.floor(total / Math.max(1, this.runs.length)));
    const sources: Iterator<VerdictLine>[] = [...this.runs.map((run) => readRun(run, readBytes)), this.waiting.inOrder()];
    for (const line of mergeSorted(sources)) if (!skip(line.callRef)) yield line;
  }

  private spill(): void {
    const file = path.join(this.spillDir(), `${this.name}-${this.runs.length}.run`);
    writeRun(file, this.waiting.sorted());
    this.runs.push(file);
    this.waiting = new WaitingLines();
  }
}

/** A line waiting for its run: its text as UTF-8 bytes, `bytes[start..end)`. */
type WaitingLine = { time: number | null; callRef: string; bytes: Buffer; start: number; end: number };

const WAITING_BLOCK_BYTES = 1024 * 1024;

/**
 * The lines of the run being gathered, their texts encoded as they come into
 * blocks of bytes outside V8's heap: kept as strings, tens of thousands of
 * them outlived every young-generation collection and were copied by each.
 */
class WaitingLines {
  private readonly lines: WaitingLine[] = [];
  private block = Buffer.allocUnsafe(WAITING_BLOCK_BYTES);
  private used = 0;

  get count(): number {
    return this.lines.length;
  }

  add({ time, callRef, text }: VerdictLine): void {
    // At most three bytes a UTF-16 unit: checked before encoding, so nothing
    // is cut. A long line gets bytes of its own, of its exact size: room kept
    // for three times its length would leave most of a block unused.
    if (3 * text.length > WAITING_BLOCK_BYTES / 4) {
      const bytes = Buffer.from(text);
      this.lines.push({ time, callRef, bytes, start: 0, end: bytes.length });
      return;
    }
    if (this.used + 3 * text.length > this.block.length) {
      this.block = Buffer.allocUnsafe(WAITING_BLOCK_BYTES);
      this.used = 0;
    }
    const start = this.used;
    this.used += this.block.write(text, start);
    this.lines.push({ time, callRef, bytes: this.block, start, end: this.used });
  }

  sorted(): WaitingLine[] {
    return this.lines.sort(compareCalls);
  }

  *inOrder(): Generator<VerdictLine> {
    for (const { time, callRef, bytes, start, end } of this.sorted()) yield { time, callRef, text: bytes.toString("utf8", start, end) };
  }
}

const RUN_WRITE_BYTES = 1024 * 1024;

/**
 * `TIME<TAB>"REF"<TAB>TEXT` a line: the reference as a JSON string, so that no
 * tab or line break of its own can end the field. Written through one buffer
 * that goes to the file whenever it fills.
 */
function writeRun(file: string, lines: WaitingLine[]): void {
  const fd = fs.openSync(file, "w");
  try {
    const out = Buffer.allocUnsafe(RUN_WRITE_BYTES);
    let used = 0;
    for (const { time, callRef, bytes, start, end } of lines) {
      const key = `${time ?? ""}\t${JSON.stringify(callRef)}\t`;
      if (used + 3 * key.length + (end - start) + 1 > out.length) {
        writeAll(fd, out.subarray(0, used));
        used = 0;
      }
      if (3 * key.length + (end - start) + 1 > out.length) {
        writeAll(fd, Buffer.concat([Buffer.from(key), bytes.subarray(start, end), NEWLINE_BYTE]));
        continue;
      }
      used += out.write(key, used);
      used += bytes.copy(out, used, start, end);
      out[used++] = NEWLINE;
    }
    writeAll(fd, out.subarray(0, used));
  } finally {
    fs.closeSync(fd);
  }
}

const NEWLINE_BYTE = Buffer.from([NEWLINE]);

/** A write may take fewer bytes than it was given (as writeFileSync knows). */
function writeAll(fd: number, bytes: Buffer): void {
  for (let written = 0; written < bytes.length; ) written += fs.writeSync(fd, bytes, written, bytes.length - written);
}

function parseRunLine(text: string): VerdictLine {
  const timeEnd = text.indexOf("\t");
  const refEnd = text.indexOf('"\t', timeEnd + 2) + 1;
  return {
    time: timeEnd === 0 ? null : Number(text.slice(0, timeEnd)),
    callRef: parseJsonString(text.slice(timeEnd + 1, refEnd)),
    text: text.slice(refEnd + 1),
  };
}

/** Most references need no escapes: their JSON form is the reference between quotes. */
const parseJsonString = (json: string): string => (json.includes("\\") ? (JSON.parse(json) as string) : json.slice(1, -1));

/** The lines of a run, cut at line breaks before they are decoded: a read may end inside a character. */
function* readRun(file: string, readBytes: number): Generator<VerdictLine> {
  const fd = fs.openSync(file, "r");
  try {
    const chunk = Buffer.allocUnsafe(readBytes);
    let carry = Buffer.alloc(0);
    for (let read = fs.readSync(fd, chunk); read > 0; read = fs.readSync(fd, chunk)) {
      const bytes = carry.length === 0 ? chunk.subarray(0, read) : Buffer.concat([carry, chunk.subarray(0, read)]);
      // Decoded line by line: one wide character (a masked value's `…`) in a
      // block decoded whole makes every line of it two bytes a character, and
      // slower to decode, to compare and to write out again.
      let start = 0;
      for (let newline = bytes.indexOf(NEWLINE); newline >= 0; newline = bytes.indexOf(NEWLINE, start)) {
        yield parseRunLine(bytes.toString("utf8", start, newline));
        start = newline + 1;
      }
      // A copy: `chunk` is read into again.
      carry = Buffer.from(bytes.subarray(start));
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** A k-way merge of sorted sources, on a binary heap of their heads. */
export function* mergeSorted(sources: Iterator<VerdictLine>[]): Generator<VerdictLine> {
  const heads: Array<{ line: VerdictLine; source: Iterator<VerdictLine> }> = [];
  for (const source of sources) {
    const first = source.next();
    if (!first.done) heads.push({ line: first.value, source });
  }
  const before = (i: number, j: number) => compareCalls(heads[i]!.line, heads[j]!.line) < 0;
  const swap = (i: number, j: number) => ([heads[i], heads[j]] = [heads[j]!, heads[i]!]);
  const siftDown = (from: number) => {
    for (let i = from; ; ) {
      const [left, right] = [2 * i + 1, 2 * i + 2];
      let least = i;
      if (left < heads.length && before(left, least)) least = left;
      if (right < heads.length && before(right, least)) least = right;
      if (least === i) return;
      swap(i, least);
      i = least;
    }
  };
  for (let i = Math.floor(heads.length / 2) - 1; i >= 0; i--) siftDown(i);
  try {
    while (heads.length > 0) {
      const head = heads[0]!;
      yield head.line;
      const next = head.source.next();
      if (next.done) {
        heads[0] = heads.at(-1)!;
        heads.pop();
      } else {
        head.line = next.value;
      }
      siftDown(0);
    }
  } finally {
    // Stopped early: the runs still being read close their files now.
    for (const source of sources) source.return?.();
  }
}
