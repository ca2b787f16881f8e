import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** A value as PostgreSQL's COPY text format wants it (NULL, escapes, no NUL bytes). */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  const text =
    typeof value === "string"
      ? value
      : value instanceof Date
        ? value.toISOString()
        : typeof value === "object"
          ? JSON.stringify(value).replaceAll("\\u0000", "\\ufffd")
          : String(value);
  // Most values need no escape: test first, replace only when there is one.
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, (character) => COPY_ESCAPES[character] ?? "") : text;
}

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

/**
 * One row of COPY text format, line break included, from fields already
 * escaped (copyValue, copyArray). Joined into a new flat string: a row built
 * by concatenation is a chain of slices of the text its values were read
 * from, and a row held until its buffer fills would keep each of those 64 KB
 * blocks alive (one gateway event per block held most of a 200 MB file).
 */
export function copyRowOf(fields: readonly string[]): string {
  return `${fields.join("\t")}\n`;
}

/** One row of COPY text format, line break included. */
export function copyRow(values: readonly unknown[]): string {
  return copyRowOf(values.map(copyValue));
}

/** The COPY statement both writers open. */
export function copyFromStdin(table: string, columns: readonly string[]) {
  return copyFrom(`COPY ${table} (${columns.map((column) => `"${column}"`).join(", ")}) FROM STDIN`);
}

/**
 * Rows for one table, sent with COPY in batches of a few MB: one COPY at a
 * time per connection, so several tables can be fed from one stream of events.
 */
export class CopyBuffer {
  private rows: string[] = [];
  private size = 0;
  rowCount = 0;

  constructor(
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly limit = 4 * 1024 * 1024,
  ) {}

  push(values: readonly unknown[]): void {
    this.pushRow(copyRow(values));
  }

  /** A row from copyRowOf. */
  pushRow(row: string): void {
    this.rows.push(row);
    this.size += row.length;
    this.rowCount++;
  }

  get full(): boolean {
    return this.size >= this.limit;
  }

  async flush(client: pg.PoolClient): Promise<void> {
    if (this.rows.length === 0) return;
    const payload = this.rows.join("");
    this.rows = [];
    this.size = 0;
    await pipeline(Readable.from([payload]), client.query(copyFromStdin(this.table, this.columns)));
  }
}
