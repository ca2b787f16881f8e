import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabase, dropDatabase, migrateDatabase, startEmbeddedPostgres } from "../../lib/database-setup";

export type BenchDatabase = {
  kind: "embedded" | "DATABASE_URL";
  /** The migrated, empty benchmark database. */
  url: string;
  /** Stops the embedded server and removes its folder, or drops the throwaway database. */
  close(): Promise<void>;
};

/**
 * A fresh, migrated database: a throwaway database on the server of
 * `DATABASE_URL` when it is set, else an embedded PostgreSQL in a temporary
 * folder.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL;
  const database = external ? await throwawayDatabase(external) : await embeddedDatabase();
  try {
    await migrateDatabase(database.url);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function embeddedDatabase(): Promise<BenchDatabase> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "tracelens-bench-explorer-"));
  // As root, PostgreSQL runs as `postgres`, which must be able to enter the folder.
  chmodSync(folder, 0o755);
  try {
    const running = await startEmbeddedPostgres(folder);
    return {
      kind: "embedded",
      url: running.url,
      close: async () => {
        try {
          await running.stop();
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

async function throwawayDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `tracelens_bench_explorer_${process.pid}`;
  // Left over by an interrupted run of this pid, if any.
  await dropDatabase(serverUrl, name);
  const url = await createDatabase(serverUrl, name);
  return { kind: "DATABASE_URL", url, close: () => dropDatabase(serverUrl, name) };
}
