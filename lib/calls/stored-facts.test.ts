import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callFacts } from "../../test/support/call-facts-arbitrary";
import { emptyCallFacts, type CallFacts } from "./facts";
import { factsFromStored, storedFacts } from "./stored-facts";

const where = fc.record({ file: fc.constantFrom("a.log", "b.ndjson", "c.json"), seq: fc.nat(), time: fc.option(fc.nat(), { nil: null }) });

/** Facts as merges leave them too: a response whose status or duration another response gave. */
const anyFacts: fc.Arbitrary<CallFacts> = fc
  .tuple(callFacts, fc.option(where, { nil: undefined }), fc.option(where, { nil: undefined }))
  .map(([facts, statusAt, durationAt]) =>
    facts.response ? { ...facts, response: { ...facts.response, ...(statusAt && { statusAt }), ...(durationAt && { durationAt }) } } : facts,
  );

const throughTheDatabase = (facts: CallFacts) => JSON.parse(JSON.stringify(storedFacts(facts))) as unknown;

describe("stored facts", () => {
  it("read back exactly as they were written", () => {
    fc.assert(
      fc.property(anyFacts, (facts) => {
        expect(factsFromStored(facts.callRef, throughTheDatabase(facts))).toEqual(facts);
      }),
      { numRuns: 500 },
    );
  });

  it("give back unknown fields as the plain object they were, not a copy without a prototype", () => {
    const facts = factsFromStored("c1", throughTheDatabase({ ...emptyCallFacts("c1"), extraFields: { env: "prod" } }));
    expect(Object.getPrototypeOf(facts.extraFields)).toBe(Object.prototype);
  });

  it("name each file once, however many places point into it", () => {
    const facts: CallFacts = {
      ...emptyCallFacts("c1"),
      interceptors: [1, 2, 3].map((seq) => ({ name: "OAuth", file: "gateway-trace.log", seq, time: null })),
    };
    expect(JSON.stringify(storedFacts(facts)).match(/gateway-trace\.log/g)).toHaveLength(1);
  });

  it("are read when a segment holds them as objects (written before the stored form), and checked like the stored form", () => {
    const facts: CallFacts = {
      ...emptyCallFacts("c1"),
      method: "GET",
      traceLineCount: 2,
      interceptors: [{ name: "OAuth", file: "a.log", seq: 1, time: null }],
      response: { file: "a.log", line: 3, seq: 2, time: 5, text: "Response: 401", status: 401, body: "no", durationMs: 3 },
    };
    expect(factsFromStored("c1", JSON.parse(JSON.stringify(facts)))).toEqual(facts);
    expect(() => factsFromStored("c1", { ...facts, time: "yesterday" })).toThrow(/call c1/);
    expect(() => factsFromStored("c1", { method: "GET" })).toThrow(/call c1/);
  });

  it("are read when a segment was stored before calls kept their User-Agent: it has none", () => {
    const facts: CallFacts = { ...emptyCallFacts("c1"), method: "GET", userAgent: "okhttp/4.12.0" };
    const stored = storedFacts(facts);
    expect(factsFromStored("c1", stored.slice(0, -1))).toEqual({ ...facts, userAgent: null });
  });

  it("refuse a stored form that is not one, naming the call", () => {
    const stored = storedFacts({ ...emptyCallFacts("c1"), interceptors: [{ name: "OAuth", file: "a.log", seq: 1, time: null }] });
    expect(() => factsFromStored("c1", [[], ...stored.slice(1)])).toThrow(/call c1/);
    expect(() => factsFromStored("c1", ["a.log"])).toThrow();
  });
});
