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

// Re-classifying stored calls (delete-upload) sends their rows in several
// COPYs of a few MB (copy-buffer.test.ts): together they must replace every row.
it("re-classifies more stored calls than one COPY holds and keeps every call and its evidence, once", async () => {
  const pool = connectPool(database.url);
  const tables = () =>
    pool.query(`SELECT (SELECT count(*) FROM calls)::int AS calls, (SELECT count(*) FROM evidence)::int AS evidence,
                       (SELECT count(DISTINCT call_ref) FROM evidence)::int AS "callsWithEvidence"`);
  try {
    // About 36 MB of evidence: several times a COPY buffer's 4 MiB.
    const calls = Array.from({ length: 6_000 }, (_, index) => rejected(`r-${index}`));
    await withTransaction(pool, (client) => writeCalls(client, calls, []));
    const before = (await tables()).rows[0];
    expect(before).toMatchObject({ calls: 6_000, callsWithEvidence: 6_000 });
    const causes = await withTransaction(pool, (client) => writeCalls(client, calls, calls.map((facts) => facts.callRef)));
    expect(causes.size).toBe(6_000);
    expect((await tables()).rows[0]).toEqual(before);
  } finally {
    await pool.end();
  }
});
