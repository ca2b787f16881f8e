// Provisioning: what starts, locks and migrates a database before anything
// connects. Used by the CLI, the launcher and tests; never by pages.
export { ensureDatabase, startEmbeddedPostgres, type RunningDatabase } from "./embedded-server";
export { migrateDatabase, readMigrations, type Migration } from "./migrations";
export { openDatabase, type OpenOptions } from "./open-database";
