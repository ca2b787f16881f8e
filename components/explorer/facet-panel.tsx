import type { Facet, Facets, FacetField } from "@/lib/explorer";
import { FACETS_ID } from "./anchors";
import { FacetSection } from "./facet-section";

/** The order the facets are shown in: what most often answers "why" first. */
const FACETS: FacetField[] = ["cause", "status", "api", "app", "agent", "location", "name", "element", "interceptor", "method"];

/** Fields most traces do not log (the User-Agent): a facet of "— not logged" alone would say nothing. */
const SHOWN_WHEN_LOGGED: ReadonlySet<FacetField> = new Set(["agent"]);

const hasRows = (field: FacetField, { values }: Facet) => (SHOWN_WHEN_LOGGED.has(field) ? values.some(({ value }) => value !== null) : values.length > 0);

/**
 * Each field's values with exact counts under the other filters. Calls
 * without a value are counted too, so a facet that shows all its values
 * adds up to the view's total. `filterQuery` is the view's filters, under
 * which a facet lists the values it does not show.
 */
export function FacetPanel({ facets, filterQuery }: { facets: Facets; filterQuery: string }) {
  return (
    <aside id={FACETS_ID} className="facets" aria-label="Facets">
      <h2 className="visually-hidden">Filters</h2>
      {FACETS.every((field) => !hasRows(field, facets[field])) && <p className="muted facets-empty">No calls in this view, so nothing to count.</p>}
      {FACETS.map((field) => hasRows(field, facets[field]) && <FacetSection key={field} field={field} facet={facets[field]} filterQuery={filterQuery} />)}
    </aside>
  );
}
