/**
 * The values one call carried, to find wherever the call's text repeats them
 * (the scrubber as it reads, the ingest in rows stored before). Most calls carry one to three, and a text is simply
 * searched for each; a call that carries many (a trace of one call, a header
 * with a new value on every line) would make every line cost as many
 * searches, and the whole trace a time that grows with its square. From
 * INDEXED_FROM values on, they are looked up by their first characters at
 * each place in the text instead: a line costs its own length.
 */
export class CarriedValues {
  /** Each value and when it was first carried: the whole of a value comes before its parts, and is masked first. */
  private readonly order = new Map<string, number>();
  private byStart: Map<string, string[]> | null = null;
  /** Values shorter than a start, searched for each: no start of the text can name them. */
  private readonly short: string[] = [];

  constructor(private readonly startLength: number) {}

  /** Adds a value not known yet (has() says whether it is). */
  add(value: string): void {
    this.order.set(value, this.order.size);
    if (this.byStart !== null) this.index(value);
    else if (this.order.size >= INDEXED_FROM) this.indexAll();
  }

  has(value: string): boolean {
    return this.order.has(value);
  }

  values(): string[] {
    return [...this.order.keys()];
  }

  /** The values `text` holds, in the order they were carried. */
  foundIn(text: string): string[] {
    if (this.byStart === null) return this.values().filter((value) => text.includes(value));
    const found = new Set(this.short.filter((value) => text.includes(value)));
    for (let at = 0; at + this.startLength <= text.length; at++) {
      for (const value of this.byStart.get(text.slice(at, at + this.startLength)) ?? []) if (text.startsWith(value, at)) found.add(value);
    }
    return [...found].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
  }

  private indexAll(): void {
    this.byStart = new Map();
    for (const value of this.order.keys()) this.index(value);
  }

  private index(value: string): void {
    if (value.length < this.startLength) {
      this.short.push(value);
      return;
    }
    const start = value.slice(0, this.startLength);
    const sharing = this.byStart?.get(start);
    if (sharing) sharing.push(value);
    else this.byStart?.set(start, [value]);
  }
}

/** Below this many values, searching the text for each is quicker than looking each place up. */
const INDEXED_FROM = 16;
