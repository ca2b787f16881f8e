import type { Database } from "../database";
import { FACET_FIELDS, type CallFilters, type FacetField } from "./filters";
import { FACET_COLUMNS, whereClause } from "./where-clause";

export type FacetValue = { value: string | null; count: number };
export type Facets = Record<FacetField, FacetValue[]>;

const VALUES_PER_FACET = 12;

/**
 * Exact counts per value for each facet, under every current filter except
 * the facet's own, so the other values stay visible (and countable) while
 * one is selected.
 */
export async function readFacets(db: Database, filters: CallFilters, now = new Date()): Promise<Facets> {
  const entries = await Promise.all(
    FACET_FIELDS.map(async (field) => {
      const where = whereClause({ ...filters, [field]: undefined, [`not_${field}`]: undefined }, now);
      const rows = await db.$queryRaw<Array<{ value: string | null; count: number }>>`
        SELECT ${FACET_COLUMNS[field].text} AS value, count(*)::int AS count
          FROM calls c WHERE ${where}
         GROUP BY 1 ORDER BY 2 DESC, 1 ASC NULLS LAST LIMIT ${VALUES_PER_FACET}`;
      return [field, rows] as const;
    }),
  );
  return Object.fromEntries(entries) as Facets;
}
