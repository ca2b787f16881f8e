import type { CallLinker } from "../calls";

const NONE: readonly string[] = [];

/**
 * Values a call carried after lines of it had gone past the readers'
 * look-back into the linker (a token echoed more than 128 events before the
 * header that carries it). Those lines keep the value raw in the call's
 * facts, and by the time the call's verdict is made the scrubber may have
 * forgotten the call (it remembers the values of 2,048 calls): the values
 * are kept with the call until then. Only such calls, still open, hold any.
 */
export class ValuesCarriedLate {
  private linker: CallLinker | null = null;
  private readonly byCall = new Map<string, string[]>();

  /** The readers learned a value `callRef` carried (the scrubber's onLearned). */
  readonly learned = (callRef: string, value: string): void => {
    if (this.linker?.get(callRef) === undefined) return;
    const known = this.byCall.get(callRef);
    if (known === undefined) this.byCall.set(callRef, [value]);
    else known.push(value);
  };

  /** Lines are linked into `linker` from now on (each reading of the files has its own). */
  linkingInto(linker: CallLinker): void {
    this.linker = linker;
  }

  /** The call's values carried late, forgotten here: its verdict is being made. */
  take(callRef: string): readonly string[] {
    const values = this.byCall.get(callRef);
    if (values === undefined) return NONE;
    this.byCall.delete(callRef);
    return values;
  }
}
