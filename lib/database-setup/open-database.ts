import type { Environment } from "../config";
import { runningClusterUrl, startEmbeddedPostgres, type RunningDatabase } from "./embedded-server";
import { DataFolderBusyError } from "./instance-lock";
import { migrateDatabase } from "./migrations";

export type OpenOptions = {
  /** When another Tracelens owns the embedded cluster, use it (CLI) rather than fail (server). */
  shareRunning?: boolean;
};

/**
 * The one code path to a ready database for every entry point (server, CLI,
 * tests): DATABASE_URL when set, otherwise the embedded cluster in the data
 * folder. Either way the schema is migrated before anything uses it.
 */
export async function openDatabase(environment: Environment, options: OpenOptions = {}): Promise<RunningDatabase & { embedded: boolean }> {
  const running = environment.databaseUrl
    ? { url: environment.databaseUrl, adminUrl: environment.databaseUrl, stop: async () => {} }
    : await openEmbedded(environment.dataDir, options);
  try {
    await migrateDatabase(running.url);
  } catch (error) {
    await running.stop();
    throw error;
  }
  return { ...running, embedded: !environment.databaseUrl };
}

async function openEmbedded(dataDir: string, { shareRunning = false }: OpenOptions): Promise<RunningDatabase> {
  try {
    return await startEmbeddedPostgres(dataDir);
  } catch (error) {
    const url = shareRunning && error instanceof DataFolderBusyError ? runningClusterUrl(dataDir) : null;
    if (url === null) throw error;
    return { url, adminUrl: url, stop: async () => {} };
  }
}
