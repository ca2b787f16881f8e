import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { copyRawLines } from "./raw-copy";

export type RawCopyCheck = { lines: number; linesWithBackslash: number; sha256: string; byteExact: boolean };

/**
 * Proves the baseline loads lines unchanged: COPYs a small trace, then
 * compares the line count, the lines holding a backslash (the ones text
 * format would alter) and a SHA-256 of all lines sorted bytewise, computed on
 * both sides. Sorted, because a heap's physical (ctid) order is not load
 * order: PostgreSQL 18's COPY was seen to put a short line on an earlier page.
 * Throws when they differ.
 */
export async function checkRawCopy(url: string, file: string): Promise<RawCopyCheck> {
  const bytes = readFileSync(file);
  const text = bytes.toString("utf8");
  const lines = text.endsWith("\n") ? text.slice(0, -1).split("\n") : text.split("\n");
  const expected = {
    lines: lines.length,
    linesWithBackslash: lines.filter((line) => line.includes("\\")).length,
    sha256: sortedLinesHash(lines),
  };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await copyRawLines(client, file);
    const { rows } = await client.query<{ lines: string; backslash: string; sha256: string }>(
      `SELECT count(*) AS lines,
              count(*) FILTER (WHERE strpos(line, chr(92)) > 0) AS backslash,
              encode(sha256(convert_to(string_agg(line || chr(10), '' ORDER BY line COLLATE "C"), 'UTF8')), 'hex') AS sha256
         FROM raw_lines`,
    );
    const row = rows[0];
    const actual = { lines: Number(row?.lines), linesWithBackslash: Number(row?.backslash), sha256: row?.sha256 ?? "" };
    const byteExact = actual.lines === expected.lines && actual.linesWithBackslash === expected.linesWithBackslash && actual.sha256 === expected.sha256;
    if (!byteExact) throw new Error(`the raw COPY changed the lines: file ${JSON.stringify(expected)}, table ${JSON.stringify(actual)}`);
    if (expected.linesWithBackslash === 0) throw new Error("the check file holds no backslash, so it proves nothing about escapes");
    return { ...expected, byteExact };
  } finally {
    await client.end();
  }
}

/** SHA-256 of the lines sorted by their UTF-8 bytes (PostgreSQL's "C" collation), each followed by a newline. */
function sortedLinesHash(lines: string[]): string {
  const hash = crypto.createHash("sha256");
  const sorted = lines.map((line) => Buffer.from(line, "utf8")).sort(Buffer.compare);
  for (const line of sorted) hash.update(line).update("\n");
  return hash.digest("hex");
}
