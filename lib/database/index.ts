export { connectDatabase, database, type Database } from "./client";
export { ensureDatabase, startEmbeddedPostgres, type RunningDatabase } from "./embedded-server";
export { DataFolderBusyError } from "./instance-lock";
export { migrateDatabase, readMigrations, type Migration } from "./migrations";
export { openDatabase } from "./open-database";
