import { afterEach, describe, expect, it } from "vitest";
import { inputValueOf, instantOf } from "./time-input";

const originalZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalZone;
});

describe("custom range inputs", () => {
  it("show and read an instant in UTC when the dashboard shows UTC", () => {
    expect(inputValueOf("2026-11-20T14:05:58.310Z", "UTC")).toBe("2026-11-20T14:05:58.310");
    expect(instantOf("2026-11-20T14:05:58.310", "UTC")).toBe("2026-11-20T14:05:58.310Z");
    expect(instantOf("2026-11-20T14:05", "UTC")).toBe("2026-11-20T14:05:00.000Z");
  });

  it("show and read an instant in the browser's zone otherwise", () => {
    process.env.TZ = "America/Sao_Paulo"; // UTC-3 all year
    expect(inputValueOf("2026-11-20T14:05:58.310Z", undefined)).toBe("2026-11-20T11:05:58.310");
    expect(instantOf("2026-11-20T11:05:58.310", undefined)).toBe("2026-11-20T14:05:58.310Z");
  });

  it("leave an empty or unreadable value empty", () => {
    expect(inputValueOf(null, "UTC")).toBe("");
    expect(inputValueOf("not a time", "UTC")).toBe("");
    expect(instantOf("", "UTC")).toBeNull();
    expect(instantOf("2026-13-45T99:00", "UTC")).toBeNull();
  });
});
