import { maskCredential, type MaskedCredential } from "./mask";

/** A long trace sends the same few tokens thousands of times; hashing each send again is most of the cost. */
const REMEMBERED_VALUES = 16_384;

export type CredentialMasker = (raw: string) => MaskedCredential;

/**
 * maskCredential with a small memory of recent values. The raw values it holds
 * stay inside this closure (the reader's own memory) and are never handed out.
 */
export function createCredentialMasker(key: Buffer): CredentialMasker {
  let recent = new Map<string, MaskedCredential>();
  return (raw) => {
    const known = recent.get(raw);
    if (known !== undefined) return known;
    const masked = maskCredential(raw, key);
    if (recent.size >= REMEMBERED_VALUES) recent = new Map();
    recent.set(copyString(raw), masked);
    return masked;
  };
}

/**
 * A string that shares no memory with the text it was cut from: V8 keeps a
 * whole chunk alive for as long as any slice of it lives. Concatenation
 * followed by a slice forces V8 to flatten into a fresh string.
 */
export function copyString(text: string): string {
  return (" " + text).slice(1);
}
