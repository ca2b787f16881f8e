/**
 * One anchored pattern for a whole text trace line:
 * `<timestamp> [<level>] <call reference> [- ]<message>`.
 * Groups: 1 day, 2 clock, 3 fraction, 4 zone, 5 level, 6 keyed reference,
 * 7 bare UUID reference, 8 message. A line it does not match does not start
 * with a timestamp, so it continues the previous event.
 */
export const TEXT_LINE = new RegExp(
  [
    String.raw`^\[?(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d(?::\d\d)?)(?:[.,](\d{1,9}))?(Z|[+-]\d\d(?::?\d\d)?)?\]?`,
    String.raw`(?:[ \t]+`,
    String.raw`(?:\[?(TRACE|DEBUG|INFO|WARNING|WARN|ERROR|FATAL)\]?(?=[ \t]|$))?[ \t]*`,
    String.raw`(?:\[?(?:callId|call|traceId|requestId)=([^\]\s]+)\]?(?=[ \t]|$)`,
    String.raw`|\[([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\](?=[ \t]|$))?`,
    String.raw`[ \t]*(?:-[ \t]+)?(.*))?$`,
  ].join(""),
  "is",
);
