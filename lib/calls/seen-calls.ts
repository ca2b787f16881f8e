/** 2^26 bits (8 MiB) and 7 probes: about one false "maybe" in 10^11 at 250,000 calls, one in 30,000 at 2.5 million. */
const BITS_LOG2 = 26;
const PROBES = 7;

/**
 * The call references already handed out, in fixed memory (a Bloom filter):
 * "no" is certain, "maybe" may be wrong. A wrong "maybe" costs only work
 * (the call is read again in full), never a wrong verdict.
 */
export class SeenCalls {
  private readonly bits = new Uint32Array(2 ** (BITS_LOG2 - 5));
  private readonly mask = 2 ** BITS_LOG2 - 1;

  add(callRef: string): void {
    const [first, second] = hashes(callRef);
    for (let i = 0; i < PROBES; i++) {
      const bit = (first + i * second) & this.mask;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  /** Adds every call `other` holds (the same size and hashes: the bits of both). */
  addAll(other: SeenCalls): void {
    for (let i = 0; i < this.bits.length; i++) this.bits[i]! |= other.bits[i]!;
  }

  mayHold(callRef: string): boolean {
    const [first, second] = hashes(callRef);
    for (let i = 0; i < PROBES; i++) {
      const bit = (first + i * second) & this.mask;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/** Two independent 32-bit hashes (FNV-1a and a multiplicative one) for double hashing. */
function hashes(text: string): [number, number] {
  let first = 0x811c9dc5;
  let second = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x5bd1e995) ^ (second >>> 15);
  }
  // An odd step visits distinct bits on every probe.
  return [first >>> 0, (second | 1) >>> 0];
}
