import { describe, expect, it } from "vitest";
import { classifyInProcess, classifyText, readEvents } from "./support";

const stamp = "2026-11-20T14:03:11.482Z";

/** Everything a file's events hand on (texts, facts, extra fields) and what classify prints for it. */
async function everythingKept(content: string, name = "trace.log"): Promise<string> {
  const { calls, gateway } = await readEvents(content, name);
  return JSON.stringify([calls, gateway, await classifyText(content, name)]);
}

describe("no raw credential escapes the reader: text trace lines", () => {
  it("masks an echoed value whose preview holds a replacement pattern ($&)", async () => {
    const kept = await everythingKept(
      [
        `${stamp} INFO [callId=c3] Request header x-tok: $&LEAKDOLLAR33333`,
        `${stamp} WARN [callId=c3] Access Token in HEADER x-tok HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call $&LEAKDOLLAR33333`,
        `${stamp} INFO [callId=c3] Response: 401 body="x"`,
      ].join("\n"),
    );
    expect(kept).not.toContain("LEAKDOLLAR33333");
  });

  it("masks a short query value on a request line whose path holds a replacement pattern ($&)", async () => {
    const kept = await everythingKept(`${stamp} INFO [callId=c1] Request: GET /p/a$&?client_id=ab123 api="P"\n${stamp} INFO [callId=c1] Response: 401 body="x"`);
    expect(kept).not.toContain("ab123");
  });

  it("masks the token of an Authorization header where a later line echoes it without its scheme", async () => {
    const kept = await everythingKept(
      [
        `${stamp} INFO [callId=c2] Request header Authorization: Bearer LEAKBEARER222222`,
        `${stamp} INFO [callId=c2] Request header AUTHORIZATION: bearer    LEAKSPACES66666`,
        `${stamp} DEBUG [callId=c2] validating jwt LEAKBEARER222222 failed; retry with LEAKSPACES66666`,
        `${stamp} WARN [callId=c2] Access Token in HEADER Authorization HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call LEAKBEARER222222`,
        `${stamp} INFO [callId=c2] Response: 401 body="token LEAKBEARER222222 is invalid"`,
      ].join("\n"),
    );
    expect(kept).not.toContain("LEAKBEARER222222");
    expect(kept).not.toContain("LEAKSPACES66666");
  });

  it("masks a cookie of a Cookie header where a later line echoes that cookie alone", async () => {
    const kept = await everythingKept(
      [
        `${stamp} INFO [callId=d3] Request header Cookie: a=1; session=LEAKCOOKIE44444; b=2`,
        `${stamp} WARN [callId=d3] Access Token in COOKIE session HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call`,
        `${stamp} WARN [callId=d3] cookie session=LEAKCOOKIE44444 unknown`,
        `${stamp} INFO [callId=d3] Response: 401 body="x"`,
      ].join("\n"),
    );
    expect(kept).not.toContain("LEAKCOOKIE44444");
  });

  it("masks a value carried on a line of no call in that line's stack trace too", async () => {
    const kept = await everythingKept(`${stamp} INFO Request header authorization: Bearer LEAKGATEWAY22222\nstack LEAKGATEWAY22222\n${stamp} INFO [callId=x] Response: 200 ok`);
    expect(kept).not.toContain("LEAKGATEWAY22222");
  });

  it("masks an Authorization header written in a line that does not carry it (a dump of the headers), in a call or not", async () => {
    const kept = await everythingKept(
      [
        `${stamp} INFO [callId=d4] Headers: {Authorization=Bearer LEAKHDRMAP4444, x=1}`,
        `${stamp} INFO [callId=d4] authorization: Basic TEVBS1VTRVI6TEVBS1BBU1M=`,
        `  at dump({"Authorization": "LEAKINSTACK4444"})`,
        `${stamp} INFO Forwarding with authorization=Token LEAKGATEWAY4444`,
        `${stamp} INFO [callId=d4] Response: 401 body="x"`,
      ].join("\n"),
    );
    for (const raw of ["LEAKHDRMAP4444", "TEVBS1VTRVI6TEVBS1BBU1M=", "LEAKINSTACK4444", "LEAKGATEWAY4444"]) expect(kept).not.toContain(raw);
  });

  it("masks query values of a URI written in any line, a response's or a line of no call", async () => {
    const kept = await everythingKept(
      [
        `${stamp} INFO [callId=d6] Request: GET /a`,
        `${stamp} INFO Redirecting to https://cb/?code=LEAKRESP88888&access_token=LEAKRESP99999`,
        `${stamp} INFO [callId=d6] Response: 401 body="x" location=/a?access_token=LEAKRESP77777`,
        `${stamp} INFO [callId=d7] Response: 302 Location: https://cb/?code=LEAKRESP66666`,
      ].join("\n"),
    );
    for (const raw of ["LEAKRESP66666", "LEAKRESP77777", "LEAKRESP88888", "LEAKRESP99999"]) expect(kept).not.toContain(raw);
  });

  it("masks the query of a request line that gives no method", async () => {
    const kept = await everythingKept(
      `${stamp} INFO [callId=c4] Request: /noMethod?access_token=LEAKNOMETHOD4444\n${stamp} INFO [callId=c4] Response: 401 Access Token in the request, identified by QUERYPARAM access_token, is invalid. LEAKNOMETHOD4444`,
    );
    expect(kept).not.toContain("LEAKNOMETHOD4444");
  });

  it("masks a query value where the call's other lines repeat it URL-encoded, as the request carried it", async () => {
    const kept = await everythingKept(
      [
        `${stamp} INFO [callId=c5] Request: GET /enc?access_token=LEAK%2BENC%2F5555`,
        `${stamp} WARN [callId=c5] Routing to backend /enc?access_token=LEAK%2BENC%2F5555`,
        `${stamp} INFO [callId=c5] Response: 401 x`,
      ].join("\n"),
    );
    expect(kept).not.toContain("LEAK%2BENC%2F5555");
  });
});

