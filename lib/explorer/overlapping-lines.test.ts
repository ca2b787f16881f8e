import { describe, expect, it } from "vitest";
import { mergeOverlappingLines, type StoredTraceLine } from "./overlapping-lines";

const line = (fileId: string, file: string, number: number, time: string, text: string, level = "INFO"): StoredTraceLine => ({ fileId, file, line: number, time, level, text });

describe("mergeOverlappingLines", () => {
  it("lists a line held by two files once, with the first file's number, naming the other file and its number", () => {
    const merged = mergeOverlappingLines([
      line("a", "gateway.log", 7, "2026-11-20T14:00:00.000Z", "Request"),
      line("b", "rotated.log.1.gz", 1, "2026-11-20T14:00:00.000Z", "Request"),
      line("a", "gateway.log", 8, "2026-11-20T14:00:01.000Z", "Response: 401"),
    ]);
    expect(merged).toEqual([
      { file: "gateway.log", line: 7, time: "2026-11-20T14:00:00.000Z", level: "INFO", text: "Request", alsoIn: [{ file: "rotated.log.1.gz", line: 1 }] },
      { file: "gateway.log", line: 8, time: "2026-11-20T14:00:01.000Z", level: "INFO", text: "Response: 401", alsoIn: [] },
    ]);
  });

  it("tells apart files of the same name by their id", () => {
    const merged = mergeOverlappingLines([line("a", "gateway.log", 3, "2026-11-20T14:00:00.000Z", "Request"), line("b", "gateway.log", 9, "2026-11-20T14:00:00.000Z", "Request")]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.alsoIn).toEqual([{ file: "gateway.log", line: 9 }]);
  });

  it("keeps a line repeated within one file, and folds each other file's copies one to one into them", () => {
    const at = "2026-11-20T14:00:00.000Z";
    const merged = mergeOverlappingLines([line("a", "a.log", 1, at, "retry"), line("a", "a.log", 2, at, "retry"), line("b", "b.log", 1, at, "retry"), line("b", "b.log", 2, at, "retry"), line("b", "b.log", 3, at, "retry")]);
    expect(merged.map((kept) => [kept.file, kept.line, kept.alsoIn.map((copy) => copy.line)])).toEqual([
      ["a.log", 1, [1]],
      ["a.log", 2, [2]],
      ["b.log", 3, []],
    ]);
  });

  it("keeps lines that differ in time or level", () => {
    const merged = mergeOverlappingLines([
      line("a", "a.log", 1, "2026-11-20T14:00:00.000Z", "Request"),
      line("b", "b.log", 1, "2026-11-20T14:00:00.001Z", "Request"),
      line("b", "b.log", 2, "2026-11-20T14:00:00.001Z", "Request", "DEBUG"),
    ]);
    expect(merged).toHaveLength(3);
  });
});
