import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sampleParts, upload } from "../support/api-client";
import { SAMPLE_RAW_CREDENTIALS } from "../support/samples";
import { startExternalPostgres, type ExternalPostgres } from "../support/external-postgres";
import { startServe } from "../support/serve-process";

// Every raw credential value uploaded: the samples' headers, query parameters and
// cookies, and tokens sent in request URIs' query strings (text and JSON).
const RAW_CREDENTIALS = [...SAMPLE_RAW_CREDENTIALS, "Qs7TokenInUri42", "J50nTokenInUri77", "sh0rt", "R0tatedT0ken55", "NewestF1rstT0ken"];

const TOKENS_IN_URIS = [
  {
    name: "query-token.log",
    content: [
      '2026-11-20T14:03:11Z INFO [callId=uri-1] Request: GET /payments/v2/charges?access_token=Qs7TokenInUri42&page=2&key=sh0rt api="Payments"',
      '2026-11-20T14:03:11Z DEBUG [callId=uri-1] Request query access_token: "Qs7TokenInUri42"',
      "2026-11-20T14:03:12Z WARN [callId=uri-1] Access token in QUERYPARAM access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call",
    ].join("\n"),
  },
  // A rotated log: the header in the older file, the token echoed by a line of the same call in the newer one.
  { name: "gateway.log.1", content: '2026-11-20T14:05:00Z DEBUG [callId=rot-1] Request header x-api-token: "R0tatedT0ken55"\n' },
  { name: "gateway.log", content: '2026-11-20T14:05:01Z WARN [callId=rot-1] token R0tatedT0ken55 not in store; rejecting\n2026-11-20T14:05:01Z INFO [callId=rot-1] Response: 401 body="no"\n' },
  // The same, given newest first (as `gateway.log*` lists them): the echo is stored before its value is known, then masked.
  {
    name: "other.log",
    content:
      '2026-11-20T14:06:01Z WARN [callId=rot-2] Access token in HEADER x-api-token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call NewestF1rstT0ken\n' +
      '2026-11-20T14:06:01Z INFO [callId=rot-2] Response: 401 body="token NewestF1rstT0ken refused"\n',
  },
  { name: "other.log.1", content: '2026-11-20T14:06:00Z DEBUG [callId=rot-2] Request header x-api-token: "NewestF1rstT0ken" uri=/x?t=NewestF1rstT0ken\n' },
  { name: "query-token.ndjson", content: '{"callId":"uri-2","url":"/x?access_token=J50nTokenInUri77","status":401,"responseBody":"Access Token in the request, identified by QUERYPARAM access_token, is invalid"}\n' },
];

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
    expect((await upload(server.url, [...sampleParts(), ...TOKENS_IN_URIS])).status).toBe(201);
  } finally {
    await server.stop();
  }
  const dump = execFileSync(path.join(path.dirname(external.pgBin), "pg_dump"), ["--dbname", external.url, "--data-only"]).toString();
  expect(dump).toContain("2Yot…pAA");
  expect(dump).toContain("COPY public.trace_segments");
  for (const raw of RAW_CREDENTIALS) expect(dump, raw).not.toContain(raw);
});
