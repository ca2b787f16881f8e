import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { classifyInProcess, readEvents } from "./support";

const TEXT = [
  "2026-11-20T14:03:11.482Z INFO [callId=c1] Request: GET /x",
  "2026-11-20T14:03:11.484Z WARN [callId=c1] Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call",
  "2026-11-20T14:03:11.485Z INFO [callId=c1] Response: 401 body=\"Access Token in the request, identified by HEADER access_token, is invalid. Check docs.sensedia.com\"",
].join("\n");
const JSONL = ['{"callId":"c1","status":401,"body":"x"}', '{"callId":"c2","status":200}'].join("\n");
const DOCUMENT = '{"calls": [\n {"callId": "c1", "status": 401},\n {"callId": "c2", "status": 200}\n]}';

const BOM = "\ufeff";
const crlf = (text: string) => text.replaceAll("\n", "\r\n");

describe("encodings", () => {
  it.each([
    ["text", TEXT, "trace.log"],
    ["json_lines", JSONL, "trace.log"],
    ["json_document", DOCUMENT, "trace.log"],
  ])("detects %s from content, not the name", async (format, content, name) => {
    expect((await readEvents(content, name)).summary.format).toBe(format);
  });

  it.each([
    ["text", TEXT],
    ["json_lines", JSONL],
    ["json_document", DOCUMENT],
  ])("reads %s the same with CRLF line ends, a BOM, and gzip (detected by its bytes in a .log file)", async (_format, content) => {
    const plain = await classifyInProcess([{ name: "t.log", content }]);
    for (const variant of [crlf(content), BOM + content, BOM + crlf(content)]) {
      expect(await classifyInProcess([{ name: "t.log", content: variant }])).toEqual(plain);
      expect(await classifyInProcess([{ name: "t.log", content: gzipSync(Buffer.from(variant)) }])).toEqual(plain);
    }
  });

  it("strips CR from the evidence text and counts lines of the decompressed file", async () => {
    const [row] = await classifyInProcess([{ name: "t.log", content: gzipSync(Buffer.from(crlf(TEXT))) }]);
    expect(row?.evidence?.text.endsWith("rejecting call")).toBe(true);
    expect(row?.evidence?.line).toBe(2);
  });

  it("reports the raw bytes' digest and size, and whether they were gzip", async () => {
    const zipped = gzipSync(Buffer.from(TEXT));
    const { summary } = await readEvents(zipped, "t.log");
    const { createHash } = await import("node:crypto");
    expect(summary).toMatchObject({ gzip: true, byteCount: zipped.length, lineCount: 3, sha256: createHash("sha256").update(zipped).digest("hex") });
  });
});
