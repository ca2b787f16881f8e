import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readError, runClassify, samplesDir, writeTemp } from "./support";
import { parseNdjson } from "../../support/cli";

const LINE = "2026-11-20T14:03:11Z INFO call=c1 Running interceptor: OAuth\n";

describe("unreadable input is a TraceReadError naming the file and where", () => {
  it("an empty file, or one of blank lines: no trace records", async () => {
    for (const content of ["", "\n \n\t\n"]) expect((await readError(content, "empty.log")).message).toBe("empty.log: no trace records");
  });

  it("a text file without a single trace line: no trace records", async () => {
    expect((await readError("hello\nworld\n", "notes.txt")).message).toBe("notes.txt: no trace records");
  });

  it("a line over 1 MiB, by its number", async () => {
    const error = await readError(LINE + LINE + "2026-11-20T14:03:11Z INFO call=c1 " + "x".repeat(1024 * 1024) + "\n" + LINE, "big.log");
    expect(error).toMatchObject({ message: "big.log: line 3: line longer than 1 MiB", file: "big.log", line: 3 });
  });

  it("invalid UTF-8, by line", async () => {
    const content = Buffer.concat([Buffer.from(LINE.repeat(11)), Buffer.from([0xc3, 0x28, 0x0a]), Buffer.from(LINE)]);
    expect((await readError(gzipSync(content), "gateway.log.gz")).message).toBe("gateway.log.gz: line 12: invalid UTF-8");
  });

  it("binary data, by line", async () => {
    expect((await readError(Buffer.concat([Buffer.from(LINE), Buffer.from([0, 1, 2, 3, 10])]), "x.bin")).message).toBe("x.bin: line 2: binary data (NUL byte), not a trace");
  });

  it("truncated gzip, by byte offset", async () => {
    const zipped = gzipSync(Buffer.from(LINE.repeat(2000)));
    const cut = zipped.subarray(0, 200);
    expect(await readError(cut, "x.json")).toMatchObject({ message: "x.json: byte 200: truncated gzip data", byteOffset: 200 });
  });

  it("a gzip bomb (decompressing over 200 times its size past 64 MiB), by byte offset, before it is all inflated", async () => {
    const bomb = gzipSync(Buffer.alloc(80 * 1024 * 1024, LINE), { level: 9 });
    expect(bomb.length).toBeLessThan(400 * 1024);
    const error = await readError(bomb, "bomb.log.gz");
    expect(error.message).toMatch(/^bomb\.log\.gz: byte \d+: decompresses to more than 200 times its size: refused as a likely gzip bomb$/);
  }, 60_000); // inflates 64 MiB first: seconds on a loaded 2-core machine

  it("a JSON Lines line that does not parse, by line", async () => {
    expect((await readError('{"callId":"a"}\n{"callId":"b",\n', "t.ndjson")).message).toBe("t.ndjson: line 2: invalid JSON");
    expect((await readError('{"callId":"a"}\n[1,2]\n', "t.ndjson")).message).toBe("t.ndjson: line 2: not a JSON object (each line must be one record)");
  });

  it("a JSON document that does not parse, by the line where it fails", async () => {
    const document = '{"calls": [\n  {"callId": "a",\n   "status": 401},\n  {"callId": "b",\n   "status": 40x1,\n   "body": "y"}\n]}';
    expect((await readError(document, "d.json")).message).toBe("d.json: line 5: invalid JSON");
    expect((await readError('[\n{"callId": "a"},\n{"callId": "b"}\n', "d.json")).message).toBe("d.json: line 3: JSON document ends before it is complete (truncated?)");
    expect((await readError('[\n{"callId": "a"},,\n{"callId": "b"}]', "d.json")).message).toBe("d.json: line 2: invalid JSON");
    expect((await readError('[\n{"callId": "a"},\n"b"]', "d.json")).message).toBe("d.json: line 3: a call record must be a JSON object");
    expect((await readError('{"calls": [{"callId": "a"}]} trailing', "d.json")).message).toBe("d.json: line 1: unexpected text after the JSON document");
    expect((await readError('{"version": 1,\n "list": [1]\n}', "d.json")).message).toBe("d.json: line 3: no calls, items, data or records array in the JSON document");
  });
});

describe("tracelens classify on unreadable input", () => {
  it("exits 2 with one line on stderr naming the file as given and the position, and prints no calls", () => {
    const good = `${samplesDir}/gateway-trace.log`;
    const bad = writeTemp("gateway.log.gz", gzipSync(Buffer.concat([Buffer.from(LINE.repeat(11)), Buffer.from([0xff, 0x0a])])));
    const result = runClassify([good, bad]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`tracelens: ${bad}: line 12: invalid UTF-8\n`);
    expect(result.stdout).toBe("");
  });

  it("exits 2 for a file that does not exist", () => {
    const result = runClassify(["/nonexistent/trace.log"]);
    expect(result).toMatchObject({ status: 2, stderr: "tracelens: /nonexistent/trace.log: cannot read: no such file\n", stdout: "" });
  });

  it("exits 2, file named, for a path through a file, or a name too long to open", () => {
    const file = writeTemp("trace.log", "");
    expect(runClassify([`${file}/inside.log`])).toMatchObject({ status: 2, stderr: `tracelens: ${file}/inside.log: cannot read: a part of its path is a file, not a folder\n` });
    const long = `${"x".repeat(300)}.log`;
    expect(runClassify([long])).toMatchObject({ status: 2, stderr: `tracelens: ${long}: cannot read: its name is too long\n` });
  });

  it("exits 2 with one line, not a dump of the argument check, for an empty file name", () => {
    expect(runClassify([""])).toMatchObject({ status: 2, stderr: "tracelens: a file name is empty\n", stdout: "" });
  });

  it("exits 2 on an empty file, saying there are no trace records", () => {
    const empty = writeTemp("empty.log", "");
    expect(runClassify([empty])).toMatchObject({ status: 2, stderr: `tracelens: ${empty}: no trace records\n` });
  });

  it("passes over a file without trace records given with traces, saying so, but not a damaged one", () => {
    const notes = writeTemp("notes.txt", "what these traces are\n");
    const trace = writeTemp("t.log", '2026-11-20T14:03:11Z INFO [callId=n1] Response: 401 body="nope"\n');
    const result = runClassify([notes, trace]);
    expect(result).toMatchObject({ status: 0, stderr: `tracelens: ${notes}: no trace records; passed over\n` });
    expect(parseNdjson(result.stdout).map((row) => row.callId)).toEqual(["n1"]);
    const damaged = writeTemp("bad.log", Buffer.from([0x32, 0x30, 0xff, 0x0a]));
    expect(runClassify([trace, damaged])).toMatchObject({ status: 2, stdout: "" });
  });
});
