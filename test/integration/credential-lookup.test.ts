import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { CallPage, CredentialLookup } from "../../lib/explorer";
import { getJson, sampleParts, upload, type ApiError } from "../support/api-client";
import { startServe, type ServeProcess } from "../support/serve-process";
import { useTestDatabase } from "../support/test-database";

// "Is this my partner's token?": a credential someone holds, posted, is found
// by its fingerprint among the stored calls, and goes nowhere else.
const home = fs.mkdtempSync(path.join(os.tmpdir(), "tracelens-home-"));
const database = useTestDatabase();
let server: ServeProcess;

beforeAll(async () => {
  server = await startServe({ TRACELENS_HOME: home, DATABASE_URL: database.url });
  expect(server.ready, server.output()).toBe(true);
  expect((await upload(server.url, sampleParts())).status).toBe(201);
});

afterAll(async () => {
  await server.stop();
  fs.rmSync(home, { recursive: true, force: true });
});

async function lookUp(body: string): Promise<{ status: number; body: CredentialLookup & ApiError }> {
  const response = await fetch(`${server.url}/api/credentials/lookup`, { method: "POST", headers: { "content-type": "application/json" }, body });
  return { status: response.status, body: (await response.json()) as CredentialLookup & ApiError };
}

it("finds the calls that carried a pasted token, by the fingerprint the explorer filters on", async () => {
  // The samples' access token, pasted with a stray line break as it often is.
  const { status, body } = await lookUp(JSON.stringify({ value: "2YotnFZFEjr1zCsicMWpAA\n" }));
  expect(status).toBe(200);
  expect(body).toMatchObject({ preview: "2Yot…pAA", credential: { name: "access_token", preview: "2Yot…pAA" }, carriedBy: 1, refusedIn: 1 });
  // Did it ever work? Not in any stored call.
  expect(body.history).toEqual({
    accepted: { calls: 0, first: null, last: null, apis: [] },
    refused: { calls: 1, first: "2026-11-20T14:03:11.482Z", last: "2026-11-20T14:03:11.482Z", apis: ["Payments"] },
    story: "never_accepted",
  });
  const { body: carried } = await getJson<CallPage>(`${server.url}/api/calls?fingerprint=${body.fingerprint}`);
  expect(carried.items.map((item) => item.callId)).toEqual(["7f3c9a1e-2b4d-4c8e-9f10-5a6b7c8d9e0f"]);
  expect(JSON.stringify(body)).not.toContain("2YotnFZFEjr1zCsicMWpAA");
});

it("finds a token sent only in the request URI's query, and the call names it as the credential refused", async () => {
  const trace = [
    "2026-11-20T14:03:11Z INFO [callId=uri-only] Request: GET /payments/v2/charges?access_token=SECRETQUERYTOKEN123&page=2",
    "2026-11-20T14:03:12Z WARN [callId=uri-only] Access Token in QUERY PARAM access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call",
    '2026-11-20T14:03:12Z INFO [callId=uri-only] Response: 401 body="denied"',
  ].join("\n");
  expect((await upload(server.url, [{ name: "uri-only.log", content: trace }])).status).toBe(201);
  const { body } = await lookUp(JSON.stringify({ value: "SECRETQUERYTOKEN123" }));
  expect(body).toMatchObject({ preview: "SECR…123", credential: { name: "access_token", preview: "SECR…123" }, carriedBy: 1, refusedIn: 1 });
  const { body: call } = await getJson<{ credential: { fingerprint: string | null }; credentials: Array<{ location: string; name: string }> }>(`${server.url}/api/calls/uri-only`);
  expect(call.credential.fingerprint).toBe(body.fingerprint);
  expect(call.credentials.map(({ location, name }) => `${location} ${name}`)).toEqual(["query access_token"]);
});

it("says when no stored call carried it", async () => {
  const { status, body } = await lookUp(JSON.stringify({ value: "never-sent-0123456789" }));
  expect(status).toBe(200);
  expect(body).toMatchObject({ credential: null, carriedBy: 0, refusedIn: 0, history: null });
});

it("refuses a body that is not {value} with a 400 that does not quote it, and is not served over GET", async () => {
  for (const bad of ["not json s3cr3t-value", JSON.stringify({ value: "" }), JSON.stringify({ value: "s3cr3t-value", extra: 1 }), JSON.stringify({ token: "s3cr3t-value" })]) {
    const { status, body } = await lookUp(bad);
    expect(status, bad).toBe(400);
    expect(body.error.code).toBe("invalid_body");
    // JSON of the wrong shape is not said to be no JSON.
    expect(body.error.message, bad).toBe(bad.startsWith("{") ? 'the body must be {"value": "<the credential, as it was sent>"}' : 'the body must be JSON: {"value": "<the credential, as it was sent>"}');
    expect(JSON.stringify(body)).not.toContain("s3cr3t-value");
  }
  expect((await fetch(`${server.url}/api/credentials/lookup?value=x`)).status).toBe(405);
});
