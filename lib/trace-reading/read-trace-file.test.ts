import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CallEvent, GatewayEvent } from "./events";
import { readTraceFile } from "./read-trace-file";

const samplesDir = path.resolve(import.meta.dirname, "../../../shared/samples");
const samples = readdirSync(samplesDir)
  .filter((name) => name.startsWith("gateway-"))
  .map((name) => ({ name, bytes: readFileSync(path.join(samplesDir, name)) }));
const fingerprintKey = Buffer.from("line splitting tests");

/** Cuts `bytes` at the given points, as a stream would deliver them. */
function inPieces(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  return [...points, bytes.length].map((end, i) => bytes.subarray(i === 0 ? 0 : points[i - 1], end)).filter((piece) => piece.length > 0);
}

async function read(name: string, pieces: Buffer[]) {
  const events: Array<CallEvent | GatewayEvent> = [];
  let drains = 0;
  const sink = { callEvent: (e: CallEvent) => events.push(e), gatewayEvent: (e: GatewayEvent) => events.push(e), drain: () => void drains++ };
  const summary = await readTraceFile({ name, stream: Readable.from(pieces) }, sink, { fingerprintKey });
  return { events, summary, drains };
}

describe("readTraceFile across chunk boundaries", () => {
  it.each(samples)("reads $name the same however its bytes are cut (BOM, CRLF and gzip too)", async ({ name, bytes }) => {
    const variants = [bytes, Buffer.concat([Buffer.from("\ufeff"), Buffer.from(bytes.toString().replaceAll("\n", "\r\n"))])];
    for (const variant of variants) {
      const whole = await read(name, [variant]);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.nat(), { maxLength: 30 }), fc.boolean(), async (cuts, gzip) => {
          const content = gzip ? gzipSync(variant) : variant;
          const pieces = await read(name, inPieces(content, cuts));
          expect(pieces.events).toEqual(whole.events);
          expect({ ...pieces.summary, sha256: "", byteCount: 0, gzip: false }).toEqual({ ...whole.summary, sha256: "", byteCount: 0, gzip: false });
        }),
        { numRuns: 40 },
      );
    }
  });

  it("reads a file delivered one byte at a time, and lets the sink push back between chunks", async () => {
    const { bytes, name } = samples.find((s) => s.name.endsWith(".log")) ?? { bytes: Buffer.alloc(0), name: "" };
    const oneByOne = await read(name, inPieces(bytes, Array.from({ length: bytes.length }, (_, i) => i)));
    expect(oneByOne.events).toEqual((await read(name, [bytes])).events);
    expect(oneByOne.drains).toBeGreaterThan(100);
  });
});
