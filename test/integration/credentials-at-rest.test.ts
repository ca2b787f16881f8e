import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectPool } from "../../lib/database";
import { ingestUpload } from "../../lib/ingest";
import { getJson, sampleParts, upload } from "../support/api-client";
import { classifyWithCli } from "../support/cli";
import { SAMPLE_RAW_CREDENTIALS } from "../support/samples";
import { startExternalPostgres, type ExternalPostgres } from "../support/external-postgres";
import { startServe, type ServeProcess } from "../support/serve-process";

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

/** Lines of other calls, none carrying a value: enough to push a call's earlier lines past the readers' look-back (128 events). */
const otherCalls = (prefix: string, count = 300) =>
  Array.from({ length: count }, (_, index) => `2026-11-20T14:07:00Z DEBUG [callId=${prefix}-${index}] Running interceptor: OAuth`);

// One file whose calls echo a token (in a trace line, the response, a record's
// unknown field) hundreds of events before the line that carries it.
const FAR_ECHO_TOKENS = ["FarEch0T0ken77", "FarJs0nT0ken88", "FarBearerT0k99"];
const FAR_ECHO_TEXT = [
  '2026-11-20T14:07:00Z INFO [callId=far-1] Request: GET /payments/v2/charges api="Payments"',
  "2026-11-20T14:07:00Z WARN [callId=far-1] token FarEch0T0ken77 not in store; retry with FarBearerT0k99",
  "2026-11-20T14:07:00Z WARN [callId=far-1] Access token in HEADER x-api-token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call FarEch0T0ken77",
  '2026-11-20T14:07:00Z INFO [callId=far-1] Response: 401 body="token FarEch0T0ken77 is invalid"',
  ...otherCalls("far-other"),
  '2026-11-20T14:07:01Z DEBUG [callId=far-1] Request header x-api-token: "FarEch0T0ken77"',
  "2026-11-20T14:07:01Z DEBUG [callId=far-1] Request header Authorization: Bearer FarBearerT0k99",
].join("\n");
const FAR_ECHO_NDJSON = [
  '{"callId":"far-2","message":"token FarJs0nT0ken88 refused","note":"client sent FarJs0nT0ken88"}',
  ...Array.from({ length: 300 }, (_, index) => `{"callId":"far-json-other-${index}","message":"Running interceptor: OAuth"}`),
  '{"callId":"far-2","url":"/orders","requestHeaders":{"access_token":"FarJs0nT0ken88"},"status":401,"responseBody":"Access Token in the request, identified by HEADER access_token, is invalid"}',
].join("\n");

// Two uploads of one call: the first echoes tokens that only the second carries.
const EARLIER_UPLOAD_TOKENS = ["Upl0adEarl1erT0k", "Upl0adBearer99x"];
const EARLIER_UPLOAD = [
  '2026-11-20T14:08:00Z INFO [callId=two-uploads] Request: GET /payments/v2/charges api="Payments"',
  "2026-11-20T14:08:00Z WARN [callId=two-uploads] token Upl0adEarl1erT0k not in store; bearer Upl0adBearer99x unknown",
  "2026-11-20T14:08:00Z WARN [callId=two-uploads] Access token in HEADER x-api-token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call Upl0adEarl1erT0k",
  '2026-11-20T14:08:00Z INFO [callId=two-uploads] Response: 401 body="token Upl0adEarl1erT0k is invalid"',
].join("\n");
const LATER_UPLOAD = [
  '2026-11-20T14:07:59Z DEBUG [callId=two-uploads] Request header x-api-token: "Upl0adEarl1erT0k"',
  "2026-11-20T14:07:59Z DEBUG [callId=two-uploads] Request header Authorization: Bearer Upl0adBearer99x",
].join("\n");

// Two uploads of one call again, the other way round: the second echoes tokens only the first carried.
const KEPT_VALUE_TOKENS = ["K3ptV4lueT0ken21", "K3ptBearerT0k31"];
const CARRYING_UPLOAD = [
  '2026-11-20T14:09:00Z INFO [callId=kept-values] Request: GET /payments/v2/charges api="Payments"',
  '2026-11-20T14:09:00Z DEBUG [callId=kept-values] Request header x-api-token: "K3ptV4lueT0ken21"',
  "2026-11-20T14:09:00Z DEBUG [callId=kept-values] Request header Authorization: Bearer K3ptBearerT0k31",
].join("\n");
const ECHOING_UPLOAD = [
  "2026-11-20T14:09:01Z WARN [callId=kept-values] token K3ptV4lueT0ken21 not in store; jwt=K3ptBearerT0k31 unknown",
  "2026-11-20T14:09:01Z WARN [callId=kept-values] Access token in HEADER x-api-token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call",
  '2026-11-20T14:09:01Z INFO [callId=kept-values] Response: 401 body="token K3ptV4lueT0ken21 is invalid"',
].join("\n");

