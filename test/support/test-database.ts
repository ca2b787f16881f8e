import crypto from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { connectDatabase, type Database } from "../../lib/database";
import { createDatabase, dropDatabase, migrateDatabase } from "../../lib/database-setup";

export { withClient } from "../../lib/database-setup";

export type TestDatabase = { url: string; db: Database; drop(): Promise<void> };
export type TestDatabaseOptions = { migrate?: boolean };

/** A fresh database of its own (migrated unless told otherwise) on the integration run's server. */
export async function createTestDatabase({ migrate = true }: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = inject("adminDatabaseUrl");
  const name = `tracelens_test_${crypto.randomBytes(5).toString("hex")}`;
  const url = await createDatabase(serverUrl, name);
  if (migrate) await migrateDatabase(url);
  const db = connectDatabase(url);
  return {
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await dropDatabase(serverUrl, name);
    },
  };
}

/**
 * A fresh database for the tests of the file (or describe) that calls this at
 * its top: made before they run, dropped after. Its fields can be read from
 * inside tests and hooks, once it is made.
 */
export function useTestDatabase(options: TestDatabaseOptions = {}): TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(options);
  });
  afterAll(async () => database?.drop());
  const made = (): TestDatabase => {
    if (database === undefined) throw new Error("the test database is made in beforeAll: use it inside tests and hooks");
    return database;
  };
  return {
    get url() {
      return made().url;
    },
    get db() {
      return made().db;
    },
    drop: () => made().drop(),
  };
}