describe("no raw credential escapes the reader: JSON records", () => {
  const jsonl = (...records: unknown[]) => records.map((record) => JSON.stringify(record)).join("\n");

  it("masks a header given as an array of values, where the record's message echoes it", async () => {
    const kept = await everythingKept(jsonl({ callId: "j1", method: "GET", uri: "/x", status: 401, requestHeaders: { Authorization: ["Bearer LEAKJARR111111"] }, message: "jwt LEAKJARR111111 rejected" }), "t.jsonl");
    expect(kept).not.toContain("LEAKJARR111111");
  });

  it("masks a record's lone Authorization field given as an array, or shorter than the values hunted in other text", async () => {
    const kept = await everythingKept(
      jsonl({ callId: "j2", method: "GET", uri: "/x", status: 401, authorization: ["Bearer LEAKJTOP222222"], body: "bad" }, { callId: "j2b", request: { authorization: "K7q2z" } }),
      "t.jsonl",
    );
    expect(kept).not.toContain("LEAKJTOP222222");
    expect(kept).not.toContain("K7q2z");
  });

  it("masks every query value of the record's URI in the record as shown, short or URL-encoded ones too", async () => {
    const kept = await everythingKept(jsonl({ callId: "j3", method: "GET", uri: "/x?client_id=ab123&access_token=LEAK%2BJ3333333", status: 401, body: "x" }), "t.jsonl");
    expect(kept).not.toContain("ab123");
    expect(kept).not.toContain("LEAK%2BJ3333333");
  });

  it("masks the query of a second URI field (path beside url)", async () => {
    const kept = await everythingKept(jsonl({ callId: "j4", method: "GET", url: "/x", path: "/x?access_token=LEAKJPATH44444", status: 401, body: "x" }), "t.jsonl");
    expect(kept).not.toContain("LEAKJPATH44444");
  });

  it("masks Authorization headers nested in trace entries and unknown fields", async () => {
    const kept = await everythingKept(
      jsonl(
        { callId: "j5", status: 401, trace: [{ message: "in", headers: { Authorization: "Bearer LEAKJNEST55555" } }, { message: "x", authorization: "LEAKJNESTAUTH5" }] },
        { callId: "j7", status: 401, meta: { h: { Authorization: "Bearer LEAKJMETA7777" } } },
        { callId: "j9", status: 401, data: { requestHeaders: { Authorization: "Bearer LEAKJDEEP99999", "x-api-key": "LEAKJDEEPKEY99" } } },
      ),
      "t.jsonl",
    );
    for (const raw of ["LEAKJNEST55555", "LEAKJNESTAUTH5", "LEAKJMETA7777", "LEAKJDEEP99999", "LEAKJDEEPKEY99"]) expect(kept).not.toContain(raw);
  });

  it("masks a cookie of a Cookie header where the record's message echoes that cookie alone", async () => {
    const kept = await everythingKept(
      jsonl({ callId: "j6", status: 401, request: { method: "GET", uri: "/x", headers: { cookie: "a=1; session=LEAKJCOOKIE6666; b=2" } }, message: "session LEAKJCOOKIE6666" }),
      "t.jsonl",
    );
    expect(kept).not.toContain("LEAKJCOOKIE6666");
  });
});

