import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fingerprintKeyFor, FingerprintKeyMismatchError } from "../../lib/credentials";
import { connectPool } from "../../lib/database";
import { migrateDatabase, readMigrations } from "../../lib/database-setup";
import { sampleParts, upload, type ApiError } from "../support/api-client";
import { runCli } from "../support/cli";
import { startServe } from "../support/serve-process";
import { createTestDatabase, useTestDatabase, withClient } from "../support/test-database";

// One database, one fingerprint key: a process with another key would give
// the same token a second fingerprint there, and split its calls in two
// without a word. The first key used is recorded; every other is refused.
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tracelens-key-check-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const FIRST = "the key the database was filled with";
const OTHER = "another installation's key";
const ADVICE =
  "is not the fingerprint key this database was filled with: use that key (set TRACELENS_FINGERPRINT_KEY to it, " +
  "or TRACELENS_HOME to the folder of its fingerprint.key), or one credential would get two fingerprints";
const refusedFromEnvironment = `tracelens: the key in TRACELENS_FINGERPRINT_KEY ${ADVICE}\n`;

/** A trace of one call carrying `token`, as a file of its own. */
function traceFile(callRef: string, token = "shared-token-0123456789"): string {
  const file = path.join(folder, `${callRef}.log`);
  fs.writeFileSync(file, `2026-11-21T10:00:00Z DEBUG [callId=${callRef}] Request header access_token: "${token}"\n`);
  return file;
}

const ingest = (url: string, callRef: string, env: Record<string, string>) =>
  runCli(["ingest", "--json", traceFile(callRef)], { env: { DATABASE_URL: url, TRACELENS_FINGERPRINT_KEY: "", ...env } });

const stored = (url: string) =>
  withClient(url, async (client) => (await client.query(`SELECT (SELECT count(*) FROM calls)::int AS calls, (SELECT count(*) FROM uploads)::int AS uploads`)).rows[0]);

const recordedChecks = (url: string) => withClient(url, async (client) => (await client.query(`SELECT * FROM fingerprint_key_check`)).rows);

/** A home folder of its own, whose key file is made on first use. */
const freshHome = () => fs.mkdtempSync(path.join(folder, "home-"));

describe("tracelens ingest", () => {
  const database = useTestDatabase();

  it("records the key of the first use, never the key itself, and takes the same key run after run", async () => {
    expect(await recordedChecks(database.url)).toEqual([]);
    for (const callRef of ["first-1", "first-2", "first-3"]) {
      const result = ingest(database.url, callRef, { TRACELENS_FINGERPRINT_KEY: FIRST });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
    }
    const checks = await recordedChecks(database.url);
    expect(checks).toHaveLength(1);
    expect(JSON.stringify(checks)).not.toContain(FIRST);
    expect(JSON.stringify(checks)).not.toContain(Buffer.from(FIRST).toString("hex"));
    expect(await stored(database.url)).toEqual({ calls: 3, uploads: 3 });
    // The same token, stored three times, is one credential: one fingerprint.
    const fingerprints = await withClient(database.url, (client) => client.query(`SELECT DISTINCT fingerprint FROM carried_credentials`));
    expect(fingerprints.rows).toHaveLength(1);
  });

  it("refuses another key in TRACELENS_FINGERPRINT_KEY with exit 2 and one line, and stores nothing", async () => {
    const result = ingest(database.url, "other-env", { TRACELENS_FINGERPRINT_KEY: OTHER });
    expect(result).toMatchObject({ status: 2, stderr: refusedFromEnvironment, stdout: "" });
    expect(await stored(database.url)).toEqual({ calls: 3, uploads: 3 });
  });

  it("refuses the key file of another TRACELENS_HOME, naming the file, and stores nothing", async () => {
    const home = freshHome();
    const result = ingest(database.url, "other-home", { TRACELENS_HOME: home });
    expect(result).toMatchObject({ status: 2, stderr: `tracelens: the key file ${path.join(home, "fingerprint.key")} ${ADVICE}\n`, stdout: "" });
    expect(await stored(database.url)).toEqual({ calls: 3, uploads: 3 });
    expect(await recordedChecks(database.url)).toHaveLength(1);
  });
});

