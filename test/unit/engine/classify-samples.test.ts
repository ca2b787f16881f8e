import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SAMPLE_RAW_CREDENTIALS } from "../../support/samples";
import { parseNdjson, runCli } from "../../support/cli";
import { runClassify, samplesDir } from "./support";

// Every file of the folder, as `npx tracelens classify ../shared/samples/*` gives them:
// expected-classify.ndjson reads as records of the same calls, and the README as no trace at all.
const sampleFiles = readdirSync(samplesDir)
  .sort()
  .map((name) => path.join(samplesDir, name));
const notTraces = sampleFiles.filter((file) => file.endsWith(".md"));
const expected = parseNdjson(readFileSync(path.join(samplesDir, "expected-classify.ndjson"), "utf8"));

/** The evidence texts the samples' README leaves out: the decisive line, credentials masked. */
const EVIDENCE_TEXT: Record<string, string | null> = {
  "7f3c9a1e-2b4d-4c8e-9f10-5a6b7c8d9e0f":
    "2026-11-20T14:03:11.484Z WARN [callId=7f3c9a1e-2b4d-4c8e-9f10-5a6b7c8d9e0f] Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call",
  a91: "[2026-11-20 14:03:12,012] WARN call=a91 - Client Id in HEADER client_id DOES NOT HAVE ACCESS TO THIS RESOURCE; rejecting call",
  "5d0c1e22-8f6a-4b3c-9d2e-1a2b3c4d5e6f":
    '2026-11-20T11:03:13.101-03:00 [5d0c1e22-8f6a-4b3c-9d2e-1a2b3c4d5e6f] Response: 401 body="Could not find a required Access Token in the request, identified by HEADER access_token"',
  b77: '2026-11-20T14:03:14.201Z DEBUG traceId=b77 Request header access_token: "9fK2…tV8 \\n"',
  c01: null,
  e5: "Client Id in the request, identified by HEADER app_token, is invalid. Check docs.sensedia.com",
  f6: "X-Api-Key in QUERYPARAM apikey DOES NOT HAVE ACCESS TO THIS RESOURCE; rejecting call",
  g7: '{"error":"Unauthorized"}',
  h8: "Access token in HEADER access_token DOES NOT HAVE ACCESS TO THIS RESOURCE; rejecting call",
  i9: "Session Token in COOKIE session_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call",
};


describe("tracelens classify on the shared samples", () => {
  const result = runClassify(sampleFiles);
  const rows = parseNdjson(result.stdout);

  it("exits 0, and says on stderr which files it passed over for holding no trace record (the README)", () => {
    expect(result.stderr).toBe(notTraces.map((file) => `tracelens: ${file}: no trace records; passed over\n`).join(""));
    expect(result.status).toBe(0);
  });

  it("prints expected-classify.ndjson, call for call, in order, field for field", () => {
    const withoutText = rows.map(
      (row): Record<string, unknown> => ({ ...row, evidence: row.evidence === null ? null : { ...(row.evidence as object), text: undefined } }),
    );
    expect(withoutText.map((row) => row.callId)).toEqual(expected.map((row) => row.callId));
    expected.forEach((want, i) => expect(JSON.parse(JSON.stringify(withoutText[i]))).toEqual(want));
  });

  it("prints exactly the spec's keys, in the spec's order", () => {
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(["callId", "status", "rejected", "cause", "credential", "interceptor", "evidence"]);
      if (row.credential !== null) expect(Object.keys(row.credential as object)).toEqual(["element", "label", "location", "name"]);
      if (row.evidence !== null) expect(Object.keys(row.evidence as object)).toEqual(["file", "line", "text"]);
    }
  });

  it("quotes the decisive line as evidence, with credentials masked", () => {
    for (const row of rows) {
      const evidence = row.evidence as { text: string } | null;
      expect(evidence?.text ?? null, String(row.callId)).toBe(EVIDENCE_TEXT[String(row.callId)]);
    }
  });

  it("never prints a credential value the files carried", () => {
    for (const raw of SAMPLE_RAW_CREDENTIALS) expect(result.stdout).not.toContain(raw);
  });

  it("with --summary, counts the rejections by cause, each with what to do for the credential it names and the calls to open", () => {
    const summary = runCli(["classify", "--summary", ...sampleFiles], { env: { TRACELENS_FINGERPRINT_KEY: "samples" } });
    expect(summary.status).toBe(0);
    const text = summary.stdout;
    expect(text.split("\n")[0]).toBe(`${expected.length} calls, ${expected.filter((row) => row.rejected).length} rejections:`);
    expect(text).toMatch(/ {8}3 {2}No access to this resource\n {11}What to do: Grant the app access[^\n]*\n {11}a91 {2}gateway-trace\.log:10\n {11}f6 {2}gateway-trace\.ndjson:3\n {11}h8 {2}gateway-calls\.json\n/);
    // An access token and a session cookie refused alike take different remedies, each counted.
    expect(text).toContain("What to do (1): Request a new token");
    expect(text).toContain("What to do (1): Check that the Session Token in cookie session_token holds a value the gateway issued");
    for (const raw of SAMPLE_RAW_CREDENTIALS) expect(text).not.toContain(raw);
  });

  it("with --rejected, prints the same lines of the rejected calls only", () => {
    const rejected = runCli(["classify", "--rejected", ...sampleFiles], { env: { TRACELENS_FINGERPRINT_KEY: "samples" } });
    expect(rejected.status).toBe(0);
    // c01 answered 200.
    expect(parseNdjson(rejected.stdout).map((row) => row.callId)).toEqual(expected.filter((row) => row.rejected).map((row) => row.callId));
    expect(expected.filter((row) => !row.rejected).map((row) => row.callId)).toEqual(["c01"]);
  });
});
