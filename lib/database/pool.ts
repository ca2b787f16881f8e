import pg from "pg";
import { serverShared } from "./server-shared";

/**
 * Plain `pg` connections for what Prisma does not do: COPY streams and
 * explicit transactions that span a whole upload. Same URL as Prisma's.
 */
export function connectPool(url: string): pg.Pool {
  const connections = new pg.Pool({ connectionString: url, max: 8 });
  // An idle connection the server ends (a restart, or the embedded server
  // stopping with the dashboard) is dropped by the pool and the next query
  // opens another; unheard, its error would end the process.
  connections.on("error", () => undefined);
  return connections;
}

/** The server's shared pool. */
export const pool = serverShared("tracelensPool", connectPool);
