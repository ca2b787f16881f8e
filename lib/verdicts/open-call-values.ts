import type { CallLinker } from "../calls";
import type { CarriedValueListener } from "../trace-reading";

const NONE: readonly string[] = [];

/**
 * The values of calls the scrubber forgot while they were still open, kept
 * until their verdict is made to mask their evidence. The scrubber remembers
 * the values of 2,048 calls: a slow call on a busy gateway can be forgotten
 * there before it ends, with lines that echo a value read after that or
 * before it (a token echoed more than 128 events before the header that
 * carries it, which the readers' look-back misses). Calls still remembered
 * are masked by the scrubber itself: only the forgotten ones are held here.
 */
export class OpenCallValues implements CarriedValueListener {
  private linker: CallLinker | null = null;
  private readonly byCall = new Map<string, readonly string[]>();

  readonly forgot = (callRef: string, values: readonly string[]): void => {
    if (this.linker?.get(callRef) === undefined) return;
    // The scrubber's own list, no longer its own: kept as it is (a copy per call cost 7% of a 200 MB run).
    const known = this.byCall.get(callRef);
    this.byCall.set(callRef, known === undefined ? values : [...known, ...values]);
  };

  /** Lines are linked into `linker` from now on (each reading of the files has its own). */
  linkingInto(linker: CallLinker): void {
    this.linker = linker;
  }

  /** The call's values, forgotten here: its verdict is being made. */
  take(callRef: string): readonly string[] {
    const values = this.byCall.get(callRef);
    if (values === undefined) return NONE;
    this.byCall.delete(callRef);
    return values;
  }
}
