import { describe, expect, it } from "vitest";
import { classifyInProcess, classifyText, readEvents } from "./support";

const REJECTION = "Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call";

describe("text trace lines: timestamps", () => {
  it.each([
    ["2026-11-20T14:03:11.482Z", Date.UTC(2026, 10, 20, 14, 3, 11, 482)],
    ["[2026-11-20 14:03:11,482]", Date.UTC(2026, 10, 20, 14, 3, 11, 482)],
    ["2026-11-20T11:03:11.482-03:00", Date.UTC(2026, 10, 20, 14, 3, 11, 482)],
    ["2026-11-20 14:03:11", Date.UTC(2026, 10, 20, 14, 3, 11)],
    ["2026-11-20T16:03:11.4+0200", Date.UTC(2026, 10, 20, 14, 3, 11, 400)],
    ["2026-11-20T14:03:11.482913Z", Date.UTC(2026, 10, 20, 14, 3, 11, 482)],
  ])("%s is read as UTC %i (no zone means UTC)", async (stamp, epoch) => {
    const { calls } = await readEvents(`${stamp} INFO [callId=c1] Running interceptor: OAuth\n`);
    expect(calls[0]?.time).toBe(epoch);
  });
});

describe("text trace lines: call references", () => {
  it.each([
    "[callId=c-1]",
    "callId=c-1",
    "CALLID=c-1",
    "[call=c-1]",
    "call=c-1 -",
    "traceId=c-1",
    "[requestId=c-1]",
    "requestid=c-1",
  ])("%s names call c-1", async (reference) => {
    const { calls, gateway } = await readEvents(`2026-11-20T14:03:11Z INFO ${reference} Running interceptor: OAuth\n`);
    expect(calls.map((e) => e.callRef)).toEqual(["c-1"]);
    expect(gateway).toEqual([]);
    expect(calls[0]?.content.trace?.message).toBe("Running interceptor: OAuth");
  });

  it("takes a bare [UUID] as the call reference", async () => {
    const { calls } = await readEvents("2026-11-20T14:03:11Z [5d0c1e22-8f6a-4b3c-9d2e-1a2b3c4d5e6f] Running interceptor: OAuth\n");
    expect(calls[0]?.callRef).toBe("5d0c1e22-8f6a-4b3c-9d2e-1a2b3c4d5e6f");
  });

  it.each(["TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR", "FATAL", "[WARN]"])("reads the level %s", async (level) => {
    const { calls } = await readEvents(`2026-11-20T14:03:11Z ${level} call=c1 hello\n`);
    expect(calls[0]?.level).toBe(level.replace(/[[\]]/g, ""));
    expect(calls[0]?.content.trace?.message).toBe("hello");
  });
});

