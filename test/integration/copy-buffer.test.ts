import { expect, it } from "vitest";
import { connectPool } from "../../lib/database";
import { CopyBuffer } from "../../lib/ingest/copy-buffer";
import { copyRowOf, copyValue } from "../../lib/ingest/copy-format";
import { useTestDatabase } from "../support/test-database";

// The ingest sends a batch's rows in COPYs of bounded size, so its memory does
// not grow with the batch: a CopyBuffer says it is full once it holds its
// limit, and its caller flushes then.
const database = useTestDatabase({ migrate: false });

it("is full exactly when the bytes pushed since the last flush reach its limit, and a flush sends them all", async () => {
  const limit = 64 * 1024;
  const pool = connectPool(database.url);
  const client = await pool.connect();
  try {
    await client.query(`CREATE TEMP TABLE copied (id int, plain text)`);
    const buffer = new CopyBuffer("copied", ["id", "plain"], limit);
    const stored = async () => (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM copied`)).rows[0]?.n;
    const flushed: number[] = [];
    let held = 0;
    let longestRow = 0;
    const count = 3_000;
    for (let id = 0; id < count; id++) {
      // Rows of varied length, some characters taking two bytes: bytes are what count.
      const row = copyRowOf([String(id), copyValue(`row ${id} ${"é".repeat(id % 200)}`)]);
      buffer.pushRow(row);
      held += Buffer.byteLength(row);
      longestRow = Math.max(longestRow, Buffer.byteLength(row));
      expect(buffer.full, `after row ${id}, ${held} bytes held`).toBe(held >= limit);
      if (!buffer.full) continue;
      await buffer.flush(client);
      flushed.push(held);
      held = 0;
      expect(buffer.full).toBe(false);
      expect(await stored()).toBe(id + 1);
    }
    await buffer.flush(client);
    expect(await stored()).toBe(count);
    expect(flushed.length).toBeGreaterThan(5);
    expect(Math.max(...flushed)).toBeLessThan(limit + longestRow);
    const ids = (await client.query<{ id: number }>(`SELECT id FROM copied ORDER BY id`)).rows.map((row) => row.id);
    expect(ids).toEqual(Array.from({ length: count }, (_, id) => id));
  } finally {
    client.release();
    await pool.end();
  }
});
