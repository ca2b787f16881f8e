/** The calls table's id: the target of the explorer's "Skip to calls" link (components/layout/skip-link.tsx). */
export const CALLS_TABLE_ID = "calls-table";

/** The facets' id: what the "Filters" button of a narrow screen shows and hides (components/explorer/facets-toggle.tsx). */
export const FACETS_ID = "facets";
