/** Shorter values (`1`, `gzip`) are too common to hunt down in other text; longer ones are found by their first this many characters. */
export const SHORTEST_HUNTED = 6;

/**
 * The values one call carried, to find wherever the call's text repeats them
 * (the scrubber as it reads, the ingest in rows stored before). Most calls
 * carry one to three, and a text is simply searched for each; a call that
 * carries many (a trace of one call, a header with a new value on every
 * line) would make every line cost as many searches, and the whole trace a
 * time that grows with its square. From INDEXED_FROM values on, they are
 * looked up by their first characters at each place in the text instead: a
 * line costs its own length.
 */
export class CarriedValues {
  /** In the order they were carried: the whole of a value comes before its parts, and is masked first. */
  private readonly list: string[] = [];
  /** Once there are many: each value's place in the list, and the values by their starts. */
  private indexed: { places: Map<string, number>; byStart: Map<string, string[]>; short: string[] } | null = null;

  /** Adds a value not known yet (has() says whether it is). */
  add(value: string): void {
    this.list.push(value);
    if (this.indexed !== null) this.index(value, this.list.length - 1);
    else if (this.list.length >= INDEXED_FROM) this.indexAll();
  }

  has(value: string): boolean {
    return this.indexed === null ? this.list.includes(value) : this.indexed.places.has(value);
  }

  values(): string[] {
    return [...this.list];
  }

  /** The values `text` holds, in the order they were carried. */
  foundIn(text: string): string[] {
    if (this.indexed === null) return this.list.filter((value) => text.includes(value));
    const { places, byStart, short } = this.indexed;
    // Values shorter than a start are searched for each: no start of the text can name them.
    const found = new Set(short.filter((value) => text.includes(value)));
    for (let at = 0; at + SHORTEST_HUNTED <= text.length; at++) {
      for (const value of byStart.get(text.slice(at, at + SHORTEST_HUNTED)) ?? []) if (text.startsWith(value, at)) found.add(value);
    }
    return [...found].sort((a, b) => (places.get(a) ?? 0) - (places.get(b) ?? 0));
  }

  private indexAll(): void {
    this.indexed = { places: new Map(), byStart: new Map(), short: [] };
    this.list.forEach((value, place) => this.index(value, place));
  }

  private index(value: string, place: number): void {
    if (this.indexed === null) return;
    this.indexed.places.set(value, place);
    if (value.length < SHORTEST_HUNTED) {
      this.indexed.short.push(value);
      return;
    }
    const start = value.slice(0, SHORTEST_HUNTED);
    const sharing = this.indexed.byStart.get(start);
    if (sharing) sharing.push(value);
    else this.indexed.byStart.set(start, [value]);
  }
}

/** Below this many values, searching the text for each is quicker than looking each place up. */
const INDEXED_FROM = 16;

/**
 * Each of `raws` replaced by its preview wherever `text` holds it, in their
 * order (a whole value before its parts, as they were carried).
 */
export function replaceEach(text: string, raws: Iterable<string>, previewOf: (raw: string) => string): string {
  let masked = text;
  for (const raw of raws) {
    if (!masked.includes(raw)) continue;
    const preview = previewOf(raw);
    // A function, not the preview itself: a preview holding `$&` or `$'` would put the raw text back.
    masked = masked.replaceAll(raw, () => preview);
  }
  return masked;
}
