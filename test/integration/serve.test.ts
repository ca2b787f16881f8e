import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMigrations } from "../../lib/database-setup";
import { startExternalPostgres, type ExternalPostgres } from "../support/external-postgres";
import { startServe, storedCallsShown, type ServeProcess } from "../support/serve-process";
import { withClient } from "../support/test-database";

// `tracelens serve` as users run it: real processes, real signals, real PostgreSQL.
describe("serve on the embedded database", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracelens-serve-"));
  fs.chmodSync(dataDir, 0o755);
  const env = { TRACELENS_DATA_DIR: dataDir };
  let first: ServeProcess;

  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("creates the cluster on first start and serves the dashboard from it", async () => {
    first = await startServe(env);
    expect(first.output()).toContain("Tracelens is ready at");
    expect(fs.existsSync(path.join(dataDir, "pgdata", "PG_VERSION"))).toBe(true);
    expect(await storedCallsShown(first.url)).toBe("0");
  });

  it("refuses a second instance on the same data folder, clearly, and leaves the first serving", async () => {
    const second = await startServe(env);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toMatch(/another Tracelens \(pid \d+\) is already using the data folder/);
    expect(second.output()).not.toMatch(/\n\s+at /); // no stack trace
    expect(await storedCallsShown(first.url)).toBe("0");
  });

  it("reuses the data folder after a clean stop (SIGTERM), keeping what was stored", async () => {
    await insertCall(dataDir, "kept-across-restarts");
    first.child.kill("SIGTERM");
    await first.exited;
    expect(fs.existsSync(path.join(dataDir, "pgdata", "postmaster.pid"))).toBe(false);
    const again = await startServe(env);
    expect(await storedCallsShown(again.url)).toBe("1");
    first = again;
  });

  it("recovers after being killed with SIGKILL, which leaves PostgreSQL running", async () => {
    first.child.kill("SIGKILL");
    await first.exited;
    expect(fs.existsSync(path.join(dataDir, "pgdata", "postmaster.pid"))).toBe(true);
    const recovered = await startServe(env);
    expect(recovered.output()).toContain("Tracelens is ready at");
    expect(await storedCallsShown(recovered.url)).toBe("1");
    recovered.child.kill("SIGINT");
    await recovered.exited;
    expect(fs.existsSync(path.join(dataDir, "pgdata", "postmaster.pid"))).toBe(false);
  });
});

describe("serve on DATABASE_URL (another PostgreSQL, 15)", () => {
  let external: ExternalPostgres;
  beforeAll(async () => {
    external = await startExternalPostgres();
  });
  afterAll(() => external.stop());

  it("migrates and serves that database and starts no embedded server", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracelens-unused-"));
    const served = await startServe({ DATABASE_URL: external.url, TRACELENS_DATA_DIR: dataDir });
    try {
      expect(served.output()).toContain("Database: DATABASE_URL");
      expect(await storedCallsShown(served.url)).toBe("0");
      const applied = await withClient(external.url, (client) => client.query(`SELECT migration_name FROM "_prisma_migrations"`));
      expect(applied.rows.map((row) => row.migration_name)).toEqual(readMigrations().map((m) => m.name));
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      await served.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("serve with an environment variable whose value does not fit", () => {
  it("stops at start with one line naming the variable, before it touches a database", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracelens-bad-env-"));
    try {
      const served = await startServe({ TRACELENS_DATA_DIR: dataDir, TRACELENS_MAX_UPLOAD_MB: "abc" });
      expect(await served.exited).toBe(1);
      expect(served.output()).toBe('tracelens: TRACELENS_MAX_UPLOAD_MB: "abc" is not a number of megabytes above 0\n');
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

/** Writes straight into the embedded cluster, as a stand-in for an ingest. */
async function insertCall(dataDir: string, callRef: string): Promise<void> {
  const port = fs.readFileSync(path.join(dataDir, "pgdata", "postmaster.pid"), "utf8").split("\n")[3];
  const password = fs.readFileSync(path.join(dataDir, "postgres-password"), "utf8").trim();
  const url = `postgresql://tracelens:${encodeURIComponent(password)}@127.0.0.1:${port}/tracelens`;
  await withClient(url, (client) => client.query(`INSERT INTO calls (call_ref, rejected) VALUES ($1, false)`, [callRef]));
}
