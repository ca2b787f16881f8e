import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { copyString } from "../credentials";

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

/** A PostgreSQL array literal: NULL, numbers, or text quoted (copyValue then escapes it for COPY). */
export function arrayLiteral(values: ReadonlyArray<string | number | null>): string {
  let literal = "{";
  for (let index = 0; index < values.length; index++) {
    const value = values[index] ?? null;
    const element = value === null ? "NULL" : typeof value === "number" ? String(value) : `"${value.replace(ARRAY_QUOTED, "\\$&")}"`;
    literal += index === 0 ? element : `,${element}`;
  }
  return `${literal}}`;
}

const ARRAY_QUOTED = /["\\]/g;

/** One row of COPY text format, line break included. */
export function copyRow(values: readonly unknown[]): string {
  let row = "";
  for (let index = 0; index < values.length; index++) row += (index === 0 ? "" : "\t") + copyValue(values[index]);
  return `${row}\n`;
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
    // A copy, not the row as built: that one is a chain of slices of the text
    // the values were read from, and a row held until the buffer fills would
    // keep each of those 64 KB blocks alive (one gateway event per block held
    // most of a 200 MB file in memory).
    const row = copyString(copyRow(values));
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