/** One call's header, then so many other calls carrying values that the readers forget it (they remember 2,048), then its echo. */
const forgottenCallEcho = (callId: string, token: string) =>
  [
    `2026-11-20T14:10:00Z DEBUG [callId=${callId}] Request header x-api-token: "${token}"`,
    ...Array.from({ length: 2_500 }, (_, index) => `2026-11-20T14:10:00Z DEBUG [callId=${callId}-other-${index}] Request header x-api-token: "OtherT0ken${index}"`),
    `2026-11-20T14:10:01Z WARN [callId=${callId}] token ${token} not in store; rejecting`,
    `2026-11-20T14:10:01Z INFO [callId=${callId}] Response: 401 body="token ${token} is invalid"`,
  ].join("\n");

let external: ExternalPostgres;
let server: ServeProcess;
const home = fs.mkdtempSync(path.join(os.tmpdir(), "tracelens-home-"));
const fingerprintKey = "credentials at rest";

beforeAll(async () => {
  external = await startExternalPostgres();
  server = await startServe({ DATABASE_URL: external.url, TRACELENS_HOME: home, TRACELENS_FINGERPRINT_KEY: fingerprintKey });
});
afterAll(async () => {
  await server?.stop();
  external?.stop();
  fs.rmSync(home, { recursive: true, force: true });
});

// Dumped with PostgreSQL's own pg_dump (Debian's 15, which cannot dump the embedded 18: hence DATABASE_URL).
const dumpDatabase = () => execFileSync(path.join(path.dirname(external.pgBin), "pg_dump"), ["--dbname", external.url, "--data-only"], { maxBuffer: 256 * 1024 * 1024 }).toString();

/** What the API and the pages show of these calls: each one's detail and page, an export of all, and a search for each raw value. */
async function shownOf(callIds: string[], raws: string[]): Promise<{ text: string; searchTotals: number[] }> {
  const shown: string[] = [];
  for (const callId of callIds) {
    const detail = await getJson(`${server.url}/api/calls/${encodeURIComponent(callId)}`);
    expect(detail.status, callId).toBe(200);
    shown.push(JSON.stringify(detail.body), await (await fetch(`${server.url}/calls/${encodeURIComponent(callId)}`)).text());
  }
  for (const format of ["csv", "ndjson"]) shown.push(await (await fetch(`${server.url}/api/export?format=${format}`)).text());
  const searchTotals: number[] = [];
  for (const raw of raws) searchTotals.push((await getJson<{ total: number }>(`${server.url}/api/calls?q=${raw}`)).body.total);
  return { text: shown.join("\n"), searchTotals };
}

it("stores no raw credential anywhere: a pg_dump of the database holds only masked previews", async () => {
  expect((await upload(server.url, [...sampleParts(), ...TOKENS_IN_URIS])).status).toBe(201);
  const dump = dumpDatabase();
  expect(dump).toContain("2Yot…pAA");
  expect(dump).toContain("COPY public.trace_segments");
  for (const raw of RAW_CREDENTIALS) expect(dump, raw).not.toContain(raw);
});

