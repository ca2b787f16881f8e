import { expect, it } from "vitest";
import { connectPool } from "../../lib/database";
import { withTransaction } from "../../lib/ingest/transaction";
import { useTestDatabase } from "../support/test-database";

const database = useTestDatabase({ migrate: false });

it("fails the transaction, and keeps the process, when the server ends its connection between two queries", async () => {
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);
  process.on("uncaughtException", onUncaught);
  const pool = connectPool(database.url);
  const other = connectPool(database.url);
  try {
    const work = withTransaction(pool, async (client) => {
      const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      await other.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
      // An upload's reader parsing between two writes: no query in flight.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await client.query("SELECT 1");
    });
    await expect(work).rejects.toThrow();
    expect(uncaught).toEqual([]);
    expect((await pool.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  } finally {
    process.off("uncaughtException", onUncaught);
    await pool.end();
    await other.end();
  }
});
