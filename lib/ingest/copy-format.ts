/** A value as PostgreSQL's COPY text format wants it (NULL, escapes, no NUL bytes). */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "object" && !(value instanceof Date)) {
    const json = JSON.stringify(value);
    const storable = json.includes("\\u") ? json.replace(JSON_UNSTORABLE, "$1\\ufffd") : json;
    // JSON text holds no raw line break, tab or NUL: only its backslashes need escaping.
    return storable.replaceAll("\\", "\\\\");
  }
  const text = typeof value === "string" ? value : value instanceof Date ? value.toISOString() : String(value);
  // Most values need no escape: test first, replace only when there is one.
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, (character) => COPY_ESCAPES[character] ?? "") : text;
}

// What JSON.stringify escapes and jsonb refuses: a NUL, and a lone
// surrogate (a string from JSON.parse of a record holding "\ud800"; whole
// pairs it writes as they are). Not a backslash followed by "u0000": that
// one's backslash is itself escaped. Text columns get U+FFFD for both too.
const JSON_UNSTORABLE = /(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/g;

const NEEDS_ESCAPE = /[\\\n\r\t\0]/;
const ESCAPED = /[\\\n\r\t\0]/g;

const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\ufffd" };

/**
 * An array column as one COPY field: NULL, numbers, or text quoted. Inside a
 * quoted element a quote and a backslash are escaped for the array parser,
 * and every backslash once more for COPY: one pass does both.
 */
export function copyArray(values: ReadonlyArray<string | number | null>): string {
  const elements = new Array<string>(values.length);
  for (let index = 0; index < values.length; index++) {
    const value = values[index] ?? null;
    elements[index] = value === null ? "NULL" : typeof value === "number" ? String(value) : `"${escapedElement(value)}"`;
  }
  return `{${elements.join(",")}}`;
}

function escapedElement(text: string): string {
  return NEEDS_ELEMENT_ESCAPE.test(text) ? text.replace(ELEMENT_ESCAPED, (character) => ELEMENT_ESCAPES[character] ?? "") : text;
}

const NEEDS_ELEMENT_ESCAPE = /["\\\n\r\t\0]/;
const ELEMENT_ESCAPED = /["\\\n\r\t\0]/g;

const ELEMENT_ESCAPES: Record<string, string> = { ...COPY_ESCAPES, "\\": "\\\\\\\\", '"': '\\\\"' };

/** One row of COPY text format, line break included, from fields already escaped (copyValue, copyArray). */
export function copyRowOf(fields: readonly string[]): string {
  return `${fields.join("\t")}\n`;
}

/** One row of COPY text format, line break included. */
export function copyRow(values: readonly unknown[]): string {
  return copyRowOf(values.map(copyValue));
}
