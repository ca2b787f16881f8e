import { FACET_MATCH } from "./fields";
import type { FacetField } from "./filters";

/** The explorer's URL parameters a link to a view sets (what each takes: lib/explorer/filters.ts). */
type LinkParameter = FacetField | `not_${FacetField}` | "rejected" | "upload" | "fingerprint" | "refused" | "q" | "range" | "sort";
type LinkValue = string | number | boolean | ReadonlyArray<string | number>;
export type ExplorerLinkFilters = Partial<Record<LinkParameter, LinkValue | null | undefined>>;

/**
 * A link to the explorer showing these filters (a list: any of its values),
 * each value encoded, in the order given; an absent value sets nothing.
 * Data only, so that client components import this file itself.
 */
export function explorerHref(filters: ExplorerLinkFilters): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value === undefined || value === null) continue;
    for (const each of Array.isArray(value) ? value : [value]) query.append(name, String(each));
  }
  return explorerPath(query);
}

/** The explorer with this query, or the explorer itself when it is empty. */
export function explorerPath(query: URLSearchParams): string {
  const text = query.toString();
  return text ? `/?${text}` : "/";
}

/** A time window in ISO 8601, as the `from` and `to` parameters take it. */
export type FixedTimes = { from: string; to: string };

/**
 * Sets the view's window to these times, in place: `from` and `to` instead
 * of a relative `range` (the two are refused together); an end given as
 * null is left open. What a zoom, a custom range and a link to the window
 * shown all write.
 */
export function setFixedTimes(query: URLSearchParams, times: { from: string | null; to: string | null }): void {
  query.delete("range");
  for (const end of ["from", "to"] as const) {
    const time = times[end];
    if (time === null) query.delete(end);
    else query.set(end, time);
  }
}

/** The same view fixed to these times, so that it shows the same calls whenever it is opened. */
export function withFixedTimes(query: URLSearchParams, times: FixedTimes): URLSearchParams {
  const fixed = new URLSearchParams(query);
  setFixedTimes(fixed, times);
  return fixed;
}

/**
 * What "calls around this time" spans: a minute before a moment (calls
 * already failing as it was logged) to five after it, since a gateway's
 * trouble shows in the calls that follow, a burst of them lasting minutes.
 */
const AROUND_BEFORE_MS = 60_000;
const AROUND_AFTER_MS = 5 * 60_000;

/**
 * The explorer around a time (a gateway event's), every upload's calls: a
 * node restarting or a token store down affects all the calls the gateway
 * answered then, whichever file logged them.
 */
export function callsAroundHref(iso: string): string {
  const at = Date.parse(iso);
  const query = new URLSearchParams();
  setFixedTimes(query, { from: new Date(at - AROUND_BEFORE_MS).toISOString(), to: new Date(at + AROUND_AFTER_MS).toISOString() });
  return explorerPath(query);
}

/** Where a facet's values under a view's filters (`filterQuery`) are read, those containing `match` when it is not blank. */
export function facetValuesHref(field: FacetField, filterQuery: string, match: string): string {
  const query = new URLSearchParams(filterQuery);
  if (match.trim()) query.set(FACET_MATCH, match.trim());
  return `/api/facets/${field}?${query}`;
}
