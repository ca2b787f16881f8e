// Provisioning: what starts, locks and migrates a database before anything
// connects. Used by the CLI, the launcher, tests and benchmarks; never by pages.
export { createDatabase, databaseUrl, dropDatabase, ensureDatabase, withClient } from "./databases";
export { startEmbeddedPostgres, type RunningDatabase } from "./embedded-server";
export { migrateDatabase, readMigrations, type Migration } from "./migrations";
export { openDatabase, type OpenOptions } from "./open-database";
