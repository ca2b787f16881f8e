import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sampleParts, upload } from "../support/api-client";
import { startExternalPostgres, type ExternalPostgres } from "../support/external-postgres";
import { startServe } from "../support/serve-process";

// Every raw credential value the samples carry (headers, query parameters, cookies).
const RAW_CREDENTIALS = ["2YotnFZFEjr1zCsicMWpAA", "f3b1c2d4e5", "9fK2mQ7xL0pR4tV8", "Q1w2E3r4T5", "k-777-abc", "Zx9Yw8Vu7Ts6", "s3cr3t-cookie"];

let external: ExternalPostgres;
const home = fs.mkdtempSync(path.join(os.tmpdir(), "tracelens-home-"));

beforeAll(async () => {
  external = await startExternalPostgres();
});
afterAll(() => {
  external.stop();
  fs.rmSync(home, { recursive: true, force: true });
});

// Dumped with PostgreSQL's own pg_dump (Debian's 15, which cannot dump the embedded 18: hence DATABASE_URL).
it("stores no raw credential anywhere: a pg_dump of the database holds only masked previews", async () => {
  const server = await startServe({ DATABASE_URL: external.url, TRACELENS_HOME: home });
  try {
    expect((await upload(server.url, sampleParts())).status).toBe(201);
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
  }
  const dump = execFileSync(path.join(path.dirname(external.pgBin), "pg_dump"), ["--dbname", external.url, "--data-only"]).toString();
  expect(dump).toContain("2Yot…pAA");
  expect(dump).toContain("COPY public.trace_lines");
  for (const raw of RAW_CREDENTIALS) expect(dump, raw).not.toContain(raw);
});
