import fc from "fast-check";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { connectPool } from "../../lib/database";
import { CopyBuffer, copyRows } from "../../lib/ingest/copy-buffer";
import { copyArray, copyRowOf, copyValue } from "../../lib/ingest/copy-format";
import { useTestDatabase } from "../support/test-database";

// What the ingest writes with COPY must read back exactly as it was given:
// any text (quotes, backslashes, braces, tabs, line breaks, "NULL", non-ASCII),
// as a plain column and as an element of an array column.
const database = useTestDatabase({ migrate: false });

const text = () => fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: fc.constantFrom("\\", '"', "{", "}", ",", "\t", "\n", "\r", "\0", " ", "N", "U", "L", "a") }));
// COPY cannot carry NUL: the writer turns it into U+FFFD.
const stored = (value: string) => value.replaceAll("\0", "\ufffd");

/** A connection of its own with one temporary table, for one test. */
async function withTable(definition: string, use: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const pool = connectPool(database.url);
  const client = await pool.connect();
  try {
    await client.query(`CREATE TEMP TABLE ${definition}`);
    await use(client);
  } finally {
    client.release();
    await pool.end();
  }
}

it("reads back every text value and text array it copied, byte for byte", async () => {
  await withTable("copied (id int, plain text, texts text[], numbers int[])", async (client) => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(text(), fc.array(fc.option(text(), { nil: null }), { maxLength: 5 }), fc.array(fc.option(fc.integer(), { nil: null }), { maxLength: 5 })), { minLength: 1, maxLength: 5 }),
        async (rows) => {
          await client.query(`TRUNCATE copied`);
          // A tiny buffer: rows land in several blocks, sent as one COPY.
          const buffer = new CopyBuffer("copied", ["id", "plain", "texts", "numbers"], 64);
          rows.forEach(([plain, texts, numbers], id) => buffer.pushRow(copyRowOf([String(id), copyValue(plain), copyArray(texts), copyArray(numbers)])));
          await buffer.flush(client);
          const back = await client.query(`SELECT plain, texts, numbers FROM copied ORDER BY id`);
          expect(back.rows).toEqual(
            rows.map(([plain, texts, numbers]) => ({ plain: stored(plain), texts: texts.map((value) => (value === null ? null : stored(value))), numbers })),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

it("copies objects as JSON: a NUL becomes U+FFFD, a backslash followed by u0000 stays as written", async () => {
  await withTable("documents (id int, plain json, tree jsonb)", async (client) => {
    const values = [{ nul: "x\0y", written: "\\u0000", both: "\\\0", quote: '"\t\n' }, ["\\", null, 3]];
    const buffer = new CopyBuffer("documents", ["id", "plain", "tree"]);
    values.forEach((value, id) => buffer.push([id, value, value]));
    await buffer.flush(client);
    const back = await client.query(`SELECT plain, tree FROM documents ORDER BY id`);
    const expected = [{ nul: "x\ufffdy", written: "\\u0000", both: "\\\ufffd", quote: '"\t\n' }, ["\\", null, 3]];
    expect(back.rows).toEqual(expected.map((value) => ({ plain: value, tree: value })));
  });
});

it("copies objects holding a lone surrogate (JSON.parse of a record with \\ud800) as U+FFFD, as text columns do, instead of failing jsonb", async () => {
  await withTable("surrogates (id int, plain json, tree jsonb, flat text)", async (client) => {
    const values = [{ high: "eu\ud800", low: "\udc00x", pair: "\ud83d\ude00", written: "\\ud800" }];
    const buffer = new CopyBuffer("surrogates", ["id", "plain", "tree", "flat"]);
    values.forEach((value, id) => buffer.push([id, value, value, value.high]));
    await buffer.flush(client);
    const back = await client.query(`SELECT plain, tree, flat FROM surrogates ORDER BY id`);
    const expected = { high: "eu\ufffd", low: "\ufffdx", pair: "\u{1f600}", written: "\\ud800" };
    expect(back.rows).toEqual([{ plain: expected, tree: expected, flat: "eu\ufffd" }]);
  });
});

describe("copyRows", () => {
  const withCopiedTable = (use: (client: pg.PoolClient) => Promise<void>) => withTable("streamed (id int, plain text)", use);
  const row = (id: number) => copyRowOf([String(id), copyValue(`row ${id} ${"é\t\\".repeat(id % 40)}`)]);

  it("streams rows made on demand into one COPY, across many blocks, in order", async () => {
    await withCopiedTable(async (client) => {
      // About 2 MB: several 256 KB blocks.
      const count = 20_000;
      await copyRows(client, "streamed", ["id", "plain"], (function* () {
        for (let id = 0; id < count; id++) yield row(id);
      })());
      const back = await client.query(`SELECT id, plain FROM streamed ORDER BY id`);
      expect(back.rows).toHaveLength(count);
      expect(back.rows[count - 1]).toEqual({ id: count - 1, plain: `row ${count - 1} ${"é\t\\".repeat((count - 1) % 40)}` });
      expect(back.rows.every((stored, index) => stored.id === index)).toBe(true);
    });
  });

  it("aborts the COPY when making a row fails: none of its rows stored, the connection usable", async () => {
    await withCopiedTable(async (client) => {
      const failing = (function* () {
        for (let id = 0; id < 20_000; id++) {
          if (id === 15_000) throw new Error("no row 15000");
          yield row(id);
        }
      })();
      await expect(copyRows(client, "streamed", ["id", "plain"], failing)).rejects.toThrow("no row 15000");
      expect((await client.query(`SELECT count(*)::int AS n FROM streamed`)).rows[0].n).toBe(0);
    });
  });
});
