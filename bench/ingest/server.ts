import path from "node:path";
import type pg from "pg";
import { createDatabase, dropDatabase, startEmbeddedPostgres, withClient } from "../../lib/database-setup";
import { postgresCpuSeconds } from "./postgres-cpu";

/** One PostgreSQL server for the whole run; a throwaway database per measurement. */
export type BenchServer = {
  kind: "embedded" | "DATABASE_URL";
  /** A database on the server to connect to for administration (not one of ours). */
  adminUrl: string;
  createDatabase(name: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  query<T extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<T[]>;
  /** CPU seconds the server has used so far; null for a server that is not ours to watch (DATABASE_URL). */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
};

/**
 * `DATABASE_URL` when set (its database is only used to create and drop
 * others), else an embedded PostgreSQL kept in `<workDir>/postgres`.
 */
export async function startBenchServer(workDir: string): Promise<BenchServer> {
  const external = process.env.DATABASE_URL;
  if (external !== undefined && external !== "") return serverAt(external, "DATABASE_URL", async () => undefined, () => null);
  const dataDir = path.join(workDir, "postgres");
  const running = await startEmbeddedPostgres(dataDir);
  return serverAt(running.adminUrl, "embedded", running.stop, () => postgresCpuSeconds(path.join(dataDir, "pgdata")));
}

function serverAt(adminUrl: string, kind: BenchServer["kind"], stop: () => Promise<void>, cpuSeconds: () => number | null): BenchServer {
  const query = <T extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<T[]> =>
    withClient(adminUrl, async (client) => (await client.query<T>(sql, values)).rows);
  return {
    kind,
    adminUrl,
    async createDatabase(name) {
      // A measurement starts empty, even after an interrupted run left its database behind.
      await dropDatabase(adminUrl, name);
      return createDatabase(adminUrl, name);
    },
    dropDatabase: (name) => dropDatabase(adminUrl, name),
    query,
    cpuSeconds,
    stop,
  };
}