describe("no raw credential escapes the reader: records of one call over several files", () => {
  it("masks a value carried in one file where a file read after it echoes it, in the evidence that line becomes", async () => {
    const verdicts = await classifyInProcess([
      { name: "gateway.log.1", content: `${stamp} DEBUG [callId=r1] Request header x-api-token: "LEAKROTATED7777"\n` },
      {
        name: "gateway.log",
        content: `${stamp} WARN [callId=r1] Access Token in HEADER x-api-token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call LEAKROTATED7777\n`,
      },
    ]);
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]?.evidence?.file).toBe("gateway.log");
    expect(JSON.stringify(verdicts)).toContain("LE…77");
    expect(JSON.stringify(verdicts)).not.toContain("LEAKROTATED7777");
  });

  it("masks it in classify's evidence also when the file that echoes it is read first (gateway.log before gateway.log.1)", async () => {
    const verdicts = await classifyInProcess([
      {
        name: "gateway.log",
        content: `${stamp} WARN [callId=r2] Access Token in HEADER x-api-token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call LEAKNEWESTFIRST8\n`,
      },
      { name: "gateway.log.1", content: `${stamp} DEBUG [callId=r2] Request header x-api-token: "LEAKNEWESTFIRST8"\n` },
    ]);
    expect(verdicts[0]?.evidence?.file).toBe("gateway.log");
    expect(JSON.stringify(verdicts)).not.toContain("LEAKNEWESTFIRST8");
  });
});

describe("no raw credential escapes classify: a token echoed further back than the readers look", () => {
  /** Lines of other calls: without values (past the look-back of 128 events), or each carrying one (the readers remember 2,048 calls' values). */
  const otherCalls = (prefix: string, count: number, carrying: boolean) =>
    Array.from({ length: count }, (_, index) =>
      carrying ? `${stamp} DEBUG [callId=${prefix}-${index}] Request header x-api-token: "OtherValue${index}x"` : `${stamp} DEBUG [callId=${prefix}-${index}] Running interceptor: OAuth`,
    );
  const farEcho = [
    `${stamp} WARN [callId=far] Access Token in HEADER x-api-token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call LEAKFARECHO5555`,
    ...otherCalls("quiet", 200, false),
    `${stamp} DEBUG [callId=far] Request header x-api-token: "LEAKFARECHO5555"`,
    // So many calls carry values after it that the call's own are forgotten before its verdict is printed.
    ...otherCalls("busy", 3000, true),
  ].join("\n");

  it("masks it in the evidence printed at the end", async () => {
    const verdicts = await classifyText(farEcho);
    const far = verdicts.find((verdict) => verdict.callId === "far");
    expect(far?.evidence?.text).toContain("LE…55");
    expect(JSON.stringify(verdicts)).not.toContain("LEAKFARECHO5555");
  });

  it("masks it in the evidence of a call read again (settled early, then heard of again)", async () => {
    const verdicts = await classifyInProcess([{ name: "trace.log", content: farEcho }], { openCalls: 50, idleEvents: 100, linesPerRun: 1000 });
    expect(verdicts.find((verdict) => verdict.callId === "far")?.evidence?.text).toContain("LE…55");
    expect(JSON.stringify(verdicts)).not.toContain("LEAKFARECHO5555");
  });
});

describe("no raw credential escapes the reader: Authorization and query strings as other lines write them", () => {
  it.each([
    ["a Java map with the header as a list", "Headers: {Authorization=[Bearer LEAKJAVALIST6666], Accept=json}", "LEAKJAVALIST6666"],
    ["a JSON list", 'headers {"authorization":["Bearer LEAKJSONLIST1111"]}', "LEAKJSONLIST1111"],
    ["a scheme with several parts", "Authorization: AWS4-HMAC-SHA256 Credential=AKIA/x, SignedHeaders=host, Signature=LEAKSIGNATURE333", "LEAKSIGNATURE333"],
    ["a Digest header", 'Authorization: Digest username="bob", response="LEAKDIGEST6629fae4"', "LEAKDIGEST6629fae4"],
    ["a query whose first parameter has no value", "Routing to backend /a?debug&access_token=LEAKFLAGFIRST222", "LEAKFLAGFIRST222"],
    ["a secret's name as a key on a request line", 'Request: GET /x api="Payments" access_token="LEAKREQUESTKEY44" ip=10.0.0.7', "LEAKREQUESTKEY44"],
    ["a password as a key", "login with password=LEAKPASSWORD555 and user=bob", "LEAKPASSWORD555"],
    ["a client secret in a config dump", "oauth config {client_secret=LEAKCLIENTSEC66, grant=client_credentials}", "LEAKCLIENTSEC66"],
  ])("masks %s", async (_form, message, raw) => {
    const kept = await everythingKept(`${stamp} DEBUG [callId=w1] ${message}\n${stamp} INFO [callId=w1] Response: 401 body="x"`);
    expect(kept).not.toContain(raw);
  });

  it("masks a secret-named key's value once, quotes kept, and leaves other keys as they are", async () => {
    const { calls } = await readEvents(`${stamp} DEBUG [callId=w3] cb?refresh_token=LEAKQUERYONCE777&x=1 then refresh_token="LEAKQUOTED888888" user=bob\n`);
    expect(calls[0]?.text).toMatch(/\?refresh_token=LEAK…777&x=… then refresh_token="LEAK…888" user=bob$/);
  });

  it("leaves words about the header as they are", async () => {
    const { calls } = await readEvents(`${stamp} WARN [callId=w2] Authorization: failed for client 42\n`);
    expect(calls[0]?.text).toContain("Authorization: failed for client 42");
  });
});

