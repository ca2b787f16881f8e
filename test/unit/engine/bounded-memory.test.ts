import fs from "node:fs";
import os from "node:os";
import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyTraceFiles } from "../../../lib/verdicts";
import { SeenCalls } from "../../../lib/calls";
import { SortedVerdicts } from "../../../lib/verdicts/sorted-verdicts";
import { generatedTrace } from "../../support/generated-trace";
import { classifyInProcess, fingerprintKey, type TraceFile } from "./support";

// Limits small enough that a few hundred calls are settled while others are
// still open, their verdicts go through several sorted runs on disk, and
// calls whose lines lie far apart are heard of again after being settled.
const TINY = { openCalls: 20, idleEvents: 60, linesPerRun: 50 };
const UNBOUNDED = { openCalls: Number.MAX_SAFE_INTEGER, idleEvents: Number.MAX_SAFE_INTEGER, linesPerRun: Number.MAX_SAFE_INTEGER };

const spillDirs = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith("tracelens-classify-"));

/** This process's open files inside `dir`: other files (other tests' included) do not count. */
function openFilesIn(dir: string): number {
  const target = (fd: string) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      return ""; // closed since it was listed
    }
  };
  return fs.readdirSync("/proc/self/fd").filter((fd) => target(fd).startsWith(`${dir}/`)).length;
}

const line = (second: number, ref: string, message: string) => `2026-11-20T14:00:${String(second).padStart(2, "0")}.000Z INFO [callId=${ref}] ${message}`;

describe("classify in bounded memory", () => {
  it("settling quiet calls and sorting verdicts on disk prints exactly what holding every call would", async () => {
    const files: TraceFile[] = [{ name: "generated.log", content: await generatedTrace(200_000, 11) }];
    const inMemory = await classifyInProcess(files, UNBOUNDED);
    expect(inMemory.length).toBeGreaterThan(200);
    expect(await classifyInProcess(files, TINY)).toEqual(inMemory);
  });

  it("a call heard of again after it was settled (lines far apart, or in another file) is classified on all its lines", async () => {
    const filler = Array.from({ length: 100 }, (_, i) => line(1, `filler-${i}`, "Response: 200 body=\"ok\""));
    const first = [line(0, "late", 'Response: 401 body="Access Token in the request, identified by HEADER access_token, is invalid."'), ...filler].join("\n");
    const second = [...filler.map((l) => l.replace("filler-", "other-")), line(2, "late", "Access Token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call")].join("\n");
    const files: TraceFile[] = [
      { name: "a.log", content: first },
      { name: "b.log", content: second },
    ];
    const rows = await classifyInProcess(files, TINY);
    expect(rows).toEqual(await classifyInProcess(files, UNBOUNDED));
    expect(rows.filter((row) => row.callId === "late")).toMatchObject([{ status: 401, cause: "invalid_expired_revoked", evidence: { file: "b.log", line: 101 } }]);
    expect(rows).toHaveLength(201);
  });

  it("many calls heard of again: their second reading is sorted on disk too, beside the first", async () => {
    const own = Array.from({ length: 200 }, (_, i) => line(1, `own-${i}`, "Response: 200"));
    const split = (i: number) => `split-${i}`;
    const a = [...own, ...Array.from({ length: 300 }, (_, i) => line(1, split(i), 'Response: 401 body="Access Token in the request, identified by HEADER access_token, is invalid."'))];
    const b = Array.from({ length: 300 }, (_, i) => line(2, split(i), "Access Token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call"));
    const files: TraceFile[] = [
      { name: "a.log", content: a.join("\n") },
      { name: "b.log", content: b.join("\n") },
    ];
    const rows = await classifyInProcess(files, TINY);
    expect(rows).toHaveLength(500);
    expect(rows).toEqual(await classifyInProcess(files, UNBOUNDED));
  });

  it("reads a file that cannot be opened twice (a pipe) once, settling nothing early", async () => {
    const filler = Array.from({ length: 100 }, (_, i) => line(1, `filler-${i}`, "Response: 200"));
    const content = [line(0, "late", 'Response: 401 body="x"'), ...filler, line(2, "late", "Access Token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call")].join("\n");
    let opened = 0;
    const once = () => {
      if (opened++ > 0) throw new Error("opened twice");
      return { name: "pipe", stream: Readable.from([Buffer.from(content)]) };
    };
    const rows: unknown[] = [];
    const collect = async (lines: string[]) => (rows.push(...lines.map((l) => JSON.parse(l))), true);
    await classifyTraceFiles([once], fingerprintKey, collect, { limits: TINY, rereadable: false });
    expect(rows).toEqual(await classifyInProcess([{ name: "pipe", content }], UNBOUNDED));
    expect(opened).toBe(1);
  });

  it("leaves no sorted runs behind, also when a file cannot be read", async () => {
    const before = spillDirs();
    const good: TraceFile = { name: "generated.log", content: await generatedTrace(50_000, 3) };
    let spilledWhileWriting = false;
    const open = () => ({ name: good.name, stream: Readable.from([good.content]) });
    const watch = async () => {
      spilledWhileWriting ||= spillDirs().length > before.length;
      return true;
    };
    await classifyTraceFiles([open], fingerprintKey, watch, { limits: TINY });
    await expect(classifyInProcess([good, { name: "broken.log", content: Buffer.from([0x1f, 0x8b, 0x08, 0x00]) }], TINY)).rejects.toThrow(/broken\.log/);
    expect(spilledWhileWriting).toBe(true);
    expect(spillDirs()).toEqual(before);
  });
});

