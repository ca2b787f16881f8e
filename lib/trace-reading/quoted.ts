/** A JSON-style double-quoted string at the start of `text`, escapes allowed. */
const QUOTED = /^"((?:[^"\\]|\\.)*)"/s;

export type QuotedValue = { value: string; length: number };

/**
 * Reads a quoted value at the start of `text`; `length` is how many characters
 * of `text` it took, quotes included. An escape JSON does not know is kept
 * literally rather than failing the line.
 */
export function readQuoted(text: string): QuotedValue | null {
  const m = QUOTED.exec(text);
  if (m === null) return null;
  const inner = m[1] ?? "";
  return { value: unescapeJson(inner), length: m[0].length };
}

function unescapeJson(inner: string): string {
  if (!inner.includes("\\")) return inner;
  try {
    return JSON.parse(`"${inner}"`) as string;
  } catch {
    return inner;
  }
}

/** `key=value` pairs, values quoted or bare, e.g. `api="Payments" ip=10.0.0.7`. */
export function readKeyValues(text: string): Map<string, string> {
  const pairs = new Map<string, string>();
  const pair = /([\w.-]+)=("(?:[^"\\]|\\.)*"|\S*)/g;
  for (let m = pair.exec(text); m !== null; m = pair.exec(text)) {
    const key = m[1] ?? "";
    const raw = m[2] ?? "";
    pairs.set(key.toLowerCase(), raw.startsWith('"') ? (readQuoted(raw)?.value ?? raw) : raw);
  }
  return pairs;
}
