import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CarriedValues } from "./carried-values";

const carrying = (values: readonly string[]) => {
  const carried = new CarriedValues();
  for (const value of values) if (!carried.has(value)) carried.add(value);
  return carried;
};

describe("the values a call carried, found in its text", () => {
  it("finds them in the order they were carried, the whole of a value before its parts, however many the call carries", () => {
    const parts = ["header.payload.signature", "header", "payload", "signature"];
    const many = [...parts, ...Array.from({ length: 40 }, (_, n) => `filler-${n}-value`)];
    const text = "signature then payload then header.payload.signature and filler-39-value";
    expect(carrying(parts).foundIn(text)).toEqual(parts);
    expect(carrying(many).foundIn(text)).toEqual([...parts, "filler-39-value"]);
  });

  it("finds exactly what searching the text for each value finds, with few values or many", () => {
    // Shorter than a start too: such a value is searched for on its own.
    const value = fc.stringMatching(/^[ab.]{1,12}$/);
    fc.assert(
      fc.property(fc.uniqueArray(value, { maxLength: 60 }), fc.stringMatching(/^[ab. ]{0,80}$/), (values, text) => {
        expect(carrying(values).foundIn(text)).toEqual(values.filter((each) => text.includes(each)));
      }),
    );
  });
});
