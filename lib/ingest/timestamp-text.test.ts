import fc from "fast-check";
import { expect, it } from "vitest";
import { TimestampText } from "./timestamp-text";

it("writes every timestamp as Date's ISO text, whatever came before it", () => {
  // From year -2000 to 12000: before 1970 and past 9999 too (six-digit years).
  const epochMs = fc.integer({ min: -125_000_000_000_000, max: 316_000_000_000_000 });
  const nearby = fc.tuple(epochMs, fc.array(fc.integer({ min: -2_500, max: 2_500 }), { maxLength: 20 }));
  fc.assert(
    fc.property(nearby, ([start, steps]) => {
      const text = new TimestampText();
      let time = start;
      for (const step of [0, ...steps]) {
        time += step;
        expect(text.of(time)).toBe(new Date(time).toISOString());
      }
    }),
    { numRuns: 500 },
  );
});
