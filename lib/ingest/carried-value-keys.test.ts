import { describe, expect, it } from "vitest";
import { fingerprintOf } from "../credentials";
import { valuesIn } from "./carried-value-keys";

const key = Buffer.from("carried value keys");
const keyOf = (value: string) => ({ fingerprint: fingerprintOf(value, key), length: value.length });
const found = (line: string, ...values: string[]) => [...valuesIn(line, values.map(keyOf), (candidate) => fingerprintOf(candidate, key))];

describe("valuesIn: kept values found in a line by their keys alone", () => {
  it("finds a value wherever it stands as a word: at either end, quoted, after `=` or `Bearer `", () => {
    expect(found("K3ptT0ken21 refused", "K3ptT0ken21")).toEqual(["K3ptT0ken21"]);
    expect(found('token="K3ptT0ken21"; retry', "K3ptT0ken21")).toEqual(["K3ptT0ken21"]);
    expect(found("Authorization: Bearer K3ptT0ken21", "K3ptT0ken21")).toEqual(["K3ptT0ken21"]);
    expect(found("/x?access_token=K3ptT0ken21&page=2", "K3ptT0ken21")).toEqual(["K3ptT0ken21"]);
  });

  it("finds values that start or end with punctuation, and several in one line", () => {
    expect(found("jwt eyJ.a-b_c.d== then -dash-token-", "eyJ.a-b_c.d==", "-dash-token-")).toEqual(["eyJ.a-b_c.d==", "-dash-token-"]);
  });

  it("finds a value right after an escape, in JSON text or a quoted body (`\\n`, `\\t`, `\\u00e9`) or a URI (`%2F`)", () => {
    expect(found(String.raw`{"responseBody":"bad token\nK3ptT0ken21","note":"x\tK3ptT0ken21"}`, "K3ptT0ken21")).toEqual(["K3ptT0ken21", "K3ptT0ken21"]);
    expect(found(String.raw`body="refused:\u00e9K3ptT0ken21"`, "K3ptT0ken21")).toEqual(["K3ptT0ken21"]);
    expect(found("/back?next=%2FK3ptT0ken21", "K3ptT0ken21")).toEqual(["K3ptT0ken21"]);
  });

  it("never looks across a blank: a value is found in its own word", () => {
    expect(found("Bearer K3ptT0ken21", "Bearer K3ptT0ken21")).toEqual([]);
    expect(found("Bearer K3ptT0ken21", "K3ptT0ken21")).toEqual(["K3ptT0ken21"]);
  });

  it("passes over a value glued to letters or digits, and anything else of the same length", () => {
    expect(found("xK3ptT0ken21 K3ptT0ken210 K3ptT0ken22", "K3ptT0ken21")).toEqual([]);
  });
});
