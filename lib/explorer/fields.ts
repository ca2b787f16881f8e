/*
 * The explorer's fields as people see them: the table's columns and what
 * each sorts by, and the facet fields' names. Data only, with no imports, so
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
  { id: "cause", title: "Cause", sortBy: "cause" },
  { id: "credential", title: "Credential", sortBy: "name" },
  { id: "interceptor", title: "Interceptor", sortBy: "interceptor" },
] as const;

export type ColumnId = (typeof CALL_COLUMNS)[number]["id"];
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
  method: "Method",
  interceptor: "Interceptor",
} as const;

/**
 * `status=none`: the calls whose response was not logged. The other facet
 * fields have no URL value for "no value", so calls without one are counted
 * but cannot be filtered on.
 */
export const NO_RESPONSE = { value: "none", title: "no response" } as const;

/** The call page's parameter that holds the explorer view (its query) the call was opened from. */
export const FROM_VIEW = "view";
