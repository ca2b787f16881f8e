import type { Database } from "../database";
import { FACET_FIELDS, type CallFilters, type FacetField } from "./filters";
import { FACET_COLUMNS, whereClause } from "./where-clause";

export type FacetValue = { value: string | null; count: number };
export type Facets = Record<FacetField, FacetValue[]>;

const VALUES_PER_FACET = 12;

/**
 * Exact counts per value for each facet, under every current filter except
 * the facet's own, so the other values stay visible (and countable) while
 * one is selected ("no value" among them).
 */
export async function readFacets(db: Database, filters: CallFilters, now = new Date()): Promise<Facets> {
  const entries = await Promise.all(
    FACET_FIELDS.map(async (field) => {
      const where = whereClause(withoutOwnFilter(filters, field), now);
      const rows = await db.$queryRaw<Array<{ value: string | null; count: number }>>`
        SELECT ${FACET_COLUMNS[field].text} AS value, count(*)::int AS count
          FROM calls c WHERE ${where}
         GROUP BY 1 ORDER BY 2 DESC, 1 ASC NULLS LAST LIMIT ${VALUES_PER_FACET}`;
      return [field, rows] as const;
    }),
  );
  return Object.fromEntries(entries) as Facets;
}

/** The filters less a facet field's own: its values, in and out, and "no value" in it, in and out. */
function withoutOwnFilter<Filters extends CallFilters>(filters: Filters, field: FacetField): Filters {
  const others = (fields: readonly FacetField[] | undefined) => fields?.filter((other) => other !== field);
  return { ...filters, [field]: undefined, [`not_${field}`]: undefined, missing: others(filters.missing), not_missing: others(filters.not_missing) };
}
