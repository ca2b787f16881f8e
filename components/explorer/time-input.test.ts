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

  it("without one, is read as the trace is, in UTC (spec 2.1), and shown in the dashboard's zone", () => {
    process.env.TZ = "America/Sao_Paulo";
    expect(pastedInputValue("2026-11-20 14:03:11,482", "UTC")).toBe("2026-11-20T14:03:11.482");
    expect(pastedInputValue("[2026-11-20T14:03:11.482913]", "UTC")).toBe("2026-11-20T14:03:11.482");
    expect(pastedInputValue("2026-11-20 14:03", "UTC")).toBe("2026-11-20T14:03:00.000");
    // Three hours behind UTC: a line written at 14:03 UTC is 11:03 there, as a time with Z would be.
    expect(pastedInputValue("[2026-11-20 14:03:11,482]", undefined)).toBe("2026-11-20T11:03:11.482");
    expect(pastedInputValue("[2026-11-20 14:03:11,482]", undefined)).toBe(pastedInputValue("2026-11-20T14:03:11.482Z", undefined));
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
