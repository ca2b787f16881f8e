export { connectDatabase, database, type Database } from "./client";
export { connectPool, pool } from "./pool";
export { Prisma } from "./generated/client";
