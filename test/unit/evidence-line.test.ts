import { describe, expect, it } from "vitest";
import { isEvidenceLine } from "../../components/call/evidence-line";

const at = (file: string, line: number | null, text: string) => ({ file, line, text });

describe("which line is an evidence line (the trace's marks, and the verdict's Response block)", () => {
  it.each([
    [at("gw.log", 12, "401 Unauthorized"), at("gw.log", 12, "401 Unauthorized"), true],
    // A numbered line is told by its file and number alone.
    [at("gw.log", 12, "401 Unauthorized body=…"), at("gw.log", 12, "401 Unauthorized"), true],
    [at("gw.log", 13, "401 Unauthorized"), at("gw.log", 12, "401 Unauthorized"), false],
    [at("node-b/gw.log", 12, "401 Unauthorized"), at("node-a/gw.log", 12, "401 Unauthorized"), false],
    // Without a number (an event of a JSON document) the text tells lines of one file apart.
    [at("events.json", null, '{"status":401}'), at("events.json", null, '{"status":401}'), true],
    [at("events.json", null, '{"status":200}'), at("events.json", null, '{"status":401}'), false],
    [null, at("gw.log", 12, "x"), false],
    [at("gw.log", 12, "x"), null, false],
    [null, null, false],
  ])("%o is %o: %s", (line, evidence, same) => {
    expect(isEvidenceLine(line, evidence)).toBe(same);
  });
});
