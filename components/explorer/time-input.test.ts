import { afterEach, describe, expect, it } from "vitest";
import { inputValueOf, instantOf, pastedInputValue, todayInputValues } from "./time-input";

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

describe("a time pasted from a trace line", () => {
  it("with a zone, is shown in the dashboard's zone", () => {
    expect(pastedInputValue("2026-11-20T14:03:11.482Z", "UTC")).toBe("2026-11-20T14:03:11.482");
    expect(pastedInputValue(" 2026-11-20T11:03:11.482-03:00\n", "UTC")).toBe("2026-11-20T14:03:11.482");
    process.env.TZ = "America/Sao_Paulo";
    expect(pastedInputValue("2026-11-20T14:03:11.482Z", undefined)).toBe("2026-11-20T11:03:11.482");
  });

  it("without one, is taken as written, in the dashboard's zone", () => {
    process.env.TZ = "America/Sao_Paulo";
    for (const zone of ["UTC", undefined] as const) {
      expect(pastedInputValue("2026-11-20 14:03:11,482", zone)).toBe("2026-11-20T14:03:11.482");
      expect(pastedInputValue("[2026-11-20T14:03:11.482913]", zone)).toBe("2026-11-20T14:03:11.482");
      expect(pastedInputValue("2026-11-20 14:03", zone)).toBe("2026-11-20T14:03:00.000");
    }
  });

  it("is refused when it is no time", () => {
    for (const text of ["", "14:03:11", "yesterday", "2026-11-20T14:03:11Z INFO [callId=a1] Request: GET /x"]) expect(pastedInputValue(text, "UTC")).toBeNull();
  });
});

describe("Today", () => {
  it("runs from midnight to now in the dashboard's zone", () => {
    const now = new Date("2026-11-20T01:30:00.250Z");
    expect(todayInputValues(now, "UTC")).toEqual({ from: "2026-11-20T00:00:00.000", to: "2026-11-20T01:30:00.250" });
    process.env.TZ = "America/Sao_Paulo"; // still the 19th there
    expect(todayInputValues(now, undefined)).toEqual({ from: "2026-11-19T00:00:00.000", to: "2026-11-19T22:30:00.250" });
  });
});
