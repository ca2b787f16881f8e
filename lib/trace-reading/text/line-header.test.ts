import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SecondCache } from "../timestamps";
import { LineHeaderReader } from "./line-header";
import { TEXT_LINE } from "./line-pattern";

/** What TEXT_LINE alone says of a line: the definition the hand-written reading must match. */
function byPattern(text: string) {
  const m = TEXT_LINE.exec(text);
  if (m === null) return null;
  return {
    time: new SecondCache().epoch(m[1] ?? "", m[2] ?? "", m[3], m[4]),
    level: m[5] === undefined ? null : m[5].toUpperCase(),
    callRef: m[6] ?? m[7],
    message: m[8] ?? "",
  };
}

function byReader(text: string) {
  const header = new LineHeaderReader().read(text);
  return header === null ? null : { ...header };
}

const digits = (count: number) => fc.array(fc.constantFrom(..."0123456789"), { minLength: count, maxLength: count }).map((d) => d.join(""));
const uuid = fc.uuid();
const part = <T>(...values: T[]) => fc.constantFrom(...values);

/** Lines close to what gateways write, varied where the hand-written reading must decline or agree. */
const nearlyTraceLines = fc
  .tuple(
    part("", "", "", "["),
    fc.tuple(part("2026", "1999", "2O26"), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`),
    part("T", "T", " ", "t", "_"),
    fc.tuple(digits(2), digits(2), digits(2), part(":", ":", ".")).map(([h, m, s, sep]) => `${h}:${m}${sep}${s}`),
    fc.oneof(fc.constant(""), fc.tuple(part(".", ","), fc.integer({ min: 0, max: 11 })).chain(([sep, n]) => digits(n).map((d) => sep + d))),
    part("Z", "Z", "z", "", "+03:00", "-0300", "+03", "-03:0", "+3"),
    part("", "", "]"),
    part(" ", " ", "\t", "  ", ""),
    part("DEBUG ", "INFO ", "WARN ", "WARNING ", "ERROR ", "info ", "[INFO] ", "INFOX ", "", "DEBUG\t", "TRACE  "),
    fc.oneof(
      uuid.map((id) => `[callId=${id}]`),
      uuid.map((id) => `callId=${id}`),
      uuid.map((id) => `[${id}]`),
      uuid.map((id) => `[${id.toUpperCase()}]`),
      uuid.map((id) => `[${id.slice(0, 35)}]`),
      fc.tuple(part("call=", "traceId=", "requestId=", "CALLID=", "[traceId=", "callId=["), fc.string({ minLength: 0, maxLength: 8 })).map(([k, v]) => k + v),
      part("a91", "[callId=a91]x", "[callId=a91", "callId=a91]", "Gateway", "", "callId=a\u00a0b", "[callId=é]"),
    ),
    part(" ", " ", "\t", "", " - ", " -", "  -\t"),
    fc.oneof(part("Running interceptor: OAuth", "Response: 401 body=\"x\"", "", "- x", "a\u2028b", "a\rb"), fc.string({ maxLength: 20 })),
  )
  .map((parts) => parts.join(""));

describe("LineHeaderReader", () => {
  it("reads every line as TEXT_LINE does", () => {
    fc.assert(
      fc.property(nearlyTraceLines, (line) => {
        expect(byReader(line)).toEqual(byPattern(line));
      }),
      { numRuns: 5000 },
    );
  });

  it("reads a run of lines with one reader as TEXT_LINE reads each (the second it remembers never leaks into the next line)", () => {
    const closeInTime = fc
      .tuple(fc.constantFrom("0", "1"), fc.constantFrom("0", "5"), digits(1), fc.constantFrom("Z", "+01:00", ""), fc.constantFrom("T", " "))
      .map(([minute, tens, second, zone, t]) => `2026-11-20${t}14:0${minute}:${tens}${second}.250${zone} INFO [callId=a] x`);
    fc.assert(
      fc.property(fc.array(fc.oneof(closeInTime, nearlyTraceLines), { maxLength: 30 }), (lines) => {
        const reader = new LineHeaderReader();
        for (const line of lines) {
          const header = reader.read(line);
          expect(header === null ? null : { ...header }).toEqual(byPattern(line));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("reads the common form: time, level, reference and message", () => {
    const header = byReader("2026-11-20T14:03:11.482Z WARN [callId=7f3c] - Access token in HEADER access_token HAS NOT BEEN FOUND");
    expect(header).toEqual({
      time: Date.UTC(2026, 10, 20, 14, 3, 11, 482),
      level: "WARN",
      callRef: "7f3c",
      message: "Access token in HEADER access_token HAS NOT BEEN FOUND",
    });
  });
});
