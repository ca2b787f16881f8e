import { copyString } from "../credentials";

/** Enough for the APIs, apps, methods and header names of any real trace. */
const MAX_INTERNED = 50_000;

/**
 * One copy of each repeated short value (an API name, a method, a header
 * name) for all calls, instead of one per call. Copies also cut the value
 * loose from the chunk of text it was read from.
 */
export class Interner {
  private readonly known = new Map<string, string>();

  intern(value: string): string {
    const known = this.known.get(value);
    if (known !== undefined) return known;
    const copy = copyString(value);
    if (this.known.size < MAX_INTERNED) this.known.set(copy, copy);
    return copy;
  }

  internOrNull(value: string | null): string | null {
    return value === null ? null : this.intern(value);
  }
}
