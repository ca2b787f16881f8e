import fs from "node:fs";
import os from "node:os";
import { PassThrough, Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateTrace } from "../../../bench/classify/generate";
import { classifyTraceFiles } from "../../../lib/verdicts";
import { SeenCalls } from "../../../lib/verdicts/seen-calls";
import { SortedVerdicts } from "../../../lib/verdicts/sorted-verdicts";
import { classifyFiles, fingerprintKey, type TraceFile } from "./support";

// Limits small enough that a few hundred calls are settled while others are
// still open, their verdicts go through several sorted runs on disk, and
// calls whose lines lie far apart are heard of again after being settled.
const TINY = { openCalls: 20, idleEvents: 60, linesPerRun: 50 };
const UNBOUNDED = { openCalls: Number.MAX_SAFE_INTEGER, idleEvents: Number.MAX_SAFE_INTEGER, linesPerRun: Number.MAX_SAFE_INTEGER };

const spillDirs = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith("tracelens-classify-"));

async function generated(bytes: number, seed: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  await generateTrace(out, { format: "text", bytes, gzip: false, seed });
  return Buffer.concat(chunks);
}

const line = (second: number, ref: string, message: string) => `2026-11-20T14:00:${String(second).padStart(2, "0")}.000Z INFO [callId=${ref}] ${message}`;

describe("classify in bounded memory", () => {
  it("settling quiet calls and sorting verdicts on disk prints exactly what holding every call would", async () => {
    const files: TraceFile[] = [{ name: "generated.log", content: await generated(200_000, 11) }];
    const inMemory = await classifyFiles(files, UNBOUNDED);
    expect(inMemory.length).toBeGreaterThan(200);
    expect(await classifyFiles(files, TINY)).toEqual(inMemory);
  });

  it("a call heard of again after it was settled (lines far apart, or in another file) is classified on all its lines", async () => {
    const filler = Array.from({ length: 100 }, (_, i) => line(1, `filler-${i}`, "Response: 200 body=\"ok\""));
    const first = [line(0, "late", 'Response: 401 body="Access Token in the request, identified by HEADER access_token, is invalid."'), ...filler].join("\n");
    const second = [...filler.map((l) => l.replace("filler-", "other-")), line(2, "late", "Access Token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call")].join("\n");
    const files: TraceFile[] = [
      { name: "a.log", content: first },
      { name: "b.log", content: second },
    ];
    const rows = await classifyFiles(files, TINY);
    expect(rows).toEqual(await classifyFiles(files, UNBOUNDED));
    expect(rows.filter((row) => row.callId === "late")).toMatchObject([{ status: 401, cause: "invalid_expired_revoked", evidence: { file: "b.log", line: 101 } }]);
    expect(rows).toHaveLength(201);
  });

  it("leaves no sorted runs behind, also when a file cannot be read", async () => {
    const before = spillDirs();
    const good: TraceFile = { name: "generated.log", content: await generated(50_000, 3) };
    let spilledWhileWriting = false;
    const open = () => ({ name: good.name, stream: Readable.from([good.content]) });
    await classifyTraceFiles([open], fingerprintKey, async () => {
      spilledWhileWriting ||= spillDirs().length > before.length;
    }, TINY);
    await expect(classifyFiles([good, { name: "broken.log", content: Buffer.from([0x1f, 0x8b, 0x08, 0x00]) }], TINY)).rejects.toThrow(/broken\.log/);
    expect(spilledWhileWriting).toBe(true);
    expect(spillDirs()).toEqual(before);
  });
});

describe("SortedVerdicts", () => {
  it("gives lines in call order through runs on disk: time, then reference, untimed last; any reference survives", () => {
    const refs = fc.oneof(fc.string(), fc.constantFrom('a"b', "a\\b", "tab\there", "line\nbreak", "", "é"));
    const lines = fc.array(fc.record({ time: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), callRef: refs }), { maxLength: 60 });
    fc.assert(
      fc.property(lines, (generatedLines) => {
        const dir = fs.mkdtempSync(`${os.tmpdir()}/tracelens-sorted-test-`);
        try {
          const sorted = new SortedVerdicts(() => dir, 7);
          const added = generatedLines.map((l, i) => ({ ...l, text: `{"n":${i}}` }));
          for (const l of added) sorted.add(l);
          const out = [...sorted.inOrder()];
          const byCallOrder = [...added].sort((a, b) => (a.time === b.time ? (a.callRef < b.callRef ? -1 : a.callRef > b.callRef ? 1 : 0) : a.time === null ? 1 : b.time === null ? -1 : a.time - b.time));
          expect(out.map((l) => [l.time, l.callRef])).toEqual(byCallOrder.map((l) => [l.time, l.callRef]));
          expect(out.map((l) => l.text).sort()).toEqual(added.map((l) => l.text).sort());
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("SeenCalls", () => {
  it("never forgets a reference it was given", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 300 }), (refs) => {
        const seen = new SeenCalls();
        refs.forEach((ref) => seen.add(ref));
        expect(refs.every((ref) => seen.mayHold(ref))).toBe(true);
      }),
    );
  });

  it("rarely claims a reference it was not given", () => {
    const seen = new SeenCalls();
    for (let i = 0; i < 100_000; i++) seen.add(`added-${i}`);
    const falseClaims = Array.from({ length: 100_000 }, (_, i) => `absent-${i}`).filter((ref) => seen.mayHold(ref));
    expect(falseClaims).toEqual([]);
  });
});
