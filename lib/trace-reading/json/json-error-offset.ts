/**
 * Where JSON text stops being valid, as a character offset. JSON.parse only
 * says so for some errors, and its messages quote the input (which may hold
 * credentials), so this small validator runs on the error path instead.
 */
export function jsonErrorOffset(text: string): number {
  const scanner = new Validator(text);
  try {
    scanner.skipSpace();
    scanner.value();
    scanner.skipSpace();
    return scanner.at < text.length ? scanner.at : -1;
  } catch (error) {
    if (error instanceof InvalidAt) return error.offset;
    throw error;
  }
}

class InvalidAt {
  constructor(readonly offset: number) {}
}

const LITERALS = ["true", "false", "null"];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

class Validator {
  at = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  value(): void {
    const c = this.text[this.at];
    if (c === "{") return this.container("}", () => this.member());
    if (c === "[") return this.container("]", () => this.value());
    if (c === '"') return this.sticky(STRING);
    const literal = LITERALS.find((word) => this.text.startsWith(word, this.at));
    if (literal !== undefined) {
      this.at += literal.length;
      return;
    }
    this.sticky(NUMBER);
  }

  skipSpace(): void {
    while (this.at < this.text.length && " \t\r\n".includes(this.text[this.at] ?? "")) this.at++;
  }

  private container(close: string, item: () => void): void {
    if (++this.depth > 10_000) throw new InvalidAt(this.at);
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === close) {
      this.at++;
      this.depth--;
      return;
    }
    for (;;) {
      item();
      this.skipSpace();
      const c = this.text[this.at];
      this.at++;
      if (c === close) break;
      if (c !== ",") throw new InvalidAt(this.at - 1);
      this.skipSpace();
    }
    this.depth--;
  }

  private member(): void {
    this.sticky(STRING);
    this.skipSpace();
    if (this.text[this.at] !== ":") throw new InvalidAt(this.at);
    this.at++;
    this.skipSpace();
    this.value();
  }

  private sticky(pattern: RegExp): void {
    pattern.lastIndex = this.at;
    if (!pattern.test(this.text)) throw new InvalidAt(this.at);
    this.at = pattern.lastIndex;
  }
}
