import type { Facets, FacetField } from "@/lib/explorer";
import { FACETS_ID } from "./anchors";
import { FacetSection } from "./facet-section";

/** The order the facets are shown in: what most often answers "why" first. */
const FACETS: FacetField[] = ["cause", "status", "api", "app", "location", "name", "element", "interceptor", "method"];

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
      {FACETS.every((field) => facets[field].values.length === 0) && <p className="muted facets-empty">No calls in this view, so nothing to count.</p>}
      {FACETS.map((field) => facets[field].values.length > 0 && <FacetSection key={field} field={field} facet={facets[field]} filterQuery={filterQuery} />)}
    </aside>
  );
}
