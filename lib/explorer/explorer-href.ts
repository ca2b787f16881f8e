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
 * The same view fixed to these times: `from` and `to` in place of a relative
 * `range` (the two are refused together), so that it shows the same calls
 * whenever it is opened.
 */
export function withFixedTimes(query: URLSearchParams, times: FixedTimes): URLSearchParams {
  const fixed = new URLSearchParams(query);
  fixed.delete("range");
  fixed.set("from", times.from);
  fixed.set("to", times.to);
  return fixed;
}
