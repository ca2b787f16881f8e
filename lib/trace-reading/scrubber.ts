import { copyString, createCredentialMasker, type CredentialMasker, type MaskedCredential } from "../credentials";

/** Shorter values (`1`, `gzip`) are too common to hunt down in other text. */
const MIN_SCRUBBED_LENGTH = 6;
/** Calls whose values are remembered: their lines sit close together in a trace. */
const REMEMBERED_CALLS = 2048;

/**
 * Masks credential values wherever a call's text repeats them (a trace line
 * that echoes the token, a body, an unknown JSON field), not only where they
 * were carried. It remembers the raw values of recent calls only, inside the
 * reader; nothing raw is handed on.
 */
export class CredentialScrubber {
  readonly mask: CredentialMasker;
  private recent = new Map<string, string[]>();
  /**
   * The calls of `recent` in the order they were first remembered, each with
   * its list of values: a place whose call was forgotten since is passed over.
   * Taking the oldest key of the map itself costs a walk over every entry
   * deleted before it, for every new call.
   */
  private readonly order: Array<{ callRef: string; values: string[] }> = [];
  private oldest = 0;
  private learnedBy = new Set<string>();

  constructor(key: Buffer) {
    this.mask = createCredentialMasker(key);
  }

  /** Masks `raw` and remembers it for the call's other text. */
  carried(callRef: string, raw: string): MaskedCredential {
    this.remember(callRef, raw);
    return this.mask(raw);
  }

  /** Remembers `raw` for the call's other text, without masking it (a reader that keeps only evidence). */
  remember(callRef: string, raw: string): void {
    const trimmed = raw.trim();
    if (trimmed.length < MIN_SCRUBBED_LENGTH) return;
    const values = this.recent.get(callRef);
    if (values !== undefined && values.includes(trimmed)) return;
    if (values === undefined) this.rememberCall(callRef, [copyString(trimmed)]);
    else values.push(copyString(trimmed));
    this.learnedBy.add(callRef);
  }

  /** Drops what was remembered under `callRef` (a record of no call, masked on its own). */
  forget(callRef: string): void {
    const values = this.recent.get(callRef);
    if (values === undefined) return;
    this.recent.delete(callRef);
    // Forgotten right after it was remembered, as such records are: it leaves no place behind.
    if (this.order.at(-1)?.values === values) this.order.pop();
  }

  /** The calls that carried a value not known before, since the last time this was asked. */
  takeCallsThatLearned(): Set<string> {
    const calls = this.learnedBy;
    if (calls.size > 0) this.learnedBy = new Set();
    return calls;
  }

  scrub(callRef: string, text: string): string {
    const values = this.recent.get(callRef);
    if (values === undefined) return text;
    let scrubbed = text;
    for (const raw of values) {
      if (scrubbed.includes(raw)) scrubbed = scrubbed.replaceAll(raw, this.mask(raw).preview);
    }
    return scrubbed;
  }

  private rememberCall(callRef: string, values: string[]): void {
    if (this.recent.size >= REMEMBERED_CALLS) this.forgetOldestCall();
    const copy = copyString(callRef);
    this.recent.set(copy, values);
    this.order.push({ callRef: copy, values });
  }

  private forgetOldestCall(): void {
    while (this.oldest < this.order.length) {
      const { callRef, values } = this.order[this.oldest++]!;
      if (this.recent.get(callRef) !== values) continue;
      this.recent.delete(callRef);
      break;
    }
    // Passed places are dropped in bulk, not one shift at a time.
    if (this.oldest >= REMEMBERED_CALLS) {
      this.order.splice(0, this.oldest);
      this.oldest = 0;
    }
  }
}

/** Every string inside a JSON value, scrubbed, names of fields included. */
export function scrubDeep(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === "string") return scrub(value);
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, scrub));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [scrub(name), scrubDeep(item, scrub)]));
  }
  return value;
}
