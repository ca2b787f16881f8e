import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyCallFacts, type CallFacts } from "./facts";
import { mergeCallFacts } from "./merge";

const place = fc.record({
  file: fc.constantFrom("a.log", "b.ndjson"),
  line: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
  seq: fc.integer({ min: 0, max: 50 }),
  time: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  text: fc.constantFrom("x", "y"),
});

/** What one upload may know about call c1. */
const facts: fc.Arbitrary<CallFacts> = fc.record({
  callRef: fc.constant("c1"),
  time: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  method: fc.option(fc.constantFrom("GET", "POST"), { nil: null }),
  uri: fc.option(fc.constantFrom("/a", "/b"), { nil: null }),
  api: fc.option(fc.constantFrom("Payments", "Orders"), { nil: null }),
  resource: fc.constant(null),
  app: fc.option(fc.constantFrom("Mobile App"), { nil: null }),
  clientIp: fc.constant(null),
  response: fc.option(
    fc
      .tuple(place, fc.option(fc.constantFrom(200, 401), { nil: null }), fc.option(fc.constantFrom("ok", "no"), { nil: null }), fc.option(fc.constantFrom(3, 40), { nil: null }))
      .map(([p, status, body, durationMs]) => ({ ...p, status, body, durationMs })),
    { nil: null },
  ),
  credentials: fc.uniqueArray(
    fc.record({
      location: fc.constantFrom("header" as const, "query" as const),
      name: fc.constantFrom("access_token", "client_id"),
      fingerprint: fc.constantFrom("f1", "f2"),
      preview: fc.constant("…"),
      length: fc.constant(10),
      leadingWhitespace: fc.boolean(),
      trailingWhitespace: fc.constant(false),
      lineBreak: fc.constant(false),
      sighting: fc.option(place, { nil: null }),
    }),
    { maxLength: 3, selector: (c) => `${c.location}${c.name}${c.fingerprint}${c.leadingWhitespace}` },
  ),
  rejectingLines: fc.uniqueArray(
    place.map((p) => ({ ...p, says: "not_found" as const, label: "Access token", location: "header" as const, name: "access_token" })),
    { maxLength: 2, selector: (l) => `${l.file}${l.seq}` },
  ),
  interceptors: fc.uniqueArray(
    fc.record({ name: fc.constantFrom("OAuth", "JWT Validation"), file: fc.constantFrom("a.log", "b.ndjson"), seq: fc.integer({ min: 0, max: 50 }), time: fc.constant(null) }),
    { maxLength: 3, selector: (m) => `${m.file}${m.seq}` },
  ),
  extraFields: fc.dictionary(fc.constantFrom("env", "region"), fc.constantFrom("prod", "test")),
  traceLineCount: fc.integer({ min: 0, max: 10 }),
});

describe("mergeCallFacts", () => {
  it("does not depend on which upload comes first", () => {
    fc.assert(
      fc.property(facts, facts, (a, b) => {
        expect(mergeCallFacts(a, b)).toEqual(mergeCallFacts(b, a));
      }),
    );
  });

  it("does not depend on how the parts are grouped (a call's facts are merged per batch, file and upload)", () => {
    fc.assert(
      fc.property(facts, facts, facts, (a, b, c) => {
        expect(mergeCallFacts(mergeCallFacts(a, b), c)).toEqual(mergeCallFacts(a, mergeCallFacts(b, c)));
      }),
      { numRuns: 500 },
    );
  });

  it("takes each value of the response from the latest response that logged it", () => {
    const at = (seq: number, status: number | null, body: string | null): CallFacts => ({
      ...emptyCallFacts("c1"),
      response: { file: "a.log", line: seq + 1, seq, time: seq, text: `r${seq}`, status, body, durationMs: null },
    });
    // The 401 at 5 is the latest status; the body at 3 the latest body, quoted.
    const [first, middle, last] = [at(0, 500, "first"), at(3, 200, "middle"), at(5, 401, null)];
    for (const merged of [mergeCallFacts(mergeCallFacts(first, last), middle), mergeCallFacts(first, mergeCallFacts(middle, last))]) {
      expect(merged.response).toMatchObject({ status: 401, body: "middle", seq: 3, statusAt: { file: "a.log", seq: 5, time: 5 } });
    }
  });

  it("keeps the earliest time, every rejecting line and every distinct credential", () => {
    const a: CallFacts = { ...emptyCallFacts("c1"), time: 5, rejectingLines: [{ file: "a.log", line: 3, seq: 2, time: 5, text: "t", says: "no_access", label: "APP", location: "header", name: "client_id" }] };
    const b: CallFacts = { ...emptyCallFacts("c1"), time: 2, response: { file: "b.log", line: 1, seq: 0, time: 2, text: "r", status: 401, body: "x", durationMs: 3 } };
    const merged = mergeCallFacts(a, b);
    expect(merged.time).toBe(2);
    expect(merged.rejectingLines).toHaveLength(1);
    expect(merged.response?.status).toBe(401);
  });

  it("stays plain JSON", () => {
    fc.assert(
      fc.property(facts, facts, (a, b) => {
        expect(JSON.parse(JSON.stringify(mergeCallFacts(a, b)))).toEqual(mergeCallFacts(a, b));
      }),
    );
  });
});
