import { Prisma, type Database } from "../database";
import { CAUSE_ORDER } from "../rules";
import type { FacetValue, FacetValues } from "./facet-values-answer";
import type { FacetValuesRequest } from "./facet-values-request";
import { FACET_FIELDS, type CallFilters, type FacetField } from "./filters";
import { FACET_COLUMNS, whereClause } from "./where-clause";

/** A facet's rows, and how many values (calls without one counted as one more) the field takes under the same filters. */
export type Facet = { values: FacetValue[]; valueCount: number };
export type Facets = Record<FacetField, Facet>;

const VALUES_PER_FACET = 12;

/** The most values one ask for a facet's values answers: the list is for picking from, typing narrows it. */
const MOST_FACET_VALUES = 1_000;

type FacetRow = FacetValue & { value_count: number };

/**
 * Exact counts per value for each facet, under every current filter except
 * the facet's own, so the other values stay visible (and countable) while
 * one is selected ("no value" among them). Each facet lists its most
 * frequent values, and the values its own filter names however rare they
 * are: a value picked from the long tail stays in view, pressed, and the
 * charts ranked from these rows keep it.
 */
export async function readFacets(db: Database, filters: CallFilters, now = new Date()): Promise<Facets> {
  const entries = await Promise.all(
    FACET_FIELDS.map(async (field) => {
      const { named, none } = ownFilterValues(filters, field);
      const text = FACET_COLUMNS[field].text;
      // The window counts the groups before any is left out: the field's values, shown or not.
      const rows = await db.$queryRaw<FacetRow[]>`
        SELECT value, count, value_count FROM (
          SELECT ${text} AS value, count(*)::int AS count, count(*) OVER ()::int AS value_count,
                 row_number() OVER (ORDER BY count(*) DESC, ${text} ASC NULLS LAST) AS rank
            FROM calls c WHERE ${whereClause(withoutOwnFilter(filters, field), now)}
           GROUP BY 1) counted
         WHERE rank <= ${VALUES_PER_FACET} OR value = ANY(${named}::text[]) OR (value IS NULL AND ${none})
         ORDER BY rank`;
      return [field, { values: inShownOrder(field, rows.map(valueOf)), valueCount: rows[0]?.value_count ?? 0 }] as const;
    }),
  );
  return Object.fromEntries(entries) as Facets;
}

/**
 * The long tail of one facet: its values under every current filter but its
 * own, as its rows count them, up to MOST_FACET_VALUES of them. What a
 * facet's "Show all" and its filter box list.
 */
export async function readFacetValues(db: Database, { field, match, filters }: FacetValuesRequest, now = new Date()): Promise<FacetValues> {
  const text = FACET_COLUMNS[field].text;
  // strpos rather than LIKE: the text typed is matched as it is, with no wildcard to escape.
  const matches = match === undefined ? Prisma.sql`TRUE` : Prisma.sql`strpos(lower(${text}), lower(${match})) > 0`;
  const rows = await db.$queryRaw<FacetRow[]>`
    SELECT ${text} AS value, count(*)::int AS count, count(*) OVER ()::int AS value_count
      FROM calls c WHERE ${whereClause(withoutOwnFilter(filters, field), now)} AND ${matches}
     GROUP BY 1 ORDER BY 2 DESC, 1 ASC NULLS LAST LIMIT ${MOST_FACET_VALUES}`;
  return { values: inShownOrder(field, rows.map(valueOf)), matching: rows[0]?.value_count ?? 0 };
}

const valueOf = ({ value, count }: FacetRow): FacetValue => ({ value, count });

/**
 * Causes in the rules table's order, calls not rejected after them: six
 * causes, each with its colour, read in one place in the facet, the charts
 * and their tables alike, whatever their counts (which every row shows).
 * Other fields rank by count, as they came.
 */
function inShownOrder(field: FacetField, values: FacetValue[]): FacetValue[] {
  if (field !== "cause") return values;
  const position = ({ value }: FacetValue) => (value === null ? CAUSE_ORDER.length : (CAUSE_ORDER as readonly string[]).indexOf(value));
  return values.toSorted((a, b) => position(a) - position(b));
}

/** The values a facet field's own filter names, in or out, and whether it names "no value". */
function ownFilterValues(filters: CallFilters, field: FacetField): { named: string[]; none: boolean } {
  const named = [...(filters[field] ?? []), ...(filters[`not_${field}`] ?? [])].map(String);
  const none = [filters.missing, filters.not_missing].some((fields) => fields?.includes(field) === true);
  return { named, none };
}

/** The filters less a facet field's own: its values, in and out, and "no value" in it, in and out. */
function withoutOwnFilter<Filters extends CallFilters>(filters: Filters, field: FacetField): Filters {
  const others = (fields: readonly FacetField[] | undefined) => fields?.filter((other) => other !== field);
  return { ...filters, [field]: undefined, [`not_${field}`]: undefined, missing: others(filters.missing), not_missing: others(filters.not_missing) };
}