describe("SortedVerdicts", () => {
  it("gives lines in call order through runs on disk: time, then reference, untimed last; any reference survives", () => {
    const refs = fc.oneof(fc.string({ unit: "grapheme" }), fc.constantFrom('a"b', "a\\b", "tab\there", "line\nbreak", "", "é", "ação…"));
    const lines = fc.array(fc.record({ time: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), callRef: refs }), { maxLength: 60 });
    fc.assert(
      fc.property(lines, (generatedLines) => {
        const dir = fs.mkdtempSync(`${os.tmpdir()}/tracelens-sorted-test-`);
        try {
          // Reads of a few bytes, so that lines and characters are cut between reads.
          const sorted = new SortedVerdicts(() => dir, "test", 7, { total: 5, least: 1 });
          const added = generatedLines.map((l, i) => ({ ...l, text: `{"n":${i},"preview":"2Yot…pAA ção"}` }));
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

describe("SortedVerdicts with long lines", () => {
  it("keeps every line whole, however many fill a run and however long one is", () => {
    const dir = fs.mkdtempSync(`${os.tmpdir()}/tracelens-sorted-test-`);
    try {
      const sorted = new SortedVerdicts(() => dir, "test", 40);
      const sizes = [10, 120_000, 700_000, 3, 250_000, 2_000_000, 90_000];
      const added = Array.from({ length: 120 }, (_, i) => ({ time: i, callRef: `c${i}`, text: `{"n":${i},"body":"${"é…x".repeat(sizes[i % sizes.length]! / 3)}"}` }));
      for (const line of [...added].reverse()) sorted.add(line);
      expect([...sorted.inOrder()]).toEqual(added);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("SortedVerdicts stopped early", () => {
  it("closes the runs it was reading", () => {
    const dir = fs.mkdtempSync(`${os.tmpdir()}/tracelens-sorted-test-`);
    try {
      const sorted = new SortedVerdicts(() => dir, "test", 10);
      for (let i = 0; i < 100; i++) sorted.add({ time: i, callRef: `c${i}`, text: "{}" });
      const lines = sorted.inOrder();
      lines.next();
      // Seen open while reading, so that none open afterwards means they were closed.
      expect(openFilesIn(dir)).toBeGreaterThan(0);
      lines.return(undefined);
      expect(openFilesIn(dir)).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
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
