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
  private recent = new Map<string, Array<{ raw: string; preview: string }>>();

  constructor(key: Buffer) {
    this.mask = createCredentialMasker(key);
  }

  /** Masks `raw` and remembers it for the call's other text. */
  carried(callRef: string, raw: string): MaskedCredential {
    const masked = this.mask(raw);
    const trimmed = raw.trim();
    if (trimmed.length < MIN_SCRUBBED_LENGTH) return masked;
    const values = this.recent.get(callRef);
    if (values === undefined) this.remember(callRef, [{ raw: copyString(trimmed), preview: masked.preview }]);
    else if (!values.some((v) => v.raw === trimmed)) values.push({ raw: copyString(trimmed), preview: masked.preview });
    return masked;
  }

  /** Drops what was remembered under `callRef` (a record of no call, masked on its own). */
  forget(callRef: string): void {
    this.recent.delete(callRef);
  }

  knowsValuesOf(callRef: string): boolean {
    return this.recent.has(callRef);
  }

  scrub(callRef: string, text: string): string {
    const values = this.recent.get(callRef);
    if (values === undefined) return text;
    let scrubbed = text;
    for (const { raw, preview } of values) {
      if (scrubbed.includes(raw)) scrubbed = scrubbed.replaceAll(raw, preview);
    }
    return scrubbed;
  }

  private remember(callRef: string, values: Array<{ raw: string; preview: string }>): void {
    if (this.recent.size >= REMEMBERED_CALLS) {
      const oldest = this.recent.keys().next();
      if (!oldest.done) this.recent.delete(oldest.value);
    }
    this.recent.set(copyString(callRef), values);
  }
}
