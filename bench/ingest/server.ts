import path from "node:path";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/database-setup";
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
  const query = async <T extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<T[]> => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return (await client.query<T>(sql, values)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    kind,
    adminUrl,
    async createDatabase(name) {
      await ensureDatabase(adminUrl, name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async dropDatabase(name) {
      await query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    },
    query,
    cpuSeconds,
    stop,
  };
}
