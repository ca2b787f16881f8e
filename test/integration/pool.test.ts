import { expect, it } from "vitest";
import { connectPool } from "../../lib/database";
import { useTestDatabase } from "../support/test-database";

const database = useTestDatabase({ migrate: false });

it("survives the server ending an idle connection, and answers the next query on a new one", async () => {
  const pool = connectPool(database.url);
  const other = connectPool(database.url);
  try {
    const idle = await pool.connect();
    const { rows } = await idle.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    idle.release();
    await other.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
    // The ended connection's error reaches the pool while it sits idle.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    expect(again.rows[0]!.pid).not.toBe(rows[0]!.pid);
  } finally {
    await pool.end();
    await other.end();
  }
});
