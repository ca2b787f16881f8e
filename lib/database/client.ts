import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { serverShared } from "./server-shared";

export type Database = PrismaClient;

/** A Prisma client on the driver adapter (no engine binary). */
export function connectDatabase(url: string): Database {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

/** The server's shared client. */
export const database = serverShared("tracelensDatabase", connectDatabase);