describe("text trace lines: events without a call, continuations, blank lines", () => {
  const trace = [
    "2026-11-20T14:03:12.001Z INFO Gateway node gw-2 reloaded 14 APIs",
    "",
    "2026-11-20T14:03:14.202Z WARN traceId=b77 " + REJECTION,
    "java.lang.IllegalStateException: token lookup miss",
    "\tat com.example.gateway.TokenStore.find(TokenStore.java:88)",
    "2026-11-20T14:03:14.203Z INFO traceId=b77 Response: 401 oops",
  ].join("\n");

  it("keeps a timestamped line with no call reference as a gateway event, never a call", async () => {
    const { calls, gateway, summary } = await readEvents(trace);
    expect(gateway.map((e) => e.text)).toEqual(["2026-11-20T14:03:12.001Z INFO Gateway node gw-2 reloaded 14 APIs"]);
    expect(summary.gatewayEventCount).toBe(1);
    expect(new Set(calls.map((e) => e.callRef))).toEqual(new Set(["b77"]));
    expect((await classifyText(trace)).map((row) => row.callId)).toEqual(["b77"]);
  });

  it("masks a carried value on a line that names no call", async () => {
    const { gateway } = await readEvents('2026-11-20T14:03:12Z DEBUG Request header Authorization: "Bearer 2YotnFZFEjr1zCsicMWpAA"\n');
    expect(gateway.map((e) => e.text)).toEqual(['2026-11-20T14:03:12Z DEBUG Request header Authorization: "Bearer 2Yot…pAA"']);
  });

  it("masks a call's carried value wherever its later lines repeat it", async () => {
    const { calls } = await readEvents(
      [
        '2026-11-20T14:03:12Z DEBUG call=c1 Request header access_token: "2YotnFZFEjr1zCsicMWpAA"',
        "2026-11-20T14:03:12Z DEBUG call=c1 looking up 2YotnFZFEjr1zCsicMWpAA in the token store",
        "java.lang.IllegalStateException: no token 2YotnFZFEjr1zCsicMWpAA",
      ].join("\n"),
    );
    expect(calls[1]?.text).toBe("2026-11-20T14:03:12Z DEBUG call=c1 looking up 2Yot…pAA in the token store\njava.lang.IllegalStateException: no token 2Yot…pAA");
    expect(calls[1]?.content.trace?.message).toBe("looking up 2Yot…pAA in the token store");
  });

  it("masks a value in the lines shortly before the call carried it, in stored lines and in evidence", async () => {
    const echo = [
      "2026-11-20T14:03:12Z DEBUG call=c1 Request: GET /introspect/2YotnFZFEjr1zCsicMWpAA",
      "2026-11-20T14:03:12Z WARN call=c1 Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call (token 2YotnFZFEjr1zCsicMWpAA)",
      "2026-11-20T14:03:12Z INFO call=other Response: 200",
      "2026-11-20T14:03:12Z DEBUG call=c1 token store said: 2YotnFZFEjr1zCsicMWpAA unknown",
      "java.lang.IllegalStateException: no token 2YotnFZFEjr1zCsicMWpAA",
      '2026-11-20T14:03:13Z DEBUG call=c1 Request header access_token: "2YotnFZFEjr1zCsicMWpAA"',
    ].join("\n");
    const { calls } = await readEvents(echo);
    expect(calls.map((event) => event.text).join("\n")).not.toContain("2YotnFZFEjr1zCsicMWpAA");
    expect(calls[0]?.content.request?.uri).toBe("/introspect/2Yot…pAA");
    expect(calls[3]?.content.trace?.message).toBe("token store said: 2Yot…pAA unknown");
    const [row] = await classifyText(echo);
    expect(row?.evidence?.text).toMatch(/rejecting call \(token 2Yot…pAA\)$/);
  });

  it("masks a slow call's echo of its token after thousands of other calls began, while its lines keep coming", async () => {
    const stamp = "2026-11-20T14:03:12Z";
    const otherCall = (n: number) => [`${stamp} INFO call=o${n} Request: GET /a`, `${stamp} DEBUG call=o${n} Request header access_token: "other-token-${n}"`];
    const lines = [`${stamp} INFO call=slow Request: GET /reports`, `${stamp} DEBUG call=slow Request header access_token: "2YotnFZFEjr1zCsicMWpAA"`];
    for (let n = 0; n < 6000; n++) {
      lines.push(...otherCall(n));
      // Routine lines only: classify reads them without scrubbing them.
      if (n % 500 === 499) lines.push(`${stamp} DEBUG call=slow Running interceptor: OAuth`);
    }
    const rejecting = "Access token 2YotnFZFEjr1zCsicMWpAA in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call";
    lines.push(`${stamp} WARN call=slow ${rejecting}`, `${stamp} INFO call=slow Response: 401 body="no"`);
    const { calls } = await readEvents(lines.join("\n"));
    expect(calls.filter((event) => event.callRef === "slow").map((event) => event.text)).toContain(`${stamp} WARN call=slow ${rejecting.replace("2YotnFZFEjr1zCsicMWpAA", "2Yot…pAA")}`);
    const [row] = (await classifyText(lines.join("\n"))).filter((verdict) => verdict.callId === "slow");
    // The rejecting line is the evidence: it must be there, masked.
    expect(row?.cause).toBe("invalid_expired_revoked");
    expect(row?.evidence?.text).toContain("2Yot…pAA");
    expect(JSON.stringify(row)).not.toContain("2YotnFZFEjr1zCsicMWpAA");
  });

  it("reads the gateway's verdict again once the line is masked again: no raw value in its label", async () => {
    const echo = [
      "2026-11-20T14:03:12Z WARN call=c1 Access token Zx9Yw8Vu7Ts6AbQQ in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call",
      '2026-11-20T14:03:12Z DEBUG call=c1 Request header access_token: "Zx9Yw8Vu7Ts6AbQQ"',
      '2026-11-20T14:03:12Z INFO call=c1 Response: 401 body="x"',
    ].join("\n");
    const rows = await classifyText(echo);
    expect(JSON.stringify(rows)).not.toContain("Zx9Yw8Vu7Ts6AbQQ");
    expect(rows[0]?.cause).toBe("invalid_expired_revoked");
  });

  it("adds lines without a timestamp to the event before them, and skips blank lines", async () => {
    const { calls, summary } = await readEvents(trace);
    expect(calls).toHaveLength(2);
    expect(calls[0]?.text.split("\n")).toHaveLength(3);
    expect(calls[0]?.line).toBe(3);
    expect(calls[1]?.line).toBe(6);
    expect(summary).toMatchObject({ format: "text", lineCount: 6, gzip: false });
  });

  it("quotes only the event's own line as evidence, not its stack trace", async () => {
    const [row] = await classifyText(trace);
    expect(row?.evidence).toEqual({ file: "trace.log", line: 3, text: "2026-11-20T14:03:14.202Z WARN traceId=b77 " + REJECTION });
  });
});

