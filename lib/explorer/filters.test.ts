import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidFilterError, parseCallFilters } from "./filters";

describe("the explorer's URL contract", () => {
  // The server's own zone must not change what a shared link means.
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = "America/Sao_Paulo";
  });
  afterAll(() => {
    process.env.TZ = zone;
  });

  it.each([
    ["2026-11-20T14:00:00", "2026-11-20T14:00:00.000Z"],
    ["2026-11-20T14:00", "2026-11-20T14:00:00.000Z"],
    ["2026-11-20T14:00:00Z", "2026-11-20T14:00:00.000Z"],
    ["2026-11-20T11:00:00-03:00", "2026-11-20T14:00:00.000Z"],
    ["2026-11-20", "2026-11-20T00:00:00.000Z"],
  ])("reads from=%s as %s (no zone means UTC, as in the traces)", (value, expected) => {
    expect(parseCallFilters(new URLSearchParams({ from: value })).from?.toISOString()).toBe(expected);
  });

  it("takes repeated parameters as any of their values, and names an unknown one", () => {
    expect(parseCallFilters(new URLSearchParams("cause=unknown&cause=no_resource_access")).cause).toEqual(["unknown", "no_resource_access"]);
    expect(() => parseCallFilters(new URLSearchParams("colour=red"))).toThrow(new InvalidFilterError("colour", 'unknown parameter "colour"'));
  });
});
