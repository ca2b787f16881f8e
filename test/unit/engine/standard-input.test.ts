import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import packageJson from "../../../package.json";
import { parseNdjson, runCli } from "../../support/cli";
import { runClassify, samplesDir, writeTemp } from "./support";

const LINE = "2026-11-20T14:03:11Z INFO call=c1 Running interceptor: OAuth\n";
const REJECTION = (ref: string) =>
  `2026-11-20T14:00:00Z INFO [callId=${ref}] Response: 401 body="Could not find a required Access Token in the request, identified by HEADER access_token"\n`;

// `zcat gateway.log.gz | tracelens classify -`: `-` reads standard input, as in other command-line tools.
describe("tracelens classify -", () => {
  const sample = path.join(samplesDir, "gateway-trace.log");
  const evidenceFiles = (stdout: string) => new Set(parseNdjson<{ evidence: { file: string } | null }>(stdout).flatMap((row) => (row.evidence ? [row.evidence.file] : [])));

  it("classifies standard input as it does the file, quoting its evidence as stdin", () => {
    const fromFile = runClassify([sample]);
    const fromStdin = runClassify(["-"], fs.readFileSync(sample));
    expect(fromStdin.stderr).toBe("");
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout.replaceAll('"file":"gateway-trace.log"', '"file":"stdin"'));
    expect(evidenceFiles(fromStdin.stdout)).toEqual(new Set(["stdin"]));
  });

  it("recognises gzip on standard input by its magic bytes", () => {
    const result = runClassify(["-"], gzipSync(fs.readFileSync(sample)));
    expect(result).toMatchObject({ status: 0, stderr: "" });
    expect(result.stdout).toBe(runClassify(["-"], fs.readFileSync(sample)).stdout);
  });

  it("reads standard input beside files, and a file called stdin is told apart by its folder", () => {
    const file = writeTemp("stdin", REJECTION("from-file"));
    const result = runClassify([file, "-"], REJECTION("from-stdin"));
    expect(result).toMatchObject({ status: 0, stderr: "" });
    const files = Object.fromEntries(parseNdjson<{ callId: string; evidence: { file: string } }>(result.stdout).map((row) => [row.callId, row.evidence.file]));
    expect(files).toEqual({ "from-stdin": "stdin", "from-file": `${path.basename(path.dirname(file))}/stdin` });
  });

  it("names standard input as stdin, with the line or byte, where it cannot be read", () => {
    const damaged = gzipSync(Buffer.concat([Buffer.from(LINE.repeat(11)), Buffer.from([0xff, 0x0a])]));
    expect(runClassify(["-"], damaged)).toEqual({ status: 2, stdout: "", stderr: "tracelens: stdin: line 12: invalid UTF-8\n" });
    expect(runClassify(["-"], gzipSync(Buffer.from(LINE.repeat(2000))).subarray(0, 200))).toMatchObject({ status: 2, stderr: "tracelens: stdin: byte 200: truncated gzip data\n" });
    expect(runClassify(["-"], "")).toMatchObject({ status: 2, stderr: "tracelens: stdin: no trace records\n" });
  });

  it("refuses standard input named twice, which can be read only once", () => {
    expect(runClassify(["-", "-"], LINE)).toEqual({ status: 2, stdout: "", stderr: "tracelens: standard input (-) is named more than once: it can be read only once\n" });
  });
});

describe("tracelens --version and --help", () => {
  it("prints the version of package.json", () => {
    for (const flag of ["--version", "-V"]) expect(runCli([flag])).toEqual({ status: 0, stdout: `${packageJson.version}\n`, stderr: "" });
  });

  it("says that - reads standard input", () => {
    for (const command of ["classify", "ingest"]) expect(runCli([command, "--help"]).stdout.replace(/\s+/g, " ")).toContain("or - for standard input");
    expect(runCli(["--help"]).stdout).toContain("-V, --version");
  });
});