describe("text trace lines: messages with meaning", () => {
  it("reads a request line with quoted and bare key=value pairs", async () => {
    const { calls } = await readEvents('2026-11-20T14:03:11Z INFO call=c1 Request: GET /payments/v2/charges api="Payments" resource=charges app="Mobile App" ip=10.0.0.7\n');
    expect(calls[0]?.content.request).toEqual({ method: "GET", uri: "/payments/v2/charges", api: "Payments", resource: "charges", app: "Mobile App", clientIp: "10.0.0.7", userAgent: null });
  });

  it("reads the client's User-Agent from its header line, quoted or bare, the header's name in any case", async () => {
    const { calls } = await readEvents(
      ['2026-11-20T14:03:11Z DEBUG call=c1 Request header User-Agent: "okhttp/4.12.0 "', "2026-11-20T14:03:11Z DEBUG call=c2 request HEADER user-agent: curl/8.4.0", ""].join("\n"),
    );
    expect(calls.map((call) => call.content.request?.userAgent)).toEqual(["okhttp/4.12.0", "curl/8.4.0"]);
  });

  it("reads a response with body= and duration_ms, and one whose rest of line is the body", async () => {
    const { calls } = await readEvents(
      [
        '2026-11-20T14:03:11Z INFO call=c1 Response: 200 body="{\\"balance\\":10}" duration_ms=50',
        "2026-11-20T14:03:11Z INFO call=c2 response : 401 Client Id in the request, identified by HEADER client_id, is invalid.",
      ].join("\n"),
    );
    expect(calls[0]?.content.response).toMatchObject({ status: 200, body: '{"balance":10}', durationMs: 50 });
    expect(calls[1]?.content.response).toMatchObject({ status: 401, body: "Client Id in the request, identified by HEADER client_id, is invalid.", durationMs: null });
  });

  it.each([
    ["header", 'Request header access_token: "2YotnFZFEjr1zCsicMWpAA"', 'Request header access_token: "2Yot…pAA"'],
    ["query", "Request query apikey: k-777-abc-def-ghi", "Request query apikey: k-77…ghi"],
    ["cookie", 'request COOKIE session_token: " s3cr3t-cookie-value"', 'request COOKIE session_token: " s3cr…lue"'],
  ])("reads a carried %s value and shows the line masked", async (location, message, shown) => {
    const { calls } = await readEvents(`2026-11-20T14:03:11Z DEBUG call=c1 ${message}\n`);
    const [credential] = calls[0]?.content.credentials ?? [];
    expect(credential).toMatchObject({ location });
    expect(calls[0]?.text).toBe(`2026-11-20T14:03:11Z DEBUG call=c1 ${shown}`);
  });

  it("carries the request URI's query values named like credentials, as a `Request query` line would, and no other parameter", async () => {
    const { calls } = await readEvents("2026-11-20T14:03:11Z INFO call=c1 Request: GET /charges?access_token=SECRETQUERYTOKEN123&partner=acme-4711&client_id=cl-123456789\n");
    const carried = calls[0]?.content.credentials ?? [];
    expect(carried.map(({ location, name, preview }) => ({ location, name, preview }))).toEqual([
      { location: "query", name: "access_token", preview: "SECR…123" },
      { location: "query", name: "client_id", preview: "cl…89" },
    ]);
    expect(calls[0]?.text).toBe("2026-11-20T14:03:11Z INFO call=c1 Request: GET /charges?access_token=SECR…123&partner=a…1&client_id=cl…89");
    expect(calls[0]?.content.request?.uri).toBe("/charges?access_token=SECR…123&partner=a…1&client_id=cl…89");
  });

  it("shows as written, and carries as no credential, what only pages a listing or describes the client (`?page=2`, User-Agent), in any case and in any line", async () => {
    const { calls } = await readEvents(
      [
        "2026-11-20T14:03:11Z INFO call=c1 Request: GET /charges?page=2&Sort=asc&access_token=SECRETQUERYTOKEN123",
        '2026-11-20T14:03:11Z DEBUG call=c1 Request header User-Agent: "okhttp/4.12.0"',
        '2026-11-20T14:03:11Z DEBUG call=c1 Request header content-type: "application/json"',
        '2026-11-20T14:03:11Z DEBUG call=c1 Request header X-Partner-Key: "Zz9Yy8Xx7Ww6Vv5"',
        "2026-11-20T14:03:11Z DEBUG call=c1 Routing to https://backend/charges?page=2&token=BACKENDTOKEN99",
        "",
      ].join("\n"),
    );
    const carried = calls.flatMap((call) => call.content.credentials ?? []);
    expect(carried.map(({ location, name }) => `${location} ${name}`)).toEqual(["query access_token", "header X-Partner-Key"]);
    expect(calls.map((call) => call.text.replace(/^.*call=c1 /, ""))).toEqual([
      "Request: GET /charges?page=2&Sort=asc&access_token=SECR…123",
      'Request header User-Agent: "okhttp/4.12.0"',
      'Request header content-type: "application/json"',
      'Request header X-Partner-Key: "Zz…v5"',
      "Routing to https://backend/charges?page=2&token=BA…99",
    ]);
  });

  it("quotes the line of a call whose reference reads like a query (`odd/ref?x=1`) exactly, its values masked around the reference", async () => {
    const [verdict] = await classifyText(
      [
        '2026-11-20T14:03:11Z DEBUG callId=odd/ref?x=1#frag Request header access_token: "2YotnFZFEjr1zCsicMWpAA"',
        "2026-11-20T14:03:11Z WARN callId=odd/ref?x=1#frag Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call for https://b/x?code=2YotnFZFEjr1zCsicMWpAA",
      ].join("\n"),
    );
    expect(verdict?.evidence?.text).toBe(
      "2026-11-20T14:03:11Z WARN callId=odd/ref?x=1#frag Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call for https://b/x?code=2Yot…pAA",
    );
  });

  it("explains a token sent in the URI with a stray space (%20) as sent with whitespace, quoting the request line", async () => {
    const [verdict] = await classifyText(
      [
        "2026-11-20T14:03:11Z INFO [callId=c1] Request: GET /charges?access_token=%20SECRETQUERYTOKEN123",
        "2026-11-20T14:03:11Z WARN [callId=c1] Access Token in QUERY PARAM access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call",
        '2026-11-20T14:03:11Z INFO [callId=c1] Response: 401 body="denied"',
      ].join("\n"),
    );
    expect(verdict).toMatchObject({ cause: "malformed_credential", credential: { location: "query", name: "access_token" } });
    expect(verdict?.evidence).toEqual({ file: "trace.log", line: 1, text: "2026-11-20T14:03:11Z INFO [callId=c1] Request: GET /charges?access_token=%20SECR…123" });
  });

  it("shows a query value of whitespace alone as written, not masked away", async () => {
    const [verdict] = await classifyText(
      [
        "2026-11-20T14:03:11Z INFO [callId=c1] Request: GET /charges?access_token=%20%20",
        "2026-11-20T14:03:11Z WARN [callId=c1] Access Token in QUERY PARAM access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call",
      ].join("\n"),
    );
    expect(verdict).toMatchObject({ cause: "malformed_credential", evidence: { text: "2026-11-20T14:03:11Z INFO [callId=c1] Request: GET /charges?access_token=%20%20…" } });
  });

  it("keeps a quoted value's exact characters: escapes, leading space, trailing line break", async () => {
    const { calls } = await readEvents('2026-11-20T14:03:11Z DEBUG call=c1 Request header x-token: " abc\\u0041def\\n"\n');
    // The line break is its own flag: no space follows the value.
    expect(calls[0]?.content.credentials?.[0]).toMatchObject({ length: 9, leadingWhitespace: true, trailingWhitespace: false, lineBreak: true });
  });
});

describe("the interceptor rule across files", () => {
  // Lines of one call in two files: the mention that decides (OAuth at .004,
  // just before the rejecting line) arrives in the first file, the interleaved
  // JWT Validation (.002) only with the second.
  it("takes the last interceptor named before the rejecting line, whatever order the files come in", async () => {
    const first = ["2026-11-20T14:00:00.001Z INFO [callId=i1] Running interceptor: OAuth", "2026-11-20T14:00:00.004Z INFO [callId=i1] Running interceptor: OAuth"].join("\n");
    const second = [
      "2026-11-20T14:00:00.002Z INFO [callId=i1] Running interceptor: JWT Validation",
      "2026-11-20T14:00:00.005Z WARN [callId=i1] Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call",
    ].join("\n");
    for (const files of [
      [{ name: "i1.log", content: first }, { name: "i2.log", content: second }],
      [{ name: "i2.log", content: second }, { name: "i1.log", content: first }],
    ]) {
      const [row] = await classifyInProcess(files);
      expect(row?.interceptor).toBe("OAuth");
    }
  });
});
