import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/database-setup";

declare module "vitest" {
  export interface ProvidedContext {
    /** A maintenance connection on the test server: tests create their own databases through it. */
    adminDatabaseUrl: string;
  }
}

/**
 * One real PostgreSQL for the whole integration run: DATABASE_URL when set
 * (it must allow CREATE DATABASE), otherwise an embedded cluster in a
 * temporary folder that is removed afterwards.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    project.provide("adminDatabaseUrl", process.env.DATABASE_URL);
    return async () => {};
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracelens-test-db-"));
  fs.chmodSync(dataDir, 0o755);
  const server = await startEmbeddedPostgres(dataDir);
  project.provide("adminDatabaseUrl", server.adminUrl);
  return async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
