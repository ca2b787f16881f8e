import pg from "pg";

/**
 * Plain `pg` connections for what Prisma does not do: COPY streams and
 * explicit transactions that span a whole upload. Same URL as Prisma's.
 */
const globalForPool = globalThis as unknown as { tracelensPool?: pg.Pool };

export function connectPool(url: string): pg.Pool {
  const connections = new pg.Pool({ connectionString: url, max: 8 });
  // An idle connection the server ends (a restart, or the embedded server
  // stopping with the dashboard) is dropped by the pool and the next query
  // opens another; unheard, its error would end the process.
  connections.on("error", () => undefined);
  return connections;
}

export function pool(): pg.Pool {
  if (!globalForPool.tracelensPool) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Tracelens with `npm start` (tracelens serve)");
    globalForPool.tracelensPool = connectPool(url);
  }
  return globalForPool.tracelensPool;
}
