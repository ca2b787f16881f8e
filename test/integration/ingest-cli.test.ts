import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, expect, it } from "vitest";
import { runCli } from "../support/cli";
import { useTestDatabase, withClient } from "../support/test-database";

// `tracelens ingest` as a user runs it: the CLI bundle, exit codes, what is stored.
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tracelens-ingest-cli-"));
const database = useTestDatabase();
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** Writes the files (a null content writes none) and ingests them. */
function ingest(files: Record<string, string | Buffer | null>, options: string[] = [], env: Record<string, string> = {}) {
  const paths = Object.entries(files).map(([name, content]) => {
    const file = path.join(folder, name);
    if (content !== null) fs.writeFileSync(file, content);
    return file;
  });
  return runCli(["ingest", "--json", ...options, ...paths], { env: { DATABASE_URL: database.url, TRACELENS_FINGERPRINT_KEY: "ingest cli test", ...env } });
}

const counts = () =>
  withClient(database.url, async (client) => (await client.query(`SELECT (SELECT count(*) FROM calls)::int AS calls, (SELECT count(*) FROM uploads)::int AS uploads`)).rows[0]);

/** The line that ends the report of an upload refused with one readable file in it. */
const oneOtherReadable = "tracelens: 1 other file is readable, but was not stored either: an upload is stored whole or not at all\n";

const lines = (count: number) =>
  Array.from({ length: count }, (_, index) => `2026-11-21T10:00:00Z DEBUG [callId=cli-${index}] Request header access_token: "cliToken${index}value"\n`).join("");

it("stores a file's calls", async () => {
  const result = ingest({ "good.log": lines(5_000) });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({ callsAdded: 5_000, files: [{ name: "good.log", lineCount: 5_000 }] });
  expect(await counts()).toEqual({ calls: 5_000, uploads: 1 });
  // Which database it went to, without the password.
  const url = new URL(database.url);
  expect(JSON.parse(result.stdout).database).toBe(`${url.hostname}:${url.port}${url.pathname} (DATABASE_URL)`);
});

it("exits 2 naming the file and line of a bad line deep in a later file, and stores nothing of the upload", async () => {
  const bad = Buffer.concat([Buffer.from(lines(20_000).replaceAll("cli-", "more-")), Buffer.from([0xc3, 0x28, 0x0a])]);
  const result = ingest({ "first.log": lines(10).replaceAll("cli-", "first-"), "bad.log": bad });
  expect(result.status).toBe(2);
  expect(result.stderr).toBe(`tracelens: ${path.join(folder, "bad.log")}: line 20001: invalid UTF-8 (nothing was stored)\n${oneOtherReadable}`);
  expect(result.stdout).toBe("");
  expect(await counts()).toEqual({ calls: 5_000, uploads: 1 });
});

it("exits 2 naming every file it cannot read, one line each (the first as before), says the others can be read, and stores nothing", async () => {
  const result = ingest({
    "evil.log": `${lines(3).replaceAll("cli-", "evil-")}${"x".repeat(1024 * 1024 + 1)}\n`,
    "readable.log": lines(10).replaceAll("cli-", "readable-"),
    "truncated.log.gz": gzipSync(lines(100).replaceAll("cli-", "truncated-")).subarray(0, 120),
    "binary.log": Buffer.concat([Buffer.from(lines(2).replaceAll("cli-", "binary-")), Buffer.from([0x00, 0x01, 0x0a])]),
  });
  expect(result.status).toBe(2);
  expect(result.stderr).toBe(
    [
      `tracelens: ${path.join(folder, "evil.log")}: line 4: line longer than 1 MiB (nothing was stored)`,
      `tracelens: ${path.join(folder, "truncated.log.gz")}: byte 120: truncated gzip data`,
      `tracelens: ${path.join(folder, "binary.log")}: line 3: binary data (NUL byte), not a trace`,
      oneOtherReadable,
    ].join("\n"),
  );
  expect(result.stdout).toBe("");
  expect(await counts()).toEqual({ calls: 5_000, uploads: 1 });
});

it("exits 2 naming a file that does not exist, and stores nothing of the upload", async () => {
  const result = ingest({ "before.log": lines(10).replaceAll("cli-", "before-"), "missing.log": null });
  expect(result.status).toBe(2);
  expect(result.stderr).toBe(`tracelens: ${path.join(folder, "missing.log")}: cannot read: no such file (nothing was stored)\n${oneOtherReadable}`);
  expect(await counts()).toEqual({ calls: 5_000, uploads: 1 });
});

it("exits 2 with one line for an upload name that is only spaces, and stores nothing", async () => {
  const result = ingest({ "named.log": lines(10).replaceAll("cli-", "named-") }, ["--name", "  "]);
  expect(result).toMatchObject({ status: 2, stderr: "tracelens: --name is empty\n", stdout: "" });
  expect(await counts()).toEqual({ calls: 5_000, uploads: 1 });
});

it("exits 1 with one line naming an environment variable whose value does not fit, and stores nothing", async () => {
  const result = ingest({ "env.log": lines(10).replaceAll("cli-", "env-") }, [], { TRACELENS_MAX_UPLOAD_FILES: "many" });
  expect(result).toMatchObject({ status: 1, stderr: 'tracelens: TRACELENS_MAX_UPLOAD_FILES: "many" is not a whole number of files from 1 up\n', stdout: "" });
  expect(await counts()).toEqual({ calls: 5_000, uploads: 1 });
});

it("stores standard input given as -, gzip or not, under the name stdin, and names it so where it cannot be read", async () => {
  const env = { DATABASE_URL: database.url, TRACELENS_FINGERPRINT_KEY: "ingest cli test" };
  const stored = runCli(["ingest", "--json", "-"], { env, stdin: gzipSync(lines(10).replaceAll("cli-", "stdin-")) });
  expect(stored.stderr).toBe("");
  expect(stored.status).toBe(0);
  expect(JSON.parse(stored.stdout)).toMatchObject({ callsAdded: 10, files: [{ name: "stdin", lineCount: 10 }] });
  expect(await counts()).toEqual({ calls: 5_010, uploads: 2 });

  const damaged = runCli(["ingest", "-"], { env, stdin: Buffer.concat([Buffer.from(lines(3).replaceAll("cli-", "bad-")), Buffer.from([0xc3, 0x28, 0x0a])]) });
  expect(damaged).toMatchObject({ status: 2, stdout: "", stderr: "tracelens: stdin: line 4: invalid UTF-8 (nothing was stored)\n" });
  expect(await counts()).toEqual({ calls: 5_010, uploads: 2 });
});
