import type { Environment } from "../config/env";
import { startEmbeddedPostgres, type RunningDatabase } from "./embedded-server";
import { migrateDatabase } from "./migrations";

/**
 * The one code path to a ready database for every entry point (server, CLI,
 * tests): DATABASE_URL when set, otherwise the embedded cluster in the data
 * folder. Either way the schema is migrated before anything uses it.
 */
export async function openDatabase(environment: Environment): Promise<RunningDatabase & { embedded: boolean }> {
  const running: RunningDatabase = environment.databaseUrl
    ? { url: environment.databaseUrl, adminUrl: environment.databaseUrl, stop: async () => {} }
    : await startEmbeddedPostgres(environment.dataDir);
  try {
    await migrateDatabase(running.url);
  } catch (error) {
    await running.stop();
    throw error;
  }
  return { ...running, embedded: !environment.databaseUrl };
}
