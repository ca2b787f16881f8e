import { describe, expect, it } from "vitest";
import { classifyText, readEvents } from "./support";

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
});

