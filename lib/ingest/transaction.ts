import type pg from "pg";

/** Serialises the step that joins an upload's calls with stored ones ("trace" in ASCII). */
const MERGE_LOCK = 0x7472616365;

export async function inMergeLock(client: pg.PoolClient): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock($1)", [MERGE_LOCK]);
}

/**
 * Runs `work` in one transaction on one connection: committed when it
 * returns, rolled back when it throws or calls `rollback()`.
 */
export async function withTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient, rollback: () => Promise<void>) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  // The pool listens for errors only while a connection is idle: one ended by
  // the server while checked out here (an upload's reader parsing between two
  // writes) would otherwise end the process. Its next query fails instead.
  let lost: Error | undefined;
  const onError = (error: Error) => {
    lost = error;
  };
  client.on("error", onError);
  let open = true;
  const rollback = async () => {
    open = false;
    await client.query("ROLLBACK");
  };
  try {
    await client.query("BEGIN");
    const result = await work(client, rollback);
    if (open) await client.query("COMMIT");
    return result;
  } catch (error) {
    if (open) await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.off("error", onError);
    // A lost connection is dropped, not handed to the next caller.
    client.release(lost);
  }
}
