import type { CallBatch } from "./call-batch";

/**
 * What one call learned while a batch was read: its values, whether lines of
 * it were in that batch already, and whether the readers forgot them since
 * (lines read after that hold them unmasked).
 */
type Learned = { values: string[]; afterItsLines: boolean; forgotten: boolean };

/** What the calls of one batch learned, by call. */
export type LearnedByCalls = Map<string, Learned>;

/**
 * Values a call carried that text of it already handed on may echo. The
 * readers mask what they know as they read a line, and look back 128 events;
 * an echo further back in the file, in an earlier file of the upload
 * (`gateway.log` given before `gateway.log.1`) or in an earlier upload of
 * the same call was handed on before its value was known.
 *
 * Each batch takes what its calls learned and, once it is stored, those
 * values are masked in every stored row of the calls that had lines before
 * them: in an earlier batch, file or upload, or earlier in the batch itself.
 * Raw values stay in memory only, and only until their call's batch is
 * stored: those of a batch's calls and of the few still in the look-back.
 */
export class LateCarriedValues {
  private filling: CallBatch | null = null;
  private readonly learning: LearnedByCalls = new Map();

  /** The readers learned a value `callRef` carried (the scrubber's onLearned). */
  readonly learned = (callRef: string, value: string): void => {
    const afterItsLines = this.filling?.has(callRef) === true;
    const known = this.learning.get(callRef);
    if (known === undefined) this.learning.set(callRef, { values: [value], afterItsLines, forgotten: false });
    else {
      known.values.push(value);
      known.afterItsLines ||= afterItsLines;
    }
  };

  /** The readers forgot the call's values (the scrubber's forgot). */
  readonly forgot = (callRef: string): void => {
    const known = this.learning.get(callRef);
    if (known !== undefined) known.forgotten = true;
  };

  /** The reader starts filling `batch` with the lines it hands on. */
  fill(batch: CallBatch): void {
    this.filling = batch;
  }

  /**
   * What `batch`'s calls learned, taken as the batch is cut and before the
   * reader goes on: a value learned later goes with a later batch of its
   * call, the one that holds the lines read before it.
   */
  take(batch: CallBatch): LearnedByCalls {
    const taken: LearnedByCalls = new Map();
    for (const { callRef } of batch) {
      const learned = this.learning.get(callRef);
      if (learned === undefined) continue;
      taken.set(callRef, learned);
      this.learning.delete(callRef);
    }
    return taken;
  }

  /** A file is read: its batches took all it learned, or it is undone (its bytes were stored before). */
  fileDone(): void {
    this.learning.clear();
    this.filling = null;
  }
}

/**
 * Once `batch` is stored: what its calls learned that rows stored for them
 * may hold raw, by call. Those of the calls that had lines stored before
 * (`storedBefore`, the batch's calls that were stored before it), had lines
 * in the batch before they learned it, or echo it in the batch after the
 * readers forgot them (their values are remembered for the last 1,024 to
 * 2,048 calls heard of).
 */
export function valuesLearnedLate(batch: CallBatch, learned: LearnedByCalls, storedBefore: readonly string[]): Map<string, string[]> {
  const echoed = new Set(storedBefore);
  const late = new Map<string, string[]>();
  for (const [callRef, { values, afterItsLines, forgotten }] of learned) {
    if (afterItsLines || echoed.has(callRef) || (forgotten && echoedIn(batch.linesOf(callRef), values))) late.set(callRef, values);
  }
  return late;
}

const echoedIn = (lines: readonly string[], values: readonly string[]) => lines.some((line) => values.some((value) => line.includes(value)));
