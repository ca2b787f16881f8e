import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runClassify } from "./support";

// Gateways with several nodes write one log per node, often under the same name.
describe("tracelens classify, files named on the command line", () => {
  const line = (ref: string) =>
    `2026-11-20T14:00:00Z INFO [callId=${ref}] Response: 401 body="Could not find a required Access Token in the request, identified by HEADER access_token"\n`;
  const nodes = fs.mkdtempSync(path.join(os.tmpdir(), "tracelens-nodes-"));
  afterAll(() => fs.rmSync(nodes, { recursive: true, force: true }));

  function write(relative: string, content: string): string {
    const file = path.join(nodes, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  }

  it("quotes evidence under the file's base name, or under the folders that tell apart two files sharing a base name", () => {
    const a = write("node-a/gateway.log", line("on-a"));
    const b = write("node-b/gateway.log", line("on-b"));
    const other = write("node-c/other.log", line("on-c"));
    const result = runClassify([a, b, other]);
    expect(result.status).toBe(0);
    const files = Object.fromEntries(
      result.stdout.trim().split("\n").map((text) => JSON.parse(text) as { callId: string; evidence: { file: string } }).map((call) => [call.callId, call.evidence.file]),
    );
    expect(files).toEqual({ "on-a": "node-a/gateway.log", "on-b": "node-b/gateway.log", "on-c": "other.log" });
  });

  it("reads one file named twice (gateway.log and ./gateway.log) as that one file", () => {
    const file = write("node-d/gateway.log", line("on-d"));
    const once = runClassify([file]);
    const twice = runClassify([file, `${path.dirname(file)}/./gateway.log`]);
    expect(twice).toEqual(once);
    expect(JSON.parse(once.stdout).evidence.file).toBe("gateway.log");
  });
});