describe("a token echoed further back than the readers look", () => {
  it("is masked in what one file's upload stored, what the API shows and what classify prints", async () => {
    const files = [
      { name: "far-echo.log", content: FAR_ECHO_TEXT },
      { name: "far-echo.ndjson", content: FAR_ECHO_NDJSON },
    ];
    expect((await upload(server.url, files)).status).toBe(201);
    const dump = dumpDatabase();
    expect(dump).toContain("Fa…77");
    for (const raw of FAR_ECHO_TOKENS) expect(dump, raw).not.toContain(raw);
    const shown = await shownOf(["far-1", "far-2"], FAR_ECHO_TOKENS);
    expect(shown.text).toContain("Fa…77");
    for (const raw of FAR_ECHO_TOKENS) expect(shown.text, raw).not.toContain(raw);
    expect(shown.searchTotals).toEqual([0, 0, 0]);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tracelens-far-echo-"));
    try {
      const paths = files.map((file) => path.join(folder, file.name));
      files.forEach((file, index) => fs.writeFileSync(paths[index]!, file.content));
      const printed = JSON.stringify(classifyWithCli(paths, { env: { TRACELENS_FINGERPRINT_KEY: fingerprintKey } }));
      expect(printed).toContain('"callId":"far-1"');
      for (const raw of FAR_ECHO_TOKENS) expect(printed, raw).not.toContain(raw);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it("is masked where the echo was stored in an earlier batch of the same file", async () => {
    const pool = connectPool(external.url);
    try {
      // Chunks of 64 bytes: batches of 10 calls settle while the file is read, the echo's long before the header's.
      const bytes = Buffer.from(FAR_ECHO_TEXT.replaceAll("far-", "batched-far-").replaceAll("FarEch0", "BatchEch0"));
      const chunks = Array.from({ length: Math.ceil(bytes.length / 64) }, (_, index) => bytes.subarray(index * 64, (index + 1) * 64));
      await ingestUpload(pool, { source: "cli", files: [{ name: "batched.log", stream: Readable.from(chunks) }], callsPerBatch: 10 }, Buffer.from(fingerprintKey));
    } finally {
      await pool.end();
    }
    const dump = dumpDatabase();
    expect(dump).toContain("Batc…n77");
    expect(dump).not.toContain("BatchEch0T0ken77");
    expect((await shownOf(["batched-far-1"], ["BatchEch0T0ken77"])).text).not.toContain("BatchEch0T0ken77");
  });
});

// Two uploads of one call, in either order of carrying and echoing.
it.each([
  { order: "echoed by an earlier upload once a later upload of the same call carries it", first: EARLIER_UPLOAD, second: LATER_UPLOAD, callId: "two-uploads", tokens: EARLIER_UPLOAD_TOKENS, shownText: "token Upl0…T0k not in store" },
  { order: "a later upload of the same call echoes, though only an earlier upload carried it", first: CARRYING_UPLOAD, second: ECHOING_UPLOAD, callId: "kept-values", tokens: KEPT_VALUE_TOKENS, shownText: "token K3pt…n21 not in store" },
])("masks a token $order", async ({ first, second, callId, tokens, shownText }) => {
  expect((await upload(server.url, [{ name: `${callId}-first.log`, content: first }])).status).toBe(201);
  expect((await upload(server.url, [{ name: `${callId}-second.log`, content: second }])).body).toMatchObject({ callsAdded: 0, callsUpdated: 1 });
  const dump = dumpDatabase();
  expect(dump).toContain(shownText);
  for (const raw of tokens) expect(dump, raw).not.toContain(raw);
  const shown = await shownOf([callId], tokens);
  expect(shown.text).toContain(shownText);
  for (const raw of tokens) expect(shown.text, raw).not.toContain(raw);
  expect(shown.searchTotals).toEqual([0, 0]);
});

it("masks a token a later upload echoes right after an escape (`\\n` in a quoted body, `\\t` in a JSON record)", async () => {
  const carrying = [
    '2026-11-20T14:11:00Z DEBUG [callId=esc-1] Request header x-api-token: "EscEch0T0ken2211"',
    '2026-11-20T14:11:00Z DEBUG [callId=esc-2] Request header x-api-token: "JsnEch0T0ken3311"',
  ].join("\n");
  const echoingText = String.raw`2026-11-20T14:11:01Z INFO [callId=esc-1] Response: 401 body="refused:\nEscEch0T0ken2211"`;
  const echoingJson = JSON.stringify({ callId: "esc-2", status: 401, responseBody: "bad token\nJsnEch0T0ken3311", note: "x\tJsnEch0T0ken3311" });
  expect((await upload(server.url, [{ name: "esc-carrying.log", content: carrying }])).status).toBe(201);
  const later = await upload(server.url, [{ name: "esc-echoing.log", content: echoingText }, { name: "esc-echoing.ndjson", content: echoingJson }]);
  expect(later.body).toMatchObject({ callsUpdated: 2 });
  const dump = dumpDatabase();
  for (const raw of ["EscEch0T0ken2211", "JsnEch0T0ken3311"]) expect(dump, raw).not.toContain(raw);
  const shown = await shownOf(["esc-1", "esc-2"], ["EscEch0T0ken2211", "JsnEch0T0ken3311"]);
  expect(shown.text).toContain("JsnE…311");
  for (const raw of ["EscEch0T0ken2211", "JsnEch0T0ken3311"]) expect(shown.text, raw).not.toContain(raw);
});

describe("a token echoed after the readers forgot its call", () => {
  it("is masked when the echo is in the same batch as the header, and in what classify prints", async () => {
    const content = forgottenCallEcho("forgotten-1", "F0rg0tt3nT0ken41");
    expect((await upload(server.url, [{ name: "forgotten.log", content }])).status).toBe(201);
    expect(dumpDatabase()).not.toContain("F0rg0tt3nT0ken41");
    expect((await shownOf(["forgotten-1"], ["F0rg0tt3nT0ken41"])).text).toContain("token F0rg…n41 not in store");
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tracelens-forgotten-"));
    try {
      fs.writeFileSync(path.join(folder, "forgotten.log"), content);
      const printed = classifyWithCli([path.join(folder, "forgotten.log")], { env: { TRACELENS_FINGERPRINT_KEY: fingerprintKey } });
      const verdict = JSON.stringify(printed.find((line) => line.callId === "forgotten-1"));
      expect(verdict).toContain('token F0rg…n41 is invalid');
      expect(verdict).not.toContain("F0rg0tt3nT0ken41");
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it("is masked when the echo is in a later batch than the header", async () => {
    const pool = connectPool(external.url);
    try {
      const file = { name: "forgotten-batched.log", stream: Readable.from([forgottenCallEcho("forgotten-2", "F0rg0tt3nT0ken52")]) };
      await ingestUpload(pool, { source: "cli", files: [file], callsPerBatch: 100 }, Buffer.from(fingerprintKey));
    } finally {
      await pool.end();
    }
    expect(dumpDatabase()).not.toContain("F0rg0tt3nT0ken52");
    expect((await shownOf(["forgotten-2"], ["F0rg0tt3nT0ken52"])).text).toContain("token F0rg…n52 not in store");
  });
});
