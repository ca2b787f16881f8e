import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TraceReadError } from "../../../lib/trace-reading";
import { classifyInProcess, readEvents, samplesDir } from "./support";

const samples = readdirSync(samplesDir)
  .filter((name) => name.startsWith("gateway-"))
  .map((name) => readFileSync(path.join(samplesDir, name)));

type Mutation = (bytes: Buffer) => Buffer;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, value]): Mutation => (b) => {
    const copy = Buffer.from(b);
    if (copy.length > 0) copy[at % copy.length] = value;
    return copy;
  }),
  fc.tuple(fc.nat(), fc.nat({ max: 200 })).map(([at, length]): Mutation => (b) => Buffer.concat([b.subarray(0, at % (b.length + 1)), b.subarray((at % (b.length + 1)) + length)])),
  fc.tuple(fc.nat(), fc.uint8Array({ maxLength: 40 })).map(([at, inserted]): Mutation => (b) => {
    const i = at % (b.length + 1);
    return Buffer.concat([b.subarray(0, i), Buffer.from(inserted), b.subarray(i)]);
  }),
  fc.tuple(fc.nat(), fc.constantFrom("\n", "\r\n", "{", "}", "[", "]", '"', "\\", ",", "\ufeff", "2026-11-20T14:03:11Z call=x ")).map(
    ([at, text]): Mutation => (b) => {
      const i = at % (b.length + 1);
      return Buffer.concat([b.subarray(0, i), Buffer.from(text), b.subarray(i)]);
    },
  ),
  fc.nat().map((at): Mutation => (b) => b.subarray(0, at % (b.length + 1))),
  fc.constant<Mutation>((b) => {
    const lines = b.toString("latin1").split("\n");
    return Buffer.from(lines.reverse().join("\n"), "latin1");
  }),
);

/** A sample or random bytes, mutated, perhaps gzipped, perhaps with the gzip cut short. */
const anyInput: fc.Arbitrary<Buffer> = fc
  .tuple(
    fc.oneof(fc.constantFrom<Buffer>(...samples), fc.uint8Array({ maxLength: 600 }).map((bytes): Buffer => Buffer.from(bytes))),
    fc.array(mutation, { maxLength: 4 }),
    fc.constantFrom("plain", "gzip", "truncated gzip"),
    fc.nat(),
  )
  .map(([start, mutations, packing, cut]) => {
    const content = mutations.reduce((bytes: Buffer, mutate) => mutate(bytes), start);
    if (packing === "plain") return content;
    const zipped = gzipSync(content);
    return packing === "gzip" ? zipped : zipped.subarray(0, cut % zipped.length);
  });

describe("reading any input", () => {
  it("either classifies it or fails with a TraceReadError naming the file: never another error, never a hang", async () => {
    await fc.assert(
      fc.asyncProperty(anyInput, async (content) => {
        try {
          await classifyInProcess([{ name: "fuzz.log", content }]);
        } catch (error) {
          expect(error).toBeInstanceOf(TraceReadError);
          expect((error as TraceReadError).message).toMatch(/^fuzz\.log: (line \d+: |byte \d+: )?[^\n]+$/);
        }
      }),
      { numRuns: 400 },
    );
  }, 120_000);
});

/** Values nothing else in a generated trace could contain by chance. */
const secret = fc.stringMatching(/^[A-Za-z0-9]{14,30}$/).map((body) => `Sx${body}`);
const location = fc.constantFrom("header", "query", "cookie");
const whitespace = fc.constantFrom("", " ", "\n", " \r\n", "\t");

type SecretCall = { ref: string; location: string; name: string; value: string; padding: string; echo: boolean };

const secretCall: fc.Arbitrary<SecretCall> = fc.record({
  ref: fc.stringMatching(/^[a-z0-9]{3,10}$/),
  location,
  name: fc.constantFrom("access_token", "client_id", "X-Api-Key", "Authorization"),
  value: secret,
  padding: whitespace,
  echo: fc.boolean(),
});

const QUERY_WORD = { header: "HEADER", query: "QUERYPARAM", cookie: "COOKIE" } as const;

function textTrace(calls: SecretCall[]): string {
  return calls
    .flatMap((c, i) => {
      const stamp = `2026-11-20T14:03:${String(10 + (i % 40)).padStart(2, "0")}.${String(i % 1000).padStart(3, "0")}Z`;
      const where = `${QUERY_WORD[c.location as keyof typeof QUERY_WORD]} ${c.name}`;
      return [
        `${stamp} DEBUG [callId=${c.ref}] Request ${c.location} ${c.name}: ${JSON.stringify(c.value + c.padding)}`,
        ...(c.echo ? [`${stamp} DEBUG [callId=${c.ref}] token ${c.value} looked up`] : []),
        `${stamp} WARN [callId=${c.ref}] Access token in ${where} HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call`,
        `${stamp} INFO [callId=${c.ref}] Response: 401 body=${JSON.stringify(`echo ${c.echo ? c.value : ""} Access Token in the request, identified by ${where}, is invalid.`)}`,
      ];
    })
    .join("\n");
}

function jsonRecords(calls: SecretCall[]): unknown[] {
  const field = { header: "requestHeaders", query: "queryParams", cookie: "cookies" } as const;
  return calls.map((c) => ({
    callId: c.ref,
    [field[c.location as keyof typeof field]]: { [c.name]: c.value + c.padding },
    status: 401,
    responseBody: c.echo ? `bad token ${c.value}` : "nope",
    note: c.echo ? { seen: [c.value] } : "none",
    trace: c.echo ? [`checking ${c.value}`] : [],
  }));
}

const RENDERINGS = {
  text: (calls: SecretCall[]) => textTrace(calls),
  json_lines: (calls: SecretCall[]) => jsonRecords(calls).map((r) => JSON.stringify(r)).join("\n"),
  json_document: (calls: SecretCall[]) => JSON.stringify({ calls: jsonRecords(calls) }, null, 1),
};

describe("credentials given to the reader", () => {
  it("never come out raw: not in verdicts, evidence, event texts or errors, whatever the format and packing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(secretCall, { minLength: 1, maxLength: 6, selector: (c) => c.ref }),
        fc.constantFrom(...(Object.keys(RENDERINGS) as Array<keyof typeof RENDERINGS>)),
        fc.constantFrom("plain", "crlf", "gzip"),
        async (calls, format, packing) => {
          const rendered = RENDERINGS[format](calls);
          const text = packing === "crlf" ? rendered.replaceAll("\n", "\r\n") : rendered;
          const content = packing === "gzip" ? gzipSync(text) : Buffer.from(text);
          const printed = JSON.stringify(await classifyInProcess([{ name: "t.log", content }]));
          const shown = JSON.stringify(await readEvents(content));
          for (const { value } of calls) {
            expect(printed).not.toContain(value);
            expect(shown).not.toContain(value);
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});
