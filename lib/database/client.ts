import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Database = PrismaClient;

/** A Prisma client on the driver adapter (no engine binary). */
export function connectDatabase(url: string): Database {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

const globalForPrisma = globalThis as unknown as { tracelensDatabase?: Database };

/**
 * The server's shared client. `tracelens serve` resolves the database (embedded
 * or DATABASE_URL) and hands its URL to the Next server in DATABASE_URL.
 */
export function database(): Database {
  if (!globalForPrisma.tracelensDatabase) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Tracelens with `npm start` (tracelens serve)");
    globalForPrisma.tracelensDatabase = connectDatabase(url);
  }
  return globalForPrisma.tracelensDatabase;
}
