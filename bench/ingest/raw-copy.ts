import { createReadStream } from "node:fs";
import { performance } from "node:perf_hooks";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/**
 * CSV mode with a delimiter and a quote character that never occur in a
 * trace: each line lands in `line` byte for byte. (Text format would treat
 * backslashes as escapes and change JSON-quoted values.)
 */
export const RAW_COPY = `COPY raw_lines FROM STDIN (FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02')`;

/** Creates the one-column logged table and COPYs `file` into it straight from the file stream; returns the seconds the COPY took. */
export async function copyRawLines(client: pg.Client, file: string): Promise<number> {
  await client.query("CREATE TABLE raw_lines (line text)");
  const started = performance.now();
  await pipeline(createReadStream(file), client.query(copyFrom(RAW_COPY)));
  return (performance.now() - started) / 1000;
}
