import { describe, expect, it } from "vitest";
import { classifyCall } from "./classify";
import { emptyCallFacts, type CallFacts, type CarriedCredential, type InterceptorMention, type RejectingLine } from "./facts";

const FILE = "gateway.log";
const at = (seq: number, text = `line ${seq}`) => ({ file: FILE, line: seq + 1, seq, time: 1_000 + seq, text });

const response = (seq: number, status: number | null, body: string | null) => ({ ...at(seq, `Response: ${status} ${body}`), status, body, durationMs: null });
const rejecting = (seq: number, says: RejectingLine["says"], name = "access_token"): RejectingLine => ({
  ...at(seq),
  says,
  label: "Access token",
  location: "header",
  name,
});
const mention = (seq: number, name: string): InterceptorMention => ({ name, file: FILE, seq, time: 1_000 + seq });
const carried = (seq: number, name: string, raw: "clean" | "trailing newline"): CarriedCredential => ({
  location: "header",
  name,
  fingerprint: `fp-${name}`,
  preview: "2Yot…pAA",
  length: raw === "clean" ? 22 : 23,
  leadingWhitespace: false,
  trailingWhitespace: raw !== "clean",
  lineBreak: raw !== "clean",
  sighting: raw === "clean" ? null : at(seq, `Request header ${name}: "2Yot…pAA\\n"`),
});

const call = (overrides: Partial<CallFacts>): CallFacts => ({ ...emptyCallFacts("c1"), ...overrides });
const INVALID = "Access Token in the request, identified by HEADER access_token, is invalid. Check docs.sensedia.com";
const MISSING = "Could not find a required Access Token in the request, identified by HEADER access_token";

describe("classifyCall: which call is a rejection", () => {
  it("a 401 is; a 200 is not, whatever its trace says", () => {
    expect(classifyCall(call({ response: response(9, 401, "{}") })).rejected).toBe(true);
    expect(classifyCall(call({ response: response(9, 200, "{}"), rejectingLines: [rejecting(3, "not_found")] }))).toMatchObject({
      rejected: false,
      cause: null,
      evidence: null,
    });
  });

  it("a call with no response but a rejecting line is a rejection with unknown status", () => {
    expect(classifyCall(call({ rejectingLines: [rejecting(3, "not_found")] }))).toMatchObject({ rejected: true, cause: "invalid_expired_revoked" });
  });

  it("a call with neither is not", () => {
    expect(classifyCall(call({})).rejected).toBe(false);
  });
});

describe("classifyCall: causes, first match wins", () => {
  it("missing_credential beats everything, with the response as evidence", () => {
    const verdict = classifyCall(call({ response: response(9, 401, MISSING), rejectingLines: [rejecting(3, "not_found")] }));
    expect(verdict.cause).toBe("missing_credential");
    expect(verdict.evidence).toEqual({ file: FILE, line: 10, text: `Response: 401 ${MISSING}` });
  });

  it("malformed_credential beats the gateway's own verdict, which is kept as secondary evidence", () => {
    const verdict = classifyCall(
      call({ response: response(9, 401, INVALID), rejectingLines: [rejecting(3, "not_found")], credentials: [carried(1, "Access_Token", "trailing newline")] }),
    );
    expect(verdict.cause).toBe("malformed_credential");
    expect(verdict.evidence?.line).toBe(2);
    expect(verdict.gatewayVerdict?.line).toBe(4);
    expect(verdict.responseEvidence?.line).toBe(10);
    expect(verdict.credentialFingerprint).toBe("fp-Access_Token");
  });

  it("whitespace on a credential the gateway did not name is not the cause", () => {
    const verdict = classifyCall(call({ response: response(9, 401, INVALID), rejectingLines: [rejecting(3, "not_found")], credentials: [carried(1, "client_id", "trailing newline")] }));
    expect(verdict.cause).toBe("invalid_expired_revoked");
  });

  it("malformed_credential also when only the response names the credential", () => {
    const verdict = classifyCall(call({ response: response(9, 401, INVALID), credentials: [carried(1, "access_token", "trailing newline")] }));
    expect(verdict).toMatchObject({ cause: "malformed_credential", gatewayVerdict: { line: 10 } });
  });

  it("invalid_expired_revoked beats no_resource_access", () => {
    const verdict = classifyCall(call({ response: response(9, 401, INVALID), rejectingLines: [rejecting(4, "no_access"), rejecting(3, "not_found")] }));
    expect(verdict).toMatchObject({ cause: "invalid_expired_revoked", evidence: { line: 4 } });
  });

  it("no_resource_access from its trace line", () => {
    expect(classifyCall(call({ response: response(9, 401, INVALID), rejectingLines: [rejecting(4, "no_access")] }))).toMatchObject({
      cause: "no_resource_access",
      credential: { element: "access_token", label: "Access token", location: "header", name: "access_token" },
      evidence: { line: 5 },
    });
  });

  it("invalid_unspecified when only the response says `is invalid`", () => {
    expect(classifyCall(call({ response: response(9, 401, INVALID) }))).toMatchObject({
      cause: "invalid_unspecified",
      credential: { label: "Access Token" },
      evidence: { line: 10 },
    });
  });

  it("unknown for any other 401, its response as evidence and no credential", () => {
    expect(classifyCall(call({ response: response(9, 401, '{"error":"Unauthorized"}') }))).toMatchObject({
      cause: "unknown",
      credential: null,
      evidence: { line: 10, text: 'Response: 401 {"error":"Unauthorized"}' },
    });
  });
});

describe("classifyCall: the interceptor rule", () => {
  const rejected = (interceptors: InterceptorMention[], lines: RejectingLine[] = [rejecting(5, "not_found")]) =>
    classifyCall(call({ response: response(9, 401, INVALID), rejectingLines: lines, interceptors })).interceptor;

  it("is the last one named before the rejecting line", () => {
    expect(rejected([mention(1, "OAuth"), mention(3, "JWT Validation"), mention(7, "Digital Signature")])).toBe("JWT Validation");
  });

  it("counts a name on the rejecting line itself", () => {
    expect(rejected([mention(1, "OAuth"), mention(5, "Client ID Validation")])).toBe("Client ID Validation");
  });

  it("is none when every name comes after the rejecting line", () => {
    expect(rejected([mention(7, "OAuth")])).toBeNull();
  });

  it("is the last one named when the trace has no rejecting line", () => {
    expect(rejected([mention(1, "OAuth"), mention(7, "CSRF Validation")], [])).toBe("CSRF Validation");
  });

  it("orders lines of different files by time", () => {
    const other = { name: "OAuth", file: "a-other.log", seq: 99, time: 1_004 };
    expect(rejected([mention(1, "JWT Validation"), other])).toBe("OAuth");
  });
});