describe("a database filled before it recorded its key", () => {
  it("takes the key of its first use after the upgrade, and refuses others from then on", async () => {
    const older = await createTestDatabase({ migrate: false });
    try {
      const all = readMigrations();
      await migrateDatabase(older.url, all.slice(0, all.findIndex((migration) => migration.name.endsWith("_fingerprint_key_check"))));
      await withClient(older.url, (client) => client.query(`INSERT INTO calls (call_ref, rejected) VALUES ('stored-before', false)`));
      // The CLI migrates the database, then records its key.
      expect(ingest(older.url, "after-upgrade", { TRACELENS_FINGERPRINT_KEY: FIRST })).toMatchObject({ status: 0, stderr: "" });
      expect(await recordedChecks(older.url)).toHaveLength(1);
      expect(ingest(older.url, "after-upgrade-2", { TRACELENS_FINGERPRINT_KEY: FIRST })).toMatchObject({ status: 0, stderr: "" });
      expect(ingest(older.url, "other-after-upgrade", { TRACELENS_FINGERPRINT_KEY: OTHER })).toMatchObject({ status: 2, stderr: refusedFromEnvironment });
      expect(await stored(older.url)).toEqual({ calls: 3, uploads: 2 });
    } finally {
      await older.drop();
    }
  });
});

describe("first uses at the same time", () => {
  const database = useTestDatabase();

  it("record one key: the processes with another are refused, those with the same are not", async () => {
    const racers = ["racer A", "racer B", "racer C", "racer A", "racer B", "racer C"].map((key) => ({ key, pool: connectPool(database.url) }));
    try {
      const outcomes = await Promise.allSettled(racers.map(({ key, pool }) => fingerprintKeyFor(pool, { fingerprintKey: key, home: folder })));
      const winners = new Set(racers.filter((_, index) => outcomes[index]?.status === "fulfilled").map(({ key }) => key));
      expect(winners.size).toBe(1);
      for (const [index, outcome] of outcomes.entries()) {
        expect(outcome.status === "fulfilled").toBe(winners.has(racers[index]?.key ?? ""));
        if (outcome.status === "rejected") expect(outcome.reason).toBeInstanceOf(FingerprintKeyMismatchError);
      }
      expect(await recordedChecks(database.url)).toHaveLength(1);
    } finally {
      await Promise.all(racers.map(({ pool }) => pool.end()));
    }
  });
});

describe("tracelens serve", () => {
  const database = useTestDatabase();

  it("refuses to start with another key, with one line and no stack trace", async () => {
    expect(ingest(database.url, "serve-first", { TRACELENS_FINGERPRINT_KEY: FIRST }).status).toBe(0);
    const served = await startServe({ DATABASE_URL: database.url, TRACELENS_FINGERPRINT_KEY: OTHER });
    try {
      expect(served.ready).toBe(false);
      expect(await served.exited).toBe(2);
      expect(served.output()).toBe(`Database: DATABASE_URL\n${refusedFromEnvironment}`);
    } finally {
      await served.stop();
    }
  });

  it("serves with the key the database was filled with, and refuses uploads and look-ups once its key file is another", async () => {
    const home = freshHome();
    const keyFile = path.join(home, "fingerprint.key");
    fs.writeFileSync(keyFile, FIRST);
    const served = await startServe({ DATABASE_URL: database.url, TRACELENS_HOME: home });
    try {
      expect(served.ready, served.output()).toBe(true);
      expect((await upload(served.url, sampleParts())).status).toBe(201);
      const before = await stored(database.url);
      const lookUp = () =>
        fetch(`${served.url}/api/credentials/lookup`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ value: "shared-token-0123456789" }) });
      expect(await (await lookUp()).json()).toMatchObject({ carriedBy: 1 });

      // Another key file while it runs (restored from another installation, say).
      fs.writeFileSync(keyFile, OTHER);
      // The answer names no path of the server's; its log says which key and what to do.
      const refused = { error: { code: "fingerprint_key_mismatch", message: "the server's fingerprint key is not the one this database was filled with; its log says what to do" } };
      const lookedUp = await lookUp();
      expect(lookedUp.status).toBe(500);
      expect(await lookedUp.json()).toEqual(refused);
      const uploaded = await upload<ApiError>(served.url, [{ name: "later.log", content: fs.readFileSync(traceFile("later")) }]);
      expect(uploaded).toEqual({ status: 500, body: refused });
      expect(await stored(database.url)).toEqual(before);
      expect(served.output()).not.toMatch(/\n\s+at /);
      expect(served.output()).toContain(`the key file ${keyFile} ${ADVICE}`);
    } finally {
      await served.stop();
    }
  });
});
