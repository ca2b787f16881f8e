import { describe, expect, it } from "vitest";
import { timeTicks } from "./time-ticks";

/** `count` periods of `seconds` from `first`, as the histogram sends them. */
const periods = (first: string, seconds: number, count: number) => Array.from({ length: count }, (_, i) => new Date(Date.parse(first) + i * seconds * 1000).toISOString());
const labels = (starts: readonly string[], seconds: number, zone: string | undefined, width: number) => timeTicks(starts, seconds, zone, width).map((tick) => tick.label);

describe("the chart's time ticks", () => {
  // 20 Nov 14:15 to 21 Nov 09:00 UTC, by the quarter hour: the view that spans midnight.
  const overnight = periods("2026-11-20T14:15:00Z", 900, 76);

  it("say the date on the first tick and on the first tick of the next day, and the time alone otherwise", () => {
    expect(labels(overnight, 900, "UTC", 1000)).toEqual(["20 Nov 16:00", "18:00", "20:00", "22:00", "21 Nov 00:00", "02:00", "04:00", "06:00", "08:00"]);
  });

  it("fall on whole steps of the day in the zone shown, and turn the day at its midnight", () => {
    // Tokyo is 9 hours ahead: the same periods start at 23:15 there, and its day turns at 15:00 UTC.
    expect(labels(overnight, 900, "Asia/Tokyo", 1000)).toEqual(["21 Nov 00:00", "02:00", "04:00", "06:00", "08:00", "10:00", "12:00", "14:00", "16:00", "18:00"]);
    // Half an hour off UTC: each day's ticks count from its first period.
    expect(labels(periods("2026-11-20T12:00:00Z", 3600, 20), 3600, "Asia/Kolkata", 1000).slice(0, 5)).toEqual(["20 Nov 18:30", "20:30", "22:30", "21 Nov 00:30", "02:30"]);
  });

  it("are fewer on a narrow chart, the date still on the first and on the day that turns", () => {
    const wide = timeTicks(overnight, 900, "UTC", 1000);
    const narrow = timeTicks(overnight, 900, "UTC", 400);
    expect(narrow.length).toBeLessThan(wide.length);
    expect(narrow[0]?.label).toMatch(/^20 Nov/);
    expect(narrow.some((tick) => tick.label.startsWith("21 Nov"))).toBe(true);
  });

  it("carry no date within a day, the date on every tick across days, and the date alone for periods of a day", () => {
    expect(labels(periods("2026-11-20T10:00:00Z", 60, 30), 60, "UTC", 1000).slice(1)).not.toContainEqual(expect.stringMatching(/Nov/));
    expect(labels(periods("2026-11-20T00:00:00Z", 3 * 3600, 40), 3 * 3600, "UTC", 1000).every((label) => /^\d+ Nov \d\d:\d\d$/.test(label))).toBe(true);
    expect(labels(periods("2026-11-01T00:00:00Z", 86_400, 20), 86_400, "UTC", 1000)).toContain("5 Nov");
  });

  it("show seconds when the periods are shorter than a minute", () => {
    expect(labels(periods("2026-11-20T10:00:00Z", 1, 60), 1, "UTC", 1000)[1]).toMatch(/^10:00:\d\d$/);
  });
});
