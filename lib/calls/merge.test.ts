import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callFacts as facts } from "../../test/support/call-facts-arbitrary";
import { emptyCallFacts, type CallFacts } from "./facts";
import { mergeCallFacts } from "./merge";

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

  it("keeps unknown fields named like an object's own members", () => {
    const a = { ...emptyCallFacts("c1"), extraFields: JSON.parse('{"constructor":"a","__proto__":"p","env":"prod"}') as Record<string, unknown> };
    const b = { ...emptyCallFacts("c1"), extraFields: JSON.parse('{"toString":"b","__proto__":"p"}') as Record<string, unknown> };
    const merged = mergeCallFacts(a, b).extraFields;
    expect(JSON.parse(JSON.stringify(merged))).toEqual(JSON.parse('{"constructor":"a","__proto__":"p","env":"prod","toString":"b"}'));
  });
});
