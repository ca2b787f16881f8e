/*
 * The explorer's fields as people see them: the table's columns and what
 * each sorts by, the facet fields' names, and how the URL and the page say
 * "no value" in each. Data only, with no imports, so
 * that client components import this file itself (the module's index would
 * bring the database client into the browser).
 */

/** The calls table's columns, in their default order, and the `sort` field each orders by. */
export const CALL_COLUMNS = [
  { id: "time", title: "Time", sortBy: "time" },
  { id: "status", title: "Status", sortBy: "status" },
  { id: "method", title: "Method", sortBy: "method" },
  { id: "uri", title: "URI", sortBy: "uri" },
  { id: "api", title: "API", sortBy: "api" },
  { id: "app", title: "App", sortBy: "app" },
  { id: "agent", title: "User-Agent", sortBy: "agent" },
  { id: "cause", title: "Cause", sortBy: "cause" },
  { id: "credential", title: "Credential", sortBy: "name" },
  { id: "interceptor", title: "Interceptor", sortBy: "interceptor" },
] as const;

export type ColumnId = (typeof CALL_COLUMNS)[number]["id"];

/** Columns shown only when asked for (`columns=`, or the Columns menu): a trace often does not log them, and they are long. */
export const ON_REQUEST_COLUMNS: ReadonlySet<ColumnId> = new Set(["agent"]);
export type SortField = (typeof CALL_COLUMNS)[number]["sortBy"];

/** What each facet field (and its filter) is called. */
export const FACET_TITLES = {
  cause: "Cause",
  status: "Status",
  element: "Credential element",
  location: "Credential location",
  name: "Credential name",
  api: "API",
  app: "App",
  agent: "User-Agent",
  method: "Method",
  interceptor: "Interceptor",
} as const;

/** What a call without a value in each facet field is, in its facet row and its filter's chip. */
export const NO_VALUE_LABELS = {
  cause: "— not rejected",
  status: "— no response",
  element: "— no credential named",
  location: "— no credential named",
  name: "— no credential named",
  api: "— none",
  app: "— none",
  agent: "— not logged",
  method: "— none",
  interceptor: "— none",
} as const satisfies Record<keyof typeof FACET_TITLES, string>;

/**
 * `missing=<field>`: the calls without a value in that facet field (and
 * `not_missing=<field>` leaves them out). A parameter of its own, since a
 * value such as "none" could be a real API's or app's name.
 */
export const MISSING = "missing";

/**
 * `status=none`, status's own spelling of `missing=status` (statuses are
 * numbers, so "none" is no status's value): the calls whose response was
 * not logged.
 */
export const NO_RESPONSE = { value: "none" } as const;

/**
 * The URL's spellings of "no value in this field" (as [parameter, value],
 * filtering in; `not_` before the parameter filters out), the one links are
 * written with first.
 */
export function missingSpellings(field: keyof typeof FACET_TITLES): [readonly [string, string], ...Array<readonly [string, string]>] {
  return field === "status" ? [["status", NO_RESPONSE.value], [MISSING, field]] : [[MISSING, field]];
}

/** The parameter of a facet's values (`GET /api/facets/{field}`) that holds the text typed in its filter box: matched as typed, not as a pattern. */
export const FACET_MATCH = "match";

/** The call page's parameter that holds the explorer view (its query) the call was opened from. */
export const FROM_VIEW = "view";
