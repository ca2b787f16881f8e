import fc from "fast-check";
import type { CallFacts } from "../../lib/calls";

/** A line somewhere in the trace: where facts were read. */
export const sighting = fc.record({
  file: fc.constantFrom("a.log", "b.ndjson"),
  line: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
  seq: fc.integer({ min: 0, max: 50 }),
  time: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  text: fc.constantFrom("x", "y"),
});

/** What one upload may know about call c1 (small domains, so merges meet). */
export const callFacts: fc.Arbitrary<CallFacts> = fc.record({
  callRef: fc.constant("c1"),
  time: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  method: fc.option(fc.constantFrom("GET", "POST"), { nil: null }),
  uri: fc.option(fc.constantFrom("/a", "/b"), { nil: null }),
  api: fc.option(fc.constantFrom("Payments", "Orders"), { nil: null }),
  resource: fc.constant(null),
  app: fc.option(fc.constantFrom("Mobile App"), { nil: null }),
  clientIp: fc.constant(null),
  userAgent: fc.option(fc.constantFrom("okhttp/4.12.0", "curl/8.4.0"), { nil: null }),
  response: fc.option(
    fc
      .tuple(sighting, fc.option(fc.constantFrom(200, 401), { nil: null }), fc.option(fc.constantFrom("ok", "no"), { nil: null }), fc.option(fc.constantFrom(3, 40), { nil: null }))
      .map(([p, status, body, durationMs]) => ({ ...p, status, body, durationMs })),
    { nil: null },
  ),
  credentials: fc.uniqueArray(
    fc.record({
      location: fc.constantFrom("header" as const, "query" as const),
      name: fc.constantFrom("access_token", "client_id"),
      fingerprint: fc.constantFrom("f1", "f2"),
      preview: fc.constant("…"),
      length: fc.constant(10),
      leadingWhitespace: fc.boolean(),
      trailingWhitespace: fc.constant(false),
      lineBreak: fc.constant(false),
      sighting: fc.option(sighting, { nil: null }),
    }),
    { maxLength: 3, selector: (c) => `${c.location}${c.name}${c.fingerprint}${c.leadingWhitespace}` },
  ),
  rejectingLines: fc.uniqueArray(
    sighting.map((p) => ({ ...p, says: "not_found" as const, label: "Access token", location: "header" as const, name: "access_token" })),
    { maxLength: 2, selector: (l) => `${l.file}${l.seq}` },
  ),
  interceptors: fc.uniqueArray(
    fc.record({ name: fc.constantFrom("OAuth", "JWT Validation"), file: fc.constantFrom("a.log", "b.ndjson"), seq: fc.integer({ min: 0, max: 50 }), time: fc.constant(null) }),
    { maxLength: 3, selector: (m) => `${m.file}${m.seq}` },
  ),
  extraFields: fc.dictionary(fc.constantFrom("env", "region"), fc.constantFrom("prod", "test")),
  traceLineCount: fc.integer({ min: 0, max: 10 }),
});

