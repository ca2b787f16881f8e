import type { Writable } from "node:stream";
import { expect, it } from "vitest";
import { emptyCallFacts, type CallFacts } from "../../lib/calls/facts";
import { connectPool } from "../../lib/database";
import { withTransaction } from "../../lib/ingest/transaction";
import { writeCalls } from "../../lib/ingest/write-calls";
import { useTestDatabase } from "../support/test-database";

const database = useTestDatabase();

/** A rejected call whose response line (its evidence) is long. */
function rejected(callRef: string): CallFacts {
  const text = `Response: 401 body="Access Token in the request, identified by HEADER access_token, is invalid. ${"x".repeat(3000)}"`;
  return {
    ...emptyCallFacts(callRef),
    response: { file: "a.log", line: 1, seq: 1, time: 0, text, status: 401, body: text, durationMs: 3 },
    traceLineCount: 1,
  };
}

it("re-classifying many stored calls (delete-upload) sends their rows a few MB at a time, not all at once", async () => {
  const pool = connectPool(database.url);
  try {
    const calls = Array.from({ length: 6_000 }, (_, index) => rejected(`r-${index}`));
    const refs = calls.map((facts) => facts.callRef);
    await withTransaction(pool, async (client) => {
      await writeCalls(client, calls, []);
    });
    const before = (await pool.query(`SELECT (SELECT count(*) FROM calls)::int AS calls, (SELECT count(*) FROM evidence)::int AS evidence`)).rows[0];
    expect(before.calls).toBe(6_000);
    const largest = new Map<string, number>();
    await withTransaction(pool, async (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
        const [first] = args;
        const text = (first as { text?: unknown })?.text;
        if (typeof text === "string" && text.startsWith("COPY incoming_")) {
          const table = text.split(" ")[1]!;
          const stream = first as Writable;
          let bytes = 0;
          const write = stream.write.bind(stream) as (...a: unknown[]) => boolean;
          stream.write = ((chunk: Buffer, ...rest: unknown[]) => {
            bytes += chunk.length;
            largest.set(table, Math.max(largest.get(table) ?? 0, bytes));
            return write(chunk, ...rest);
          }) as Writable["write"];
        }
        return query(...args);
      };
      await writeCalls(client, calls, refs);
    });
    // Each COPY into a staging table holds at most about one buffer's worth (4 MiB).
    expect([...largest.keys()].sort()).toEqual(expect.arrayContaining(["incoming_calls", "incoming_evidence"]));
    expect([...largest.values()].every((bytes) => bytes < 6 * 1024 * 1024), JSON.stringify(Object.fromEntries(largest))).toBe(true);
    const counts = await pool.query(`SELECT (SELECT count(*) FROM calls)::int AS calls, (SELECT count(*) FROM evidence)::int AS evidence`);
    expect(counts.rows[0]).toEqual(before);
  } finally {
    await pool.end();
  }
});
