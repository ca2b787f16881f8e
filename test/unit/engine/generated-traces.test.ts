import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { generateTrace } from "../../../bench/classify/generate";
import type { Format } from "../../../bench/classify/render";
import { classifyInProcess } from "./support";

async function generated(format: Format, gzip: boolean) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const trace = await generateTrace(out, { format, bytes: 300_000, gzip, seed: 7 });
  return { content: Buffer.concat(chunks), trace };
}

describe("the benchmark's synthetic traces", () => {
  it.each([
    ["text", false],
    ["text", true],
    ["json_lines", false],
    ["json_document", true],
  ] as const)("%s (gzip %s): every call gets the cause its scenario was written for", async (format, gzip) => {
    const { content, trace } = await generated(format, gzip);
    const rows = await classifyInProcess([{ name: "generated", content }]);
    expect(rows).toHaveLength(trace.calls);
    const wrong = rows.filter((row) => {
      const outcome = trace.outcomes[row.callId];
      const expected = outcome === "ok" ? null : outcome === "rejected_without_response" ? "invalid_expired_revoked" : outcome;
      return row.cause !== expected;
    });
    expect(wrong).toEqual([]);
    const causes = new Set(rows.map((row) => row.cause));
    expect(causes.size).toBe(7);
  });
});
