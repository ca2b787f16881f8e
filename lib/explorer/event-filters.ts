import { z } from "zod";
import { eventsPageFields, EVENTS_PAGE_EXPECTED, type EventsPage } from "./gateway-events";
import { refuseContradictingTimes, sharedFilterFields, SHARED_FILTERS_EXPECTED, type SharedFilters } from "./filters";
import { parseLeniently, parseUrlParameters, type IgnoredParameter, type UrlParameters } from "./url-parameters";

/**
 * The levels an event can be filtered by, each a rank of SEVERITY_RANK
 * (lib/explorer/event-rows.ts): ERROR or FATAL, WARN or WARNING, and the
 * rest (INFO, DEBUG, none), as the chart colours its flags.
 */
export const EVENT_LEVELS = { error: 2, warn: 1, other: 0 } as const;
export type EventLevel = keyof typeof EVENT_LEVELS;
const LEVEL_NAMES = Object.keys(EVENT_LEVELS) as [EventLevel, ...EventLevel[]];

/**
 * The URL contract of every upload's gateway events, shared by the page
 * (`/events?level=error`) and `GET /api/events`: their levels (any of those
 * repeated), a text they contain in any case (`q`), and the explorer's time
 * window and uploads, which mean the same as there, so that a link carries
 * them from the calls to their events. Anything unknown is an error naming it.
 */
const eventFiltersSchema = z
  .object({ level: z.array(z.enum(LEVEL_NAMES)).optional(), ...sharedFilterFields, ...eventsPageFields })
  .strict()
  .superRefine(refuseContradictingTimes)
  .transform(({ cursor, limit, ...filters }) => ({ ...filters, page: { offset: cursor ?? 0, limit } satisfies EventsPage }));

export type EventFilters = z.output<typeof eventFiltersSchema>;
/** What picks events; a view of calls (CallFilters) has all of it but the levels. */
export type EventsPicked = SharedFilters & { level?: EventLevel[] };

const EXPECTED = {
  level: `an event level; known: ${LEVEL_NAMES.join(", ")}`,
  ...SHARED_FILTERS_EXPECTED,
  ...EVENTS_PAGE_EXPECTED,
} satisfies Record<keyof z.input<typeof eventFiltersSchema>, string>;

const REPEATABLE = new Set(["level", "upload"]);

/** Parses URL parameters into event filters, or throws InvalidFilterError naming the first bad one. */
export function parseEventFilters(params: UrlParameters): EventFilters {
  return parseUrlParameters(eventFiltersSchema, params, { repeatable: REPEATABLE, expected: (parameter) => EXPECTED[parameter as keyof typeof EXPECTED] });
}

/** For the page: the events a URL asks for less its wrong values, each reported, as the explorer does; `applied` is the URL less those. */
export function parseEventFiltersLeniently(
  params: Record<string, string | string[] | undefined>,
): { filters: EventFilters; ignored: IgnoredParameter[]; applied: URLSearchParams } {
  const { parsed, ignored, applied } = parseLeniently(parseEventFilters, params);
  return { filters: parsed, ignored, applied };
}
