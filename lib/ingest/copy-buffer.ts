import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

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

/** The COPY statement both writers open. */
export function copyFromStdin(table: string, columns: readonly string[]) {
  return copyFrom(`COPY ${table} (${columns.map((column) => `"${column}"`).join(", ")}) FROM STDIN`);
}

/**
 * Rows encoded into UTF-8 blocks as they come, so each row's string dies
 * young: held as strings until the batch went, rows and their joined payload
 * outlived the young generation and the collector copied and marked them
 * again, a fifth of the ingest's CPU.
 */
class RowBlocks {
  private sealed: Buffer[] = [];
  private chunk: Buffer | null = null;
  private used = 0;
  /** Bytes of the rows pushed and not yet taken. */
  size = 0;

  constructor(private readonly blockSize: number) {}

  /** A row from copyRowOf. */
  pushRow(row: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const room = row.length * 3;
    if (this.chunk === null || this.chunk.length - this.used < room) {
      this.seal();
      if (room > this.blockSize) {
        // A long row gets a block of its own exact size, not three times it.
        const bytes = Buffer.from(row);
        this.sealed.push(bytes);
        this.size += bytes.length;
        return;
      }
      this.chunk = Buffer.allocUnsafe(this.blockSize);
    }
    const written = this.chunk.write(row, this.used);
    this.used += written;
    this.size += written;
  }

  /** The full blocks; with `all`, the one being filled too. */
  take(all: boolean): Buffer[] {
    if (all) this.seal();
    const blocks = this.sealed;
    this.sealed = [];
    this.size = all ? 0 : this.used;
    return blocks;
  }

  private seal(): void {
    if (this.chunk !== null && this.used > 0) this.sealed.push(this.chunk.subarray(0, this.used));
    this.chunk = null;
    this.used = 0;
  }
}

// Rows are gathered in blocks of this size; a longer row gets a block of its own.
const BLOCK = 256 * 1024;

/**
 * Rows for one table, buffered and sent with COPY in batches of a few MB:
 * one COPY at a time per connection, so several tables can be fed from one
 * stream of events.
 */
export class CopyBuffer {
  private readonly rows: RowBlocks;

  constructor(
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly limit = 4 * 1024 * 1024,
  ) {
    this.rows = new RowBlocks(Math.min(limit, BLOCK));
  }

  push(values: readonly unknown[]): void {
    this.rows.pushRow(copyRow(values));
  }

  /** A row from copyRowOf. */
  pushRow(row: string): void {
    this.rows.pushRow(row);
  }

  get full(): boolean {
    return this.rows.size >= this.limit;
  }

  async flush(client: pg.PoolClient): Promise<void> {
    const payload = this.rows.take(true);
    if (payload.length === 0) return;
    await pipeline(Readable.from(payload), client.query(copyFromStdin(this.table, this.columns)));
  }
}

/**
 * One table's rows (from copyRowOf) streamed into one COPY as they are made:
 * PostgreSQL parses a block while the next is built, instead of waiting for a
 * whole batch. The rows are pulled only as fast as the server takes them.
 */
export async function copyRows(client: pg.PoolClient, table: string, columns: readonly string[], rows: Iterable<string>): Promise<void> {
  await pipeline(Readable.from(blocksOf(rows)), client.query(copyFromStdin(table, columns)));
}

function* blocksOf(rows: Iterable<string>): Generator<Buffer> {
  const blocks = new RowBlocks(BLOCK);
  for (const row of rows) {
    blocks.pushRow(row);
    yield* blocks.take(false);
  }
  yield* blocks.take(true);
}
